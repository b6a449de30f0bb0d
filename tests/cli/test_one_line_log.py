"""One-line `log` (issue #14): the rest of the line is the description, and a name with spaces
that was not quoted is caught with the fix rather than Click's 'unexpected extra argument'."""

import csv
import io

import pytest

from helpers import Refused, Run, ok
from wederkerig.core import i18n


def entries(run: Run) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(ok(run("export")).stdout)))


@pytest.fixture
def jan(run: Run) -> Run:
    ok(run("contact", "add", "Jan de Wit", "--alias", "Jan de W"))
    return run


def test_the_words_after_the_kind_are_the_description(jan: Run) -> None:
    ok(jan("log", "Jan de Wit", "gaf", "kennis", "Tip", "over", "subsidies"))
    assert entries(jan)[0]["description"] == "Tip over subsidies"


def test_a_quoted_description_is_kept_byte_for_byte(jan: Run) -> None:
    ok(jan("log", "Jan de Wit", "gaf", "kennis", "Tip  over\tsubsidies"))
    assert entries(jan)[0]["description"] == "Tip  over\tsubsidies"


def test_options_among_the_description_words_stay_options(jan: Run) -> None:
    ok(jan("log", "Jan de Wit", "gaf", "kennis", "Tip", "--value", "3", "over", "subsidies"))
    (entry,) = entries(jan)
    assert (entry["description"], entry["value"]) == ("Tip over subsidies", "3")


@pytest.mark.parametrize(
    "typed",
    [
        ("Jan", "de", "Wit", "gaf", "kennis", "Tip"),
        ("jan", "de", "wit", "gave", "knowledge"),
        ("Jan", "de", "W", "gaf", "kennis", "Tip", "over", "subsidies"),  # an alias
        ("Jan", "de", "Wit", "gaf"),
    ],
)
def test_an_unquoted_name_with_spaces_is_refused_with_the_fix(
    jan: Run, refused: Refused, typed: tuple[str, ...]
) -> None:
    result = refused(2, "log", *typed)
    name = " ".join(typed[:3])
    assert result.stderr == f'error: put names with spaces in quotes: "{name}"\n'


def test_the_fix_is_given_in_dutch_too(jan: Run, refused: Refused) -> None:
    i18n.use("nl")  # as main() does for WEDERKERIG_LANG=nl
    try:
        result = refused(2, "log", "Jan", "de", "Wit", "gaf", "kennis", "Tip")
    finally:
        i18n.use("en")
    assert result.stderr == 'fout: zet namen met spaties tussen aanhalingstekens: "Jan de Wit"\n'


def test_an_unknown_name_with_spaces_keeps_the_unknown_direction_message(
    jan: Run, refused: Refused
) -> None:
    result = refused(2, "log", "Piet", "de", "Boer", "gaaf", "kennis")  # no direction follows
    assert "unknown direction 'de'" in result.stderr


def test_a_new_name_with_spaces_is_caught_by_the_words_that_follow_it(
    run: Run, refused: Refused
) -> None:
    """'--create' is for new contacts, so a new name is caught too: by a direction and a kind
    following it, where the first word would have been the whole name."""
    result = refused(2, "log", "Piet", "de", "Boer", "gaf", "kennis", "Tip", "--create")
    assert result.stderr == 'error: put names with spaces in quotes: "Piet de Boer"\n'
