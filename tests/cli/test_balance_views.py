"""`balance --by organisation|group|event` and `balance --every month|quarter|year`: the same
points seen per organisation, group or event, and over time."""

import json
import re
from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import (
    TODAY,
    LedgerUnderTest,
    NewLedger,
    Refused,
    Run,
    Templates,
    csv_header,
    ok,
    parse_csv,
)

BALANCE_COLUMNS = ["contact", "organisation", "gave", "received", "net", "entries", "last_date"]
BY_KIND_COLUMNS = ["contact", "organisation", "kind", *BALANCE_COLUMNS[2:]]
ANNA, BRAM, CEES, DINA = "Anna de Vries", "Bram Bakker", "Cees Jansen", "Dina Smit"
GEMEENTE, HAVEN = "Gemeente Dordrecht", "Havenbedrijf Rotterdam"
EVENT = "Nieuwjaarsreceptie Drechtsteden"
LONG_NAME = "Maximiliaan Alexander van der Berg-Hoogenboom tot Oosterwijk"


def balance_csv(run: Run, *args: str) -> tuple[list[str], list[dict[str, str]]]:
    text = ok(run("balance", *args, "--format", "csv")).stdout
    return csv_header(text), parse_csv(text)


def balance_json(run: Run, *args: str) -> Any:
    return json.loads(ok(run("balance", *args, "--format", "json")).stdout)


def nets(run: Run, *args: str) -> dict[str, int]:
    """Net points per row of `balance --format json`, keyed by its first column."""
    return {next(iter(row.values())): row["net"] for row in balance_json(run, *args)}


@pytest.fixture
def ledger(run: Run, db: LedgerUnderTest, templates: Templates) -> Run:
    """Anna (Gemeente; groups Board and Haven), Bram (Havenbedrijf; Haven), Cees (no
    organisation, no group) and Dina (Gemeente, no group); two entries at the reception, all
    in January to June 2026, with February, April and May empty."""

    def build() -> None:
        ok(run("group", "add", "Board"))
        ok(run("group", "add", "Haven"))
        ok(run("event", "add", EVENT, "--on", "2026-01-10"))
        ok(run("contact", "add", ANNA, "--org", GEMEENTE, "--group", "Board", "--group", "Haven"))
        ok(run("contact", "add", BRAM, "--org", HAVEN, "--group", "Haven"))
        ok(run("contact", "add", CEES))
        ok(run("contact", "add", DINA, "--org", GEMEENTE))
        for args in [
            (ANNA, "gave", "knowledge", "--value", "3", "--on", "2026-01-10", "--event", EVENT),
            (ANNA, "received", "talent", "--value", "5", "--on", "2026-03-01"),
            (BRAM, "gave", "access", "--value", "2", "--on", "2026-03-15", "--event", EVENT),
            (CEES, "received", "money", "--value", "4", "--amount", "100", "--on", "2026-06-30"),
            (DINA, "gave", "knowledge", "--value", "1", "--on", "2026-06-01"),
        ]:
            ok(run("log", *args))

    templates.once("views", db, build)
    return run


# --- --by ------------------------------------------------------------------------------------

# gave, received, net, entries, last_date; "(" sorts before letters, so "(no …)" last is chosen
BY_ROWS = {
    "organisation": [
        [GEMEENTE, "4", "5", "-1", "3", "2026-06-01"],
        [HAVEN, "2", "0", "2", "1", "2026-03-15"],
        ["(no organisation)", "0", "4", "-4", "1", "2026-06-30"],
    ],
    "group": [
        ["Board", "3", "5", "-2", "2", "2026-03-01"],
        ["Haven", "5", "5", "0", "3", "2026-03-15"],
        ["(no group)", "1", "4", "-3", "2", "2026-06-30"],
    ],
    "event": [
        [EVENT, "5", "0", "5", "2", "2026-03-15"],
        ["(no event)", "1", "9", "-8", "3", "2026-06-30"],
    ],
}


@pytest.mark.parametrize("by", sorted(BY_ROWS))
def test_by_names_the_first_column_and_puts_those_without_one_last(ledger: Run, by: str) -> None:
    columns = [by, *BALANCE_COLUMNS[2:]]
    header, rows = balance_csv(ledger, "--by", by)
    assert header == columns
    assert [[row[c] for c in columns] for row in rows] == BY_ROWS[by]

    records = balance_json(ledger, "--by", by)
    assert [list(record) for record in records] == [columns] * len(BY_ROWS[by])
    assert [[str(record[c]) for c in columns] for record in records] == BY_ROWS[by]
    assert all(isinstance(record[c], int) for record in records for c in ("gave", "net"))


@pytest.mark.parametrize("by", sorted(BY_ROWS))
def test_by_kind_splits_each_row_into_kinds_that_add_up_to_it(ledger: Run, by: str) -> None:
    header, rows = balance_csv(ledger, "--by", by, "--by-kind")
    assert header == [by, "kind", *BALANCE_COLUMNS[2:]]
    assert rows[-1][by] == BY_ROWS[by][-1][0]  # the "(no …)" rows still come last
    summed: dict[str, list[int]] = {}
    for row in rows:
        sums = summed.setdefault(row[by], [0, 0, 0])
        for index, column in enumerate(("gave", "received", "entries")):
            sums[index] += int(row[column])
    assert summed == {
        label: [int(gave), int(received), int(entries)]
        for label, gave, received, _, entries, _ in BY_ROWS[by]
    }


def test_by_contact_keeps_the_contract_columns(ledger: Run) -> None:
    for by_kind, columns in [((), BALANCE_COLUMNS), (("--by-kind",), BY_KIND_COLUMNS)]:
        text = ok(ledger("balance", "--by", "contact", *by_kind, "--format", "csv")).stdout
        assert csv_header(text) == columns
        assert text == ok(ledger("balance", *by_kind, "--format", "csv")).stdout


def test_a_contact_in_two_groups_counts_in_both_group_rows(ledger: Run) -> None:
    people = {row["contact"]: row for row in balance_json(ledger)}
    groups = {row["group"]: row for row in balance_json(ledger, "--by", "group")}
    for column in ("gave", "received", "net", "entries"):
        assert groups["Board"][column] == people[ANNA][column]
        assert groups["Haven"][column] == people[ANNA][column] + people[BRAM][column]
        assert groups["(no group)"][column] == people[CEES][column] + people[DINA][column]


def test_the_total_of_overlapping_group_rows_counts_each_entry_once(ledger: Run) -> None:
    """Anna is in two groups: her entries show in both rows, but once in the total."""

    def total_line(*args: str) -> list[str]:
        table = ok(ledger("balance", "--by", "group", *args, COLUMNS="120")).stdout
        (line,) = [line for line in table.splitlines() if line.startswith("Total")]
        return line.split()

    assert total_line()[5:8] == ["6", "9", "−3"]  # gave, received, net: the ledger's own
    assert total_line("--every", "quarter")[1:] == ["·", "−3", "−3"]  # Q1 +3-5+2, Q2 -4+1


# --- --every ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("every", "periods", "per_contact"),
    [
        ("month", ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"],
         {ANNA: [3, 0, -5, 0, 0, 0], BRAM: [0, 0, 2, 0, 0, 0], CEES: [0, 0, 0, 0, 0, -4],
          DINA: [0, 0, 0, 0, 0, 1]}),
        ("quarter", ["2026-Q1", "2026-Q2"],
         {ANNA: [-2, 0], BRAM: [2, 0], CEES: [0, -4], DINA: [0, 1]}),
        ("year", ["2026"], {ANNA: [-2], BRAM: [2], CEES: [-4], DINA: [1]}),
    ],
)  # fmt: skip
def test_every_has_a_column_per_period_empty_ones_too_and_a_total(
    ledger: Run, every: str, periods: list[str], per_contact: dict[str, list[int]]
) -> None:
    header, rows = balance_csv(ledger, "--every", every)
    assert header == ["contact", *periods, "total"]
    found = {row["contact"]: [int(row[period]) for period in periods] for row in rows}
    assert found == per_contact
    assert {row["contact"]: int(row["total"]) for row in rows} == nets(ledger)


def test_every_spans_years_without_skipping_an_empty_period(run: Run) -> None:
    ok(run("log", ANNA, "gave", "knowledge", "--on", "2024-11-20", "--create"))
    ok(run("log", BRAM, "received", "talent", "--on", "2026-02-03", "--create"))
    assert balance_csv(run, "--every", "year")[0] == ["contact", "2024", "2025", "2026", "total"]
    assert balance_csv(run, "--every", "quarter")[0] == [
        "contact", "2024-Q4", "2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1", "total",
    ]  # fmt: skip
    months = balance_csv(run, "--every", "month")[0][1:-1]
    assert (months[0], months[-1], len(months)) == ("2024-11", "2026-02", 16)


@pytest.mark.parametrize(
    ("args", "periods"),
    [
        (("--period", "2026", "--every", "quarter"),
         ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]),
        (("--period", "2026-Q2", "--every", "month"), ["2026-04", "2026-05", "2026-06"]),
        (("--since", "2025-11-15", "--every", "month"),
         ["2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05",
          "2026-06"]),
        (("--until", "2026-04-10", "--every", "month"),
         ["2026-01", "2026-02", "2026-03", "2026-04"]),
        (("--since", "2026-02-01", "--until", "2026-04-30", "--every", "month"),
         ["2026-02", "2026-03", "2026-04"]),
        (("--since", "2026-02-01", "--until", "2026-12-31", "--every", "year"), ["2026"]),
    ],
)  # fmt: skip
def test_every_spans_the_chosen_stretch(
    ledger: Run, args: tuple[str, ...], periods: list[str]
) -> None:
    header, rows = balance_csv(ledger, *args)
    assert header == ["contact", *periods, "total"]
    for row in rows:
        assert int(row["total"]) == sum(int(row[period]) for period in periods)


def test_every_with_by_names_the_first_column(ledger: Run) -> None:
    header, rows = balance_csv(ledger, "--every", "quarter", "--by", "organisation")
    assert header == ["organisation", "2026-Q1", "2026-Q2", "total"]
    assert [list(row.values()) for row in rows] == [
        [GEMEENTE, "-2", "1", "-1"],
        [HAVEN, "2", "0", "2"],
        ["(no organisation)", "0", "-4", "-4"],
    ]
    records = balance_json(ledger, "--every", "quarter", "--by", "event")
    assert [list(record.values()) for record in records] == [
        [EVENT, 5, 0, 5],
        ["(no event)", -5, -3, -8],
    ]


def test_one_contact_every_year_is_one_row(ledger: Run) -> None:
    header, rows = balance_csv(ledger, "Anna de Vries", "--every", "year")
    assert header == ["contact", "2026", "total"]
    assert [list(row.values()) for row in rows] == [[ANNA, "-2", "-2"]]
    assert balance_json(ledger, ANNA, "--every", "year") == [
        {"contact": ANNA, "2026": -2, "total": -2}
    ]


@pytest.mark.parametrize(
    "args",
    [
        ("--every", "month", "--by-kind"),
        ("--every", "year", "--by-kind", "--format", "csv"),
        (ANNA, "--by", "group"),
        (ANNA, "--by", "organisation", "--format", "json"),
    ],
)
def test_what_balance_views_refuse(ledger: Run, refused: Refused, args: tuple[str, ...]) -> None:
    refused(2, "balance", *args)


# --- property: every view adds up to the same -----------------------------------------------

PEOPLE = {ANNA: GEMEENTE, BRAM: HAVEN, CEES: None, DINA: GEMEENTE}

entry = st.tuples(
    st.sampled_from(sorted(PEOPLE)),
    st.sampled_from(["gave", "received"]),
    st.integers(1, 9),
    st.dates(date(2025, 1, 1), TODAY),
    st.booleans(),  # at the event
)


@pytest.mark.slow  # a property: many examples, each a run of commands
@settings(
    max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(logged=st.lists(entry, min_size=1, max_size=6))
def test_every_view_adds_up_to_the_same_nets(
    fresh_ledger: NewLedger, logged: list[tuple[str, str, int, date, bool]]
) -> None:
    cli = fresh_ledger()
    ok(cli("event", "add", EVENT))
    for person in sorted({person for person, *_ in logged}):
        organisation = PEOPLE[person]
        ok(cli("contact", "add", person, *(("--org", organisation) if organisation else ())))
    for person, direction, value, day, at_event in logged:
        ok(cli("log", person, direction, "talent", "--value", str(value), "--on",
               day.isoformat(), *(("--event", EVENT) if at_event else ())))  # fmt: skip

    per_contact = nets(cli)
    expected = sum(value if way == "gave" else -value for _, way, value, _, _ in logged)
    assert sum(per_contact.values()) == expected
    assert sum(nets(cli, "--by", "organisation").values()) == expected
    assert sum(nets(cli, "--by", "event").values()) == expected
    _, monthly = balance_csv(cli, "--every", "month")
    assert {row["contact"]: int(row["total"]) for row in monthly} == per_contact


# --- tables for people -----------------------------------------------------------------------


@pytest.mark.parametrize("width", [80, 120])
@pytest.mark.parametrize(
    ("args", "heading"),
    [
        (("--by", "organisation"), "Organisation"),
        (("--by", "group", "--by-kind"), "Group"),
        (("--by", "event"), "Event"),
        (("--every", "month"), "Contact"),
        (("--every", "quarter", "--by", "organisation"), "Organisation"),
    ],
)
def test_tables_fit_the_width(ledger: Run, args: tuple[str, ...], heading: str, width: int) -> None:
    out = ok(ledger("balance", *args, COLUMNS=str(width))).stdout
    assert heading in out
    assert max(len(line) for line in out.splitlines()) <= width, out


def skipped_periods(stdout: str) -> int:
    """How many periods the table says it left out (0 if it says nothing)."""
    words = " ".join(stdout.split())
    found = re.search(r"(\d+) earlier periods? do(?:es)? not fit", words)
    if not found:
        return 0
    assert "see all with --format csv" in words, words
    return int(found[1])


def test_many_months_show_the_newest_and_say_the_earlier_do_not_fit(run: Run) -> None:
    ok(run("log", ANNA, "gave", "knowledge", "--value", "2", "--on", "2024-12-05", "--create"))
    ok(run("log", BRAM, "received", "talent", "--on", "2026-11-20", "--create"))
    assert len(balance_csv(run, "--every", "month")[0]) == 1 + 24 + 1  # csv has every month

    narrow = ok(run("balance", "--every", "month", COLUMNS="80")).stdout
    wide = ok(run("balance", "--every", "month", COLUMNS="120")).stdout
    assert 0 < skipped_periods(wide) < skipped_periods(narrow) < 24
    for out, width in ((narrow, 80), (wide, 120)):
        lines = out.splitlines()
        assert max(len(line) for line in lines) <= width, out
        header = next(line for line in lines if line.startswith("Contact"))
        assert header.split()[-2:] == ["11", "Total"]  # the newest month, then the total
        shown = len(header.split()) - 2
        assert shown + skipped_periods(out) == 24
        anna = next(line for line in lines if line.startswith(ANNA))
        assert anna.split()[-1] == "+2"  # her only month is left out, the total counts it


@pytest.mark.parametrize("width", [80, 120])
def test_a_long_name_does_not_cut_the_numbers_of_a_period_table(run: Run, width: int) -> None:
    """A name is never cut, so the periods must make room; a cut total is a wrong number."""
    for month in range(1, 13):
        ok(run("log", LONG_NAME, "gave", "knowledge", "--value", "3", "--on",
               f"2025-{month:02}-05", "--create"))  # fmt: skip
    out = ok(run("balance", "--every", "month", COLUMNS=str(width))).stdout
    assert max(len(line) for line in out.splitlines()) <= width, out
    row = next(line for line in out.splitlines() if line.startswith(LONG_NAME))
    assert row.split()[-1] == "+36", out  # her total, not the "+3" it is cut to
    assert "…" not in out, out
