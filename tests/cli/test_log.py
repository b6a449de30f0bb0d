"""`log`, `entries`, `edit`, `rm` and `undo`: recording what flowed, in English or Dutch."""

import csv
import io
import json
from datetime import date

import pytest

from helpers import ENTRY_COLUMNS, TODAY, LedgerUnderTest, Refused, Run, Templates, ok
from wederkerig.core import i18n


def exported(run: Run) -> list[dict[str, str]]:
    """The entries as CSV text, the way a script reads them."""
    result = ok(run("export"))
    return list(csv.DictReader(io.StringIO(result.stdout)))


def only_entry(run: Run) -> dict[str, str]:
    (entry,) = exported(run)
    return entry


@pytest.fixture
def anna(run: Run) -> Run:
    ok(run("contact", "add", "Anna de Vries", "--alias", "Anna"))
    return run


# --- log -------------------------------------------------------------------------------------


def test_log_prints_only_the_new_id_on_stdout(anna: Run) -> None:
    first = ok(anna("log", "Anna", "gave", "knowledge", "a tip about subsidies"))
    assert first.stdout == "1\n"
    assert "Logged" in first.stderr
    assert "a tip about subsidies" in first.stderr
    second = ok(anna("log", "Anna", "received", "talent"))
    assert second.stdout == "2\n"
    assert [row["id"] for row in exported(anna)] == ["1", "2"]


def test_log_stores_what_was_typed(anna: Run) -> None:
    ok(anna("log", "Anna", "gave", "knowledge", "uitleg over de Omgevingswet", "--value", "3"))
    entry = only_entry(anna)
    assert entry["contact"] == "Anna de Vries"
    assert (entry["direction"], entry["kind"], entry["value"]) == ("gave", "knowledge", "3")
    assert entry["description"] == "uitleg over de Omgevingswet"
    assert entry["date"] == TODAY.isoformat()  # the default is today
    assert entry["amount"] == ""
    assert entry["event"] == ""


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("gave", "gave"),
        ("gaf", "gave"),
        ("gegeven", "gave"),
        ("GAF", "gave"),
        ("received", "received"),
        ("kreeg", "received"),
        ("ontvangen", "received"),
        ("Ontvangen", "received"),
    ],
)
def test_directions_in_english_and_dutch(anna: Run, typed: str, stored: str) -> None:
    ok(anna("log", "Anna", typed, "knowledge"))
    assert only_entry(anna)["direction"] == stored


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("knowledge", "knowledge"),
        ("kennis", "knowledge"),
        ("talent", "talent"),
        ("money", "money"),
        ("geld", "money"),
        ("access", "access"),
        ("toegang", "access"),
        ("Kennis", "knowledge"),
    ],
)
def test_kinds_in_english_and_dutch(anna: Run, typed: str, stored: str) -> None:
    ok(anna("log", "Anna", "gave", typed))
    assert only_entry(anna)["kind"] == stored


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2026-03-05", date(2026, 3, 5)),
        ("5-3-2026", date(2026, 3, 5)),  # Dutch: day first
        ("05-03-2026", date(2026, 3, 5)),
        ("26-11-2026", TODAY),
        ("today", TODAY),
        ("vandaag", TODAY),
        ("yesterday", date(2026, 11, 25)),
        ("gisteren", date(2026, 11, 25)),
        ("3 days ago", date(2026, 11, 23)),
        ("3 dagen geleden", date(2026, 11, 23)),
        ("30 days ago", date(2026, 10, 27)),
        ("31/12/2025", date(2025, 12, 31)),  # slashes and dots, day first too
        ("5.3.2026", date(2026, 3, 5)),
        ("2026/01/05", date(2026, 1, 5)),
        # read by dateparser, in both languages, preferring the past (today is a Thursday)
        ("vorige week dinsdag", date(2026, 11, 17)),
        ("last week tuesday", date(2026, 11, 17)),
        ("afgelopen vrijdag", date(2026, 11, 20)),
        ("last tuesday", date(2026, 11, 24)),
        ("3 weken geleden", date(2026, 11, 5)),
        ("two weeks ago", date(2026, 11, 12)),
        ("12 maart", date(2026, 3, 12)),
        ("12 march", date(2026, 3, 12)),
        ("1 december", date(2025, 12, 1)),  # a bare date is the last one, not the coming one
    ],
)
def test_on_accepts_iso_dutch_and_words(anna: Run, typed: str, expected: date) -> None:
    ok(anna("log", "Anna", "gave", "knowledge", "--on", typed))
    assert only_entry(anna)["date"] == expected.isoformat()


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        (None, date(2024, 3, 1)),
        ("vandaag", date(2024, 3, 1)),
        ("yesterday", date(2024, 2, 29)),
        ("gisteren", date(2024, 2, 29)),
        ("3 days ago", date(2024, 2, 27)),
        ("3 dagen geleden", date(2024, 2, 27)),
    ],
)
def test_relative_dates_count_from_the_injected_today(
    anna: Run, typed: str | None, expected: date
) -> None:
    on = () if typed is None else ("--on", typed)
    ok(anna("log", "Anna", "gave", "knowledge", *on, today=date(2024, 3, 1)))
    assert only_entry(anna)["date"] == expected.isoformat()


@pytest.mark.parametrize(
    "typed", ["2026-11-27", "27-11-2026", "2027-01-01", "morgen", "tomorrow", "next friday"]
)
def test_future_dates_are_refused(anna: Run, typed: str, refused: Refused) -> None:
    result = refused(2, "log", "Anna", "gave", "knowledge", "--on", typed)
    assert "future" in result.stderr


def test_the_future_is_judged_by_the_injected_today(anna: Run, refused: Refused) -> None:
    refused(2, "log", "Anna", "gave", "knowledge", "--on", "2024-03-02", today=date(2024, 3, 1))
    ok(anna("log", "Anna", "gave", "knowledge", "--on", "2024-03-02", today=date(2024, 3, 2)))


@pytest.mark.parametrize(
    ("typed", "reading"),
    [("vorige week", "2026-11-19"), ("last month", "2026-10-26"), ("vorig jaar", "2025-11-26")],
)
def test_a_week_month_or_year_is_refused_with_the_day_it_would_have_been(
    anna: Run, typed: str, reading: str, refused: Refused
) -> None:
    result = refused(2, "log", "Anna", "gave", "knowledge", "--on", typed)
    assert "say which day" in result.stderr
    assert reading in result.stderr


def test_month_first_numeric_dates_under_a_us_locale(anna: Run) -> None:
    ok(anna("log", "Anna", "gave", "knowledge", "--on", "3/12/2026", LC_ALL="en_US.UTF-8"))
    assert only_entry(anna)["date"] == "2026-03-12"


@pytest.mark.parametrize(
    "typed",
    ["2026-02-30", "30-2-2026", "2026-13-01", "31/13/2026", "blursday", ""],
)
def test_impossible_or_unreadable_dates_are_refused(
    anna: Run, typed: str, refused: Refused
) -> None:
    result = refused(2, "log", "Anna", "gave", "knowledge", "--on", typed)
    assert "date" in result.stderr


@pytest.mark.parametrize(
    ("args", "suggestion"),
    [
        (("gave", "knowlege"), "knowledge"),
        (("gave", "kenis"), "kennis"),
        (("gave", "tallent"), "talent"),
        (("recieved", "knowledge"), "received"),
        (("ontvagen", "knowledge"), "ontvangen"),
    ],
)
def test_unknown_kind_or_direction_is_refused_with_a_suggestion(
    anna: Run, args: tuple[str, str], suggestion: str, refused: Refused
) -> None:
    result = refused(2, "log", "Anna", *args)
    assert f"Did you mean '{suggestion}'" in result.stderr


def test_a_word_that_is_no_kind_at_all_is_refused(anna: Run, refused: Refused) -> None:
    result = refused(2, "log", "Anna", "gave", "xyzzy")
    assert "knowledge, talent, money or access" in result.stderr


@pytest.mark.parametrize("value", ["0", "-1", "nan", "1.5", "drie", "1000001"])
def test_bad_values_are_refused(anna: Run, value: str, refused: Refused) -> None:
    refused(2, "log", "Anna", "gave", "knowledge", "--value", value)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("12,50", "12.50"), ("1.250,00", "1250.00"), ("€ 30", "30.00"), ("250", "250.00")],
)
def test_amount_on_money(anna: Run, typed: str, stored: str) -> None:
    ok(anna("log", "Anna", "received", "geld", "--amount", typed, "--value", "2"))
    entry = only_entry(anna)
    assert (entry["kind"], entry["amount"], entry["value"]) == ("money", stored, "2")


@pytest.mark.parametrize(
    ("language", "typed", "stored"),
    [("nl", "2.500", "2500.00"), ("nl", "€ 75,-", "75.00"), ("en", "€ 75,-", "75.00")],
)
def test_amount_in_dutch_groups_thousands_with_dots_and_dashes_whole_euros(
    anna: Run, language: str, typed: str, stored: str
) -> None:
    i18n.use(language)  # as main() does for WEDERKERIG_LANG
    try:
        ok(anna("log", "Anna", "received", "geld", "--amount", typed))
    finally:
        i18n.use("en")
    assert only_entry(anna)["amount"] == stored


def test_amount_2500_with_a_dot_stays_unclear_in_english(anna: Run, refused: Refused) -> None:
    refused(2, "log", "Anna", "received", "money", "--amount", "2.500")


@pytest.mark.parametrize("typed", ["1,250.00", "12,000.00", "€ 2,500.50"])
def test_amount_with_english_thousands_commas_is_never_misread(anna: Run, typed: str) -> None:
    """A comma before a dot can only group thousands: read it right, or refuse it; never €1.25."""
    result = anna("log", "Anna", "received", "money", "--amount", typed)
    if result.exit_code == 0:
        assert only_entry(anna)["amount"] == typed.replace("€ ", "").replace(",", "")
    else:
        assert result.exit_code == 2, result.stderr
        assert exported(anna) == []


@pytest.mark.parametrize("kind", ["knowledge", "kennis", "talent", "access", "toegang"])
def test_amount_on_other_kinds_is_refused(anna: Run, kind: str, refused: Refused) -> None:
    result = refused(2, "log", "Anna", "gave", kind, "--amount", "12,50")
    assert "money" in result.stderr


@pytest.mark.parametrize("amount", ["0", "-5", "twaalf", "12,345", "nan"])
def test_bad_amounts_are_refused(anna: Run, amount: str, refused: Refused) -> None:
    refused(2, "log", "Anna", "gave", "money", "--amount", amount)


def test_unknown_contact_is_refused_and_create_adds_it(anna: Run, refused: Refused) -> None:
    result = refused(1, "log", "Bram Bakker", "gave", "talent")
    assert "--create" in result.stderr
    created = ok(anna("log", "  Bram   Bakker ", "gave", "talent", "--create"))
    assert created.stdout == "1\n"
    listed = json.loads(ok(anna("contact", "list", "--format", "json")).stdout)
    assert [c["name"] for c in listed] == ["Anna de Vries", "Bram Bakker"]
    assert only_entry(anna)["contact"] == "Bram Bakker"
    ok(anna("log", "bram bakker", "received", "talent"))  # now known, no --create needed
    assert [row["contact"] for row in exported(anna)] == ["Bram Bakker", "Bram Bakker"]


def test_create_on_a_known_contact_adds_no_second_one(anna: Run) -> None:
    ok(anna("log", "ANNA DE VRIES", "gave", "talent", "--create"))
    listed = json.loads(ok(anna("contact", "list", "--format", "json")).stdout)
    assert [c["name"] for c in listed] == ["Anna de Vries"]


def test_unknown_event_is_refused_and_create_records_it(anna: Run, refused: Refused) -> None:
    result = refused(1, "log", "Anna", "gave", "access", "--event", "Nieuwjaarsreceptie Dordrecht")
    assert "--create" in result.stderr
    ok(anna("log", "Anna", "gave", "access", "--event", "Nieuwjaarsreceptie Dordrecht", "--create"))
    ok(anna("log", "Anna", "received", "knowledge", "--event", "nieuwjaarsreceptie  dordrecht"))
    assert [row["event"] for row in exported(anna)] == ["Nieuwjaarsreceptie Dordrecht"] * 2


def test_unknown_contact_and_event_without_create_adds_neither(run: Run, refused: Refused) -> None:
    refused(1, "log", "Bram Bakker", "gave", "access", "--event", "Receptie")
    assert json.loads(ok(run("contact", "list", "--format", "json")).stdout) == []


# --- entries ---------------------------------------------------------------------------------


@pytest.fixture
def ledger(run: Run, db: LedgerUnderTest, templates: Templates) -> Run:
    """Four entries for two contacts, logged out of date order."""

    def build() -> None:
        ok(run("contact", "add", "Anna de Vries", "--alias", "Anna", "--tag", "board"))
        ok(run("contact", "add", "Bram Bakker"))
        ok(run("log", "Anna", "gave", "knowledge", "desc-one", "--on", "2026-01-10"))
        ok(run("log", "Anna", "kreeg", "geld", "desc-two", "--on", "2026-03-01", "--amount", "10"))
        ok(run("log", "Bram Bakker", "gaf", "talent", "desc-three", "--on", "2026-02-15"))
        ok(run("log", "Bram Bakker", "ontvangen", "toegang", "desc-four", "--on", "2026-11-26"))

    templates.once("ledger", db, build)
    return run


DESCRIPTIONS = {1: "desc-one", 2: "desc-two", 3: "desc-three", 4: "desc-four"}


@pytest.mark.parametrize(
    ("filters", "ids"),
    [
        ((), [1, 3, 2, 4]),  # in date order
        (("Anna",), [1, 2]),
        (("bram bakker",), [3, 4]),
        (("--kind", "geld"), [2]),
        (("--kind", "talent"), [3]),
        (("--direction", "kreeg"), [2, 4]),
        (("--direction", "gave"), [1, 3]),
        (("--since", "2026-02-01"), [3, 2, 4]),
        (("--until", "15-2-2026"), [1, 3]),
        (("--since", "2026-02-15", "--until", "2026-03-01"), [3, 2]),
        (("--since", "yesterday"), [4]),
        (("--tag", "board"), [1, 2]),
        (("--tag", "BOARD", "--kind", "knowledge"), [1]),
        (("Bram Bakker", "--direction", "gave"), [3]),
        (("--kind", "access", "--direction", "gave"), []),
    ],
)
def test_entries_filters_in_every_format(
    ledger: Run, filters: tuple[str, ...], ids: list[int]
) -> None:
    as_csv = ok(ledger("entries", *filters, "--format", "csv"))
    header, *rows = list(csv.reader(io.StringIO(as_csv.stdout)))
    assert header == ENTRY_COLUMNS
    assert [int(row[0]) for row in rows] == ids

    as_json = json.loads(ok(ledger("entries", *filters, "--format", "json")).stdout)
    assert [row["id"] for row in as_json] == ids
    assert all(list(row) == ENTRY_COLUMNS for row in as_json)

    table = ok(ledger("entries", *filters))
    for entry_id, description in DESCRIPTIONS.items():
        assert (description in table.stdout) == (entry_id in ids), description


def test_entries_rows_carry_canonical_words(ledger: Run) -> None:
    rows = json.loads(ok(ledger("entries", "--format", "json")).stdout)
    by_id = {row["id"]: row for row in rows}
    assert (by_id[2]["direction"], by_id[2]["kind"], by_id[2]["amount"]) == (
        "received",
        "money",
        10,
    )
    assert (by_id[4]["direction"], by_id[4]["kind"]) == ("received", "access")
    assert by_id[3]["contact"] == "Bram Bakker"


def test_entries_refuses_bad_filters(ledger: Run, refused: Refused) -> None:
    refused(1, "entries", "Nobody")
    refused(2, "entries", "--kind", "nope")
    refused(2, "entries", "--direction", "sideways")
    refused(2, "entries", "--since", "2026-02-30")
    result = refused(2, "entries", "--since", "2026-03-01", "--until", "2026-01-01")
    assert "--since" in result.stderr


def test_entries_on_an_empty_selection_says_so(ledger: Run) -> None:
    result = ok(ledger("entries", "--since", "2027-01-01"))
    assert result.stdout == ""
    assert "No entries" in result.stderr


# --- edit ------------------------------------------------------------------------------------


@pytest.fixture
def money_entry(anna: Run) -> Run:
    ok(
        anna(
            "log", "Anna", "received", "money", "lening", "--amount", "12,50", "--on", "2026-11-01"
        )
    )
    return anna


@pytest.mark.parametrize(
    ("options", "changed"),
    [
        (("--value", "3"), {"value": "3"}),
        (("--direction", "gaf"), {"direction": "gave"}),
        (("--on", "1-10-2026"), {"date": "2026-10-01"}),
        (("--on", "gisteren"), {"date": "2026-11-25"}),
        (
            ("--description", 'terugbetaald, met "rente"'),
            {"description": 'terugbetaald, met "rente"'},
        ),
        (("--amount", "1.000,00"), {"amount": "1000.00"}),
        (("--amount", "none"), {"amount": ""}),
        (("--kind", "kennis", "--amount", "none"), {"kind": "knowledge", "amount": ""}),
        (("--kind", "geld"), {}),
    ],
)
def test_edit_changes_only_what_is_asked(
    money_entry: Run, options: tuple[str, ...], changed: dict[str, str]
) -> None:
    before = only_entry(money_entry)
    result = ok(money_entry("edit", "1", *options))
    assert result.stdout == ""
    assert "entry 1" in result.stderr
    assert only_entry(money_entry) == {**before, **changed}


@pytest.mark.parametrize(
    ("options", "code"),
    [
        (("--kind", "talent"), 2),  # the amount would be left on a talent entry
        (("--value", "0"), 2),
        (("--value", "-1"), 2),
        (("--on", "2026-11-27"), 2),
        (("--on", "2026-02-30"), 2),
        (("--kind", "nope"), 2),
        (("--direction", "sideways"), 2),
        (("--amount", "0"), 2),
    ],
)
def test_edit_refusals_change_nothing(
    money_entry: Run, options: tuple[str, ...], code: int, refused: Refused
) -> None:
    refused(code, "edit", "1", *options)


def test_edit_refuses_an_amount_on_a_non_money_entry(anna: Run, refused: Refused) -> None:
    ok(anna("log", "Anna", "gave", "knowledge"))
    result = refused(2, "edit", "1", "--amount", "5")
    assert "money" in result.stderr
    ok(anna("edit", "1", "--kind", "money", "--amount", "5"))
    entry = only_entry(anna)
    assert (entry["kind"], entry["amount"]) == ("money", "5.00")


@pytest.mark.parametrize("entry_id", ["2", "99"])
def test_edit_unknown_id(money_entry: Run, entry_id: str, refused: Refused) -> None:
    result = refused(1, "edit", entry_id, "--value", "2")
    assert entry_id in result.stderr


def test_edit_id_0_is_not_an_id(money_entry: Run, refused: Refused) -> None:
    assert "Invalid value for 'ID'" in refused(2, "edit", "0", "--value", "2").stderr


# --- rm and undo -----------------------------------------------------------------------------


def test_rm_removes_exactly_one_entry(anna: Run, refused: Refused) -> None:
    for description in ("eerste", "tweede", "derde"):
        ok(anna("log", "Anna", "gave", "knowledge", description))
    result = ok(anna("rm", "2"))
    assert result.stdout == ""
    assert "tweede" in result.stderr
    assert [row["description"] for row in exported(anna)] == ["eerste", "derde"]
    refused(1, "rm", "2")  # already gone
    refused(1, "rm", "99")
    refused(2, "rm", "twee")
    ok(anna("log", "Anna", "gave", "knowledge", "vierde"))
    assert [row["id"] for row in exported(anna)] == ["1", "3", "4"]  # ids are never reused


def test_undo_yes_removes_the_newest_entry_and_says_what(anna: Run) -> None:
    ok(anna("contact", "add", "Bram Bakker"))
    ok(anna("log", "Anna", "gave", "knowledge", "eerste", "--on", "2026-11-20"))
    ok(anna("log", "Anna", "received", "talent", "tweede", "--on", "2026-11-25"))
    ok(anna("log", "Bram Bakker", "gave", "access", "introductie", "--on", "2026-01-02"))
    result = ok(anna("undo", "--yes"))
    assert result.stdout == ""
    for words in ("3", "introductie", "Bram Bakker", "access", "2026-01-02"):
        assert words in result.stderr
    assert [row["id"] for row in exported(anna)] == ["1", "2"]
    second = ok(anna("undo", "-y"))
    assert "tweede" in second.stderr
    assert [row["id"] for row in exported(anna)] == ["1"]


def test_undo_on_an_empty_ledger(run: Run, refused: Refused) -> None:
    result = refused(1, "undo", "--yes")
    assert "nothing to undo" in result.stderr


@pytest.mark.parametrize("typed", [None, "y\n"])
def test_undo_without_yes_outside_a_terminal_removes_nothing(
    anna: Run, typed: str | None, refused: Refused
) -> None:
    ok(anna("log", "Anna", "gave", "knowledge", "blijft staan"))
    result = refused(2, "undo", input=typed)
    assert "--yes" in result.stderr
    assert [row["description"] for row in exported(anna)] == ["blijft staan"]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("friday", "2026-11-20"),
        ("vrijdag", "2026-11-20"),
        ("thursday", "2026-11-26"),
        ("last thursday", "2026-11-19"),
        ("vorige donderdag", "2026-11-19"),
        ("afgelopen maandag", "2026-11-23"),
    ],
)
def test_weekdays_mean_the_last_one(anna: Run, typed: str, expected: str) -> None:
    """TODAY is a Thursday: a bare weekday is the most recent one, today included."""
    entry_id = ok(anna("log", "Anna", "gave", "knowledge", "--on", typed)).stdout.strip()
    rows = json.loads(ok(anna("entries", "--format", "json")).stdout)
    assert {row["id"]: row["date"] for row in rows}[int(entry_id)] == expected


def test_undo_on_a_ledger_with_members_removes_your_own_last_entry(anna: Run) -> None:
    ok(anna("log", "Anna", "gave", "knowledge", "van anneke", WEDERKERIG_ME="anneke"))
    ok(anna("log", "Anna", "gave", "knowledge", "van piet", WEDERKERIG_ME="piet"))
    result = ok(anna("undo", "--yes", WEDERKERIG_ME="anneke"))
    assert "van anneke" in result.stderr
    assert "2" in result.stderr  # the newest entry, which it kept
    assert "piet" in result.stderr
    assert [row["description"] for row in exported(anna)] == ["van piet"]


def test_undo_on_a_ledger_with_members_refuses_when_none_is_yours(
    anna: Run, refused: Refused
) -> None:
    ok(anna("log", "Anna", "gave", "knowledge", "van anneke", WEDERKERIG_ME="anneke"))
    ok(anna("log", "Anna", "gave", "knowledge", "van piet", WEDERKERIG_ME="piet"))
    result = refused(1, "undo", "--yes", WEDERKERIG_ME="kees")
    assert "kees" in result.stderr
    assert "rm 2" in result.stderr
    assert len(exported(anna)) == 2


def test_undo_by_one_member_under_a_new_name_still_undoes_the_newest(anna: Run) -> None:
    """One name in the ledger is no team: someone who renamed themselves keeps undo."""
    ok(anna("log", "Anna", "gave", "knowledge", "eerste", WEDERKERIG_ME="anneke"))
    ok(anna("log", "Anna", "gave", "knowledge", "tweede", WEDERKERIG_ME="anneke"))
    ok(anna("undo", "--yes", WEDERKERIG_ME="anneke.devries"))
    assert [row["description"] for row in exported(anna)] == ["eerste"]


# --- dates: which reading was taken (issue #14) ----------------------------------------------


def test_log_says_which_reading_of_an_ambiguous_slash_date_it_took(anna: Run) -> None:
    result = ok(anna("log", "Anna", "gave", "talent", "--on", "11/03/2026"))
    assert result.stderr.splitlines()[0] == "Read 11/03/2026 as 11 March 2026."
    assert result.stdout == "1\n"
    assert only_entry(anna)["date"] == "2026-03-11"


def test_log_says_a_day_without_a_year_still_to_come_was_read_as_last_years(anna: Run) -> None:
    result = ok(
        anna("log", "Anna", "gave", "talent", "--on", "12 december", today=date(2026, 12, 3))
    )
    notice = "12 december is still to come this year, so it was read as 2025-12-12."
    assert result.stderr.splitlines()[0] == notice
    assert only_entry(anna)["date"] == "2025-12-12"


@pytest.mark.parametrize(
    ("typed", "meant"), [("3-11-26", "2026-11-03"), ("twee weken geleden", "2026-11-12")]
)
def test_log_reads_short_years_and_counted_dutch_words_silently(
    anna: Run, typed: str, meant: str
) -> None:
    result = ok(anna("log", "Anna", "gave", "talent", "--on", typed))
    assert result.stderr.startswith("Logged")
    assert only_entry(anna)["date"] == meant
