"""Dates as people type them, in English and Dutch, relative to a 'today' passed in."""

import itertools
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import TODAY, ago
from wederkerig.core import i18n
from wederkerig.core.dates import (
    Every,
    last_twelve_months,
    parse_cadence,
    parse_date,
    parse_period,
    parse_span,
    period_labels,
    read_date,
)
from wederkerig.core.errors import InvalidInputError

assert TODAY.strftime("%A") == "Thursday"  # the readings below are counted from it


@pytest.fixture(autouse=True)
def dutch_dates(monkeypatch: pytest.MonkeyPatch) -> None:
    """Numeric dates are read day first, as in the Netherlands, whatever the machine's locale."""
    monkeypatch.setenv("LC_ALL", "nl_NL.UTF-8")


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("vandaag", TODAY),
        ("Gisteren", ago(1)),
        (" eergisteren ", ago(2)),
        ("yesterday", ago(1)),
        ("3 dagen geleden", ago(3)),
        ("1 day ago", ago(1)),
        ("vrijdag", ago(6)),
        ("donderdag", TODAY),  # today counts
        ("vorige donderdag", ago(7)),
        ("last friday", ago(6)),
        ("vorige week dinsdag", ago(9)),
        ("2026-03-12", date(2026, 3, 12)),
        ("3-12-2025", date(2025, 12, 3)),  # day first
        ("12 maart", date(2026, 3, 12)),
        ("3 weken geleden", ago(21)),
    ],
)
def test_a_date_is_read_as_a_dutch_or_english_speaker_means_it(typed: str, meant: date) -> None:
    assert parse_date(typed, TODAY) == meant


def test_an_american_locale_reads_the_month_first(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    assert parse_date("3-12-2025", TODAY) == date(2025, 3, 12)


@pytest.mark.parametrize("typed", ["morgen", "overmorgen", "in 3 dagen", "volgende vrijdag"])
def test_the_future_is_only_for_promises(typed: str) -> None:
    with pytest.raises(InvalidInputError, match="is in the future"):
        parse_date(typed, TODAY)
    assert parse_date(typed, TODAY, allow_future=True) > TODAY


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        ("2026-02-30", "not a date on the calendar"),
        ("vorige week", "names a week"),
        ("10 hours ago", "is a time, not a date"),
        ("blurp", "cannot read the date"),
        ("", "cannot read the date"),
    ],
)
def test_what_is_no_day_is_refused_saying_why(typed: str, problem: str) -> None:
    with pytest.raises(InvalidInputError, match=problem):
        parse_date(typed, TODAY)


@given(st.dates(max_value=TODAY))
def test_an_iso_date_reads_back_as_itself(day: date) -> None:
    assert parse_date(day.isoformat(), TODAY) == day


@pytest.mark.parametrize(
    ("typed", "first", "last"),
    [
        ("2026", date(2026, 1, 1), date(2026, 12, 31)),
        ("2026-Q1", date(2026, 1, 1), date(2026, 3, 31)),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        ("last-month", date(2026, 10, 1), date(2026, 10, 31)),
        ("this-quarter", date(2026, 10, 1), date(2026, 12, 31)),
        ("last-quarter", date(2026, 7, 1), date(2026, 9, 30)),
        ("last-90-days", ago(89), TODAY),
    ],
)
def test_a_period_is_its_first_and_last_day(typed: str, first: date, last: date) -> None:
    assert parse_period(typed, TODAY) == (first, last)


@pytest.mark.parametrize("typed", ["2026-13", "last-0-days", "0000", "soon"])
def test_a_period_that_is_none_is_refused(typed: str) -> None:
    with pytest.raises(InvalidInputError):
        parse_period(typed, TODAY)


years = st.dates(date(1990, 1, 1), date(2040, 12, 31))


@settings(deadline=None)
@given(years, years, st.sampled_from(Every))
def test_period_labels_cover_a_stretch_without_gaps(first: date, last: date, every: Every) -> None:
    first, last = min(first, last), max(first, last)
    labels = period_labels(first, last, every)
    spans = [parse_period(label, TODAY) for label in labels]
    assert spans[0][0] <= first
    assert spans[-1][1] >= last
    for (_start, end), (start, _end) in itertools.pairwise(spans):
        assert start == end + timedelta(days=1)


def test_the_last_twelve_months_start_on_a_first_of_the_month() -> None:
    first, last = last_twelve_months(TODAY)
    assert (first, last) == (date(2025, 12, 1), TODAY)
    assert len(period_labels(first, last, Every.MONTH)) == 12


@pytest.mark.parametrize(
    ("typed", "days"), [("90d", 90), ("12w", 84), ("3 maanden", 90), ("1j", 365), ("2 weken", 14)]
)
def test_a_span_is_counted_in_days(typed: str, days: int) -> None:
    assert parse_span(typed, "--within") == days


def test_a_span_of_nothing_is_allowed_only_when_asked() -> None:
    with pytest.raises(InvalidInputError, match="not a stretch of time"):
        parse_span("0", "--within")
    assert parse_span("0d", "--within", allow_zero=True) == 0
    assert parse_cadence("geen") is None
    assert parse_cadence("4w") == 28


# --- issue #14: short years, counted words, and saying which reading was taken ---------------

DECEMBER_3 = date(2026, 12, 3)


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("twee weken geleden", ago(14)),
        ("2 weken geleden", ago(14)),
        ("two weeks ago", ago(14)),
        ("een week geleden", ago(7)),
        ("drie dagen geleden", ago(3)),
        ("Tien dagen geleden", ago(10)),
        ("3-11-26", date(2026, 11, 3)),  # day first, a two-digit year in this century
        ("3.11.26", date(2026, 11, 3)),
        ("13/03/26", date(2026, 3, 13)),
    ],
)
def test_counted_words_and_short_years_are_read(typed: str, meant: date) -> None:
    assert read_date(typed, TODAY) == (meant, None)
    assert parse_date(typed, TODAY) == meant


def test_an_ambiguous_slash_date_says_which_reading_was_taken() -> None:
    assert read_date("11/03/2026", TODAY) == (
        date(2026, 3, 11),
        "Read 11/03/2026 as 11 March 2026.",
    )


def test_an_american_locale_says_it_read_the_month_first(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    assert read_date("11/03/2026", TODAY) == (
        date(2026, 11, 3),
        "Read 11/03/2026 as 3 November 2026.",
    )


@pytest.mark.parametrize("typed", ["13/03/2026", "03/03/2026", "11-03-2026", "2026/03/11"])
def test_a_date_with_one_reading_is_read_silently(typed: str) -> None:
    assert read_date(typed, TODAY)[1] is None


def test_a_day_without_a_year_still_to_come_is_last_years_and_says_so() -> None:
    day, notice = read_date("12 december", DECEMBER_3)
    assert day == date(2025, 12, 12)
    assert notice == "12 december is still to come this year, so it was read as 2025-12-12."


@pytest.mark.parametrize("typed", ["3 december", "12 maart", "12 december 2025"])
def test_a_day_without_a_year_that_has_been_is_read_silently(typed: str) -> None:
    assert read_date(typed, DECEMBER_3)[1] is None


def test_a_due_date_without_a_year_lies_ahead_silently() -> None:
    assert read_date("12 december", DECEMBER_3, allow_future=True) == (date(2026, 12, 12), None)


@pytest.mark.parametrize("typed", ["12/12/2026", "2026-12-12", "12-12-26"])
def test_an_explicit_future_date_is_still_refused(typed: str) -> None:
    with pytest.raises(InvalidInputError, match="in the future"):
        read_date(typed, DECEMBER_3)


@given(st.dates(date(2000, 1, 1), TODAY))
def test_every_past_day_reads_back_from_iso_and_dutch_forms(day: date) -> None:
    for typed in (day.isoformat(), f"{day.day}-{day.month}-{day.year}", day.strftime("%d-%m-%y")):
        assert read_date(typed, TODAY) == (day, None)


def test_the_reading_is_named_in_dutch_too() -> None:
    i18n.use("nl")
    try:
        notice = read_date("11/03/2026", TODAY)[1]
    finally:
        i18n.use("en")
    assert notice == "11/03/2026 gelezen als 11 maart 2026."
