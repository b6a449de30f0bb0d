"""`group show` for a collaboration (issue #16): what the group as a whole gave and received
per kind, and with --between what partners gave each other in entries logged with the event
named like the group."""

import re
from collections.abc import Iterator

import pytest

from helpers import LedgerUnderTest, Refused, Run, Templates, ok, parse_csv
from wederkerig.core import i18n

BETWEEN_COLUMNS = ["giver", "receiver", "kind", "points", "entries"]


@pytest.fixture
def harbour(run: Run, db: LedgerUnderTest, templates: Templates) -> Run:
    """A team ledger: Gijs and Mara log. Anna and Bram are in the group Harbour; entries at
    the event Harbour: Anna gave Gijs knowledge 2, Gijs gave Bram talent 1, Mara gave Anna
    access 3 and 1. Not at the event: Gijs gave Anna money 5."""

    def build() -> None:
        ok(run("group", "add", "Harbour"))
        as_gijs, as_mara = {"WEDERKERIG_ME": "Gijs"}, {"WEDERKERIG_ME": "Mara"}
        ok(run("log", "Anna", "received", "knowledge", "--value", "2", "--event", "Harbour",
               "--create", **as_gijs))  # fmt: skip
        ok(run("log", "Bram", "gave", "talent", "--event", "Harbour", "--create", **as_gijs))
        ok(run("log", "Anna", "gave", "access", "--value", "3", "--event", "Harbour", **as_mara))
        ok(run("log", "Anna", "gave", "access", "--event", "Harbour", **as_mara))
        ok(run("log", "Anna", "gave", "money", "--value", "5", **as_gijs))
        ok(run("group", "join", "Harbour", "Anna", "Bram"))

    templates.once("harbour", db, build)
    return run


def test_between_says_who_gave_whom_what_per_kind(harbour: Run) -> None:
    result = ok(harbour("group", "show", "harbour", "--between", "--format", "csv"))
    assert result.stdout.splitlines()[0] == ",".join(BETWEEN_COLUMNS)
    assert [list(row.values()) for row in parse_csv(result.stdout)] == [
        ["Anna", "Gijs", "knowledge", "2", "1"],
        ["Gijs", "Bram", "talent", "1", "1"],
        ["Mara", "Anna", "access", "4", "2"],
    ]


def test_between_as_a_table_and_as_json(harbour: Run) -> None:
    table = ok(harbour("group", "show", "Harbour", "--between")).stdout
    assert re.search(r"Mara\s+Anna\s+access\s+4\s+2", table), table
    document = ok(harbour("group", "show", "Harbour", "--between", "--format", "json")).stdout
    assert '"giver": "Gijs"' in document


def test_between_without_an_event_of_that_name_says_how_to_log_one(harbour: Run) -> None:
    ok(harbour("group", "add", "Board"))
    result = ok(harbour("group", "show", "Board", "--between"))
    assert result.stdout == ""
    assert '--group "Board"' in result.stderr
    csv = ok(harbour("group", "show", "Board", "--between", "--format", "csv")).stdout
    assert csv.strip() == ",".join(BETWEEN_COLUMNS)


def test_between_counts_entries_logged_in_the_group(harbour: Run) -> None:
    """'log --group' names the collaboration an entry happened in, with no event needed."""
    ok(harbour("group", "add", "Port Board"))
    ok(harbour("log", "Anna", "gave", "talent", "--value", "2", "--group", "port board",
               WEDERKERIG_ME="Mara"))  # fmt: skip
    ok(harbour("log", "Bram", "received", "knowledge", "--group", "Port Board",
               WEDERKERIG_ME="Gijs"))  # fmt: skip
    rows = parse_csv(ok(harbour("group", "show", "Port Board", "--between", "-f", "csv")).stdout)
    assert [list(row.values()) for row in rows] == [
        ["Bram", "Gijs", "knowledge", "1", "1"],
        ["Mara", "Anna", "talent", "2", "1"],
    ]
    exported = parse_csv(ok(harbour("export")).stdout)
    assert [row["group"] for row in exported if row["group"]] == ["Port Board", "Port Board"]


def test_log_in_an_unknown_group_is_refused_naming_the_fix(harbour: Run, refused: Refused) -> None:
    result = refused(1, "log", "Anna", "gave", "talent", "--group", "Harbor")
    assert "Harbour" in result.stderr  # did you mean
    assert "group add" in result.stderr


def test_between_an_unknown_group_is_refused(harbour: Run, refused: Refused) -> None:
    result = refused(1, "group", "show", "Harbor", "--between")
    assert "no group called 'Harbor'" in result.stderr


def test_group_show_adds_the_groups_totals_per_kind(harbour: Run) -> None:
    table = ok(harbour("group", "show", "Harbour")).stdout
    whole = table.split("The group as a whole")[1]
    assert re.search(r"knowledge\s+·\s+2\s+−2", whole), whole
    assert re.search(r"access\s+4\s+·\s+\+4", whole), whole
    assert re.search(r"total\s+10\s+2\s+\+8", whole), whole
    shown = ok(harbour("group", "show", "Harbour", "--givers-gain")).stdout
    assert re.search(r"total\s+10\s+2\s*$", shown.split("The group as a whole")[1], re.M)


@pytest.fixture
def dutch() -> Iterator[None]:
    i18n.use("nl")
    yield
    i18n.use("en")


def test_collaborations_speak_dutch(harbour: Run, dutch: None) -> None:
    table = ok(harbour("group", "show", "Harbour")).stdout
    assert "De groep als geheel" in table
    between = ok(harbour("group", "show", "Harbour", "--between")).stdout
    assert "Soort" in between
