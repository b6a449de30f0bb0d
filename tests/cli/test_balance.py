"""`balance`: where value has flowed, per contact and per kind, for scripts and for people."""

import csv
import io
import json
import re
from typing import Any

import pytest

from helpers import LedgerUnderTest, Run, Templates, ok

BALANCE_COLUMNS = ["contact", "organisation", "gave", "received", "net", "entries", "last_date"]
BY_KIND_COLUMNS = ["contact", "organisation", "kind", *BALANCE_COLUMNS[2:]]
KINDS = ["knowledge", "talent", "money", "access"]
SIGN_LEGEND = "net = gave − received"


def balance_csv(run: Run, *args: str) -> tuple[list[str], dict[str, dict[str, str]]]:
    """The header, and the rows keyed by contact (and kind, with --by-kind)."""
    header, *rows = list(csv.reader(io.StringIO(ok(run("balance", *args, "-f", "csv")).stdout)))
    records = [dict(zip(header, row, strict=True)) for row in rows]
    key = (
        (lambda r: f"{r['contact']}/{r['kind']}") if "kind" in header else (lambda r: r["contact"])
    )
    keyed = {key(record): record for record in records}
    assert len(keyed) == len(records), "one row per contact (and kind)"
    return header, keyed


def balance_json(run: Run, *args: str) -> Any:
    return json.loads(ok(run("balance", *args, "--format", "json")).stdout)


@pytest.fixture
def ledger(run: Run, db: LedgerUnderTest, templates: Templates) -> Run:
    """Anna (board, Gemeente) and Bram (Havenbedrijf) with entries of every kind, both ways."""

    def build() -> None:
        ok(run("contact", "add", "Anna de Vries", "--org", "Gemeente Dordrecht", "--alias", "Anna",
               "--tag", "board"))  # fmt: skip
        ok(run("contact", "add", "Bram Bakker", "--org", "Havenbedrijf Rotterdam"))
        ok(run("contact", "add", "Chloé Martin"))  # no entries: no balance row
        for args in [
            ("Anna", "gave", "knowledge", "--value", "3", "--on", "2026-01-10"),
            ("Anna", "received", "knowledge", "--value", "5", "--on", "2026-02-01"),
            ("Anna", "kreeg", "geld", "--value", "2", "--amount", "500", "--on", "2026-03-01"),
            ("Anna", "gaf", "toegang", "--on", "2026-06-30"),
            ("Bram Bakker", "gave", "talent", "--value", "4", "--on", "2026-02-15"),
            ("Bram Bakker", "gave", "money", "--value", "1", "--amount", "1.250,00",
             "--on", "2026-11-20"),
            ("Bram Bakker", "received", "access", "--value", "2", "--on", "2025-12-31"),
        ]:  # fmt: skip
            ok(run("log", *args))

    templates.once("ledger", db, build)
    return run


# --- CSV and JSON ----------------------------------------------------------------------------


def test_csv_columns_and_sums(ledger: Run) -> None:
    header, rows = balance_csv(ledger)
    assert header == BALANCE_COLUMNS
    assert rows == {
        "Anna de Vries": {
            "contact": "Anna de Vries", "organisation": "Gemeente Dordrecht", "gave": "4",
            "received": "7", "net": "-3", "entries": "4", "last_date": "2026-06-30",
        },
        "Bram Bakker": {
            "contact": "Bram Bakker", "organisation": "Havenbedrijf Rotterdam", "gave": "5",
            "received": "2", "net": "3", "entries": "3", "last_date": "2026-11-20",
        },
    }  # fmt: skip


def test_json_has_the_same_columns_with_numbers(ledger: Run) -> None:
    rows = balance_json(ledger)
    assert [list(row) for row in rows] == [BALANCE_COLUMNS, BALANCE_COLUMNS]
    by_contact = {row["contact"]: row for row in rows}
    anna = by_contact["Anna de Vries"]
    assert (anna["gave"], anna["received"], anna["net"], anna["entries"]) == (4, 7, -3, 4)
    assert anna["last_date"] == "2026-06-30"
    for row in rows:
        for column in ("gave", "received", "net", "entries"):
            assert type(row[column]) is int, column
        assert row["net"] == row["gave"] - row["received"]


def test_by_kind_adds_a_kind_column_after_organisation(ledger: Run) -> None:
    header, rows = balance_csv(ledger, "--by-kind")
    assert header == BY_KIND_COLUMNS
    assert sorted(rows) == sorted(
        [
            "Anna de Vries/knowledge", "Anna de Vries/money", "Anna de Vries/access",
            "Bram Bakker/talent", "Bram Bakker/money", "Bram Bakker/access",
        ]
    )  # fmt: skip
    knowledge = rows["Anna de Vries/knowledge"]
    assert (knowledge["gave"], knowledge["received"], knowledge["net"]) == ("3", "5", "-2")
    assert (knowledge["entries"], knowledge["last_date"]) == ("2", "2026-02-01")
    assert knowledge["organisation"] == "Gemeente Dordrecht"
    money = rows["Bram Bakker/money"]
    assert (money["gave"], money["received"], money["net"]) == ("1", "0", "1")

    as_json = balance_json(ledger, "--by-kind")
    assert all(list(row) == BY_KIND_COLUMNS for row in as_json)
    assert {f"{r['contact']}/{r['kind']}" for r in as_json} == set(rows)


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (("--since", "2026-02-01"), {"Anna de Vries": (1, 7, 3), "Bram Bakker": (5, 0, 2)}),
        (("--until", "2026-01-31"), {"Anna de Vries": (3, 0, 1), "Bram Bakker": (0, 2, 1)}),
        (("--since", "1-2-2026", "--until", "15-2-2026"),
         {"Anna de Vries": (0, 5, 1), "Bram Bakker": (4, 0, 1)}),
        (("--kind", "kennis"), {"Anna de Vries": (3, 5, 2)}),
        (("--kind", "money"), {"Anna de Vries": (0, 2, 1), "Bram Bakker": (1, 0, 1)}),
        (("--tag", "BOARD"), {"Anna de Vries": (4, 7, 4)}),
        (("--tag", "board", "--kind", "access"), {"Anna de Vries": (1, 0, 1)}),
        (("--tag", "nobody"), {}),
        (("--since", "2026-11-21"), {}),
    ],
)  # fmt: skip
def test_filters(
    ledger: Run, filters: tuple[str, ...], expected: dict[str, tuple[int, int, int]]
) -> None:
    _, rows = balance_csv(ledger, *filters)
    found = {
        name: (int(row["gave"]), int(row["received"]), int(row["entries"]))
        for name, row in rows.items()
    }
    assert found == expected
    for row in rows.values():
        assert int(row["net"]) == int(row["gave"]) - int(row["received"])


def test_filters_narrow_last_date_too(ledger: Run) -> None:
    _, rows = balance_csv(ledger, "--until", "2026-06-01")
    assert rows["Anna de Vries"]["last_date"] == "2026-03-01"
    assert rows["Bram Bakker"]["last_date"] == "2026-02-15"


def test_bad_filters_are_usage_errors(ledger: Run) -> None:
    for args in (
        ("--kind", "nope"),
        ("--since", "2026-02-30"),
        ("--since", "2026-03-01", "--until", "2026-01-01"),
    ):
        result = ledger("balance", *args)
        assert result.exit_code == 2, args
        assert result.stdout == ""


def test_empty_ledger(run: Run) -> None:
    assert ok(run("balance", "--format", "csv")).stdout.splitlines() == [",".join(BALANCE_COLUMNS)]
    assert balance_json(run) == []
    table = ok(run("balance"))
    assert table.stdout == ""
    assert "log" in table.stderr


# --- one contact -----------------------------------------------------------------------------


def test_one_contact_as_json(ledger: Run) -> None:
    document = balance_json(ledger, "Anna")
    assert list(document)[:6] == ["contact", "gave", "received", "net", "by_kind", "entries"]
    assert document["contact"] == "Anna de Vries"
    assert (document["gave"], document["received"], document["net"]) == (4, 7, -3)
    assert list(document["by_kind"]) == KINDS
    assert document["by_kind"] == {
        "knowledge": {"gave": 3, "received": 5, "net": -2},
        "talent": {"gave": 0, "received": 0, "net": 0},
        "money": {"gave": 0, "received": 2, "net": -2},
        "access": {"gave": 1, "received": 0, "net": 1},
    }
    assert [entry["date"] for entry in document["entries"]] == [
        "2026-01-10", "2026-02-01", "2026-03-01", "2026-06-30",
    ]  # fmt: skip
    assert {entry["contact"] for entry in document["entries"]} == {"Anna de Vries"}
    assert (document["last_date"], document["days_since"]) == ("2026-06-30", 149)


def test_one_contact_has_all_four_kinds_even_when_filtered(ledger: Run) -> None:
    document = balance_json(ledger, "Bram Bakker", "--kind", "talent")
    assert list(document["by_kind"]) == KINDS
    assert (document["gave"], document["received"]) == (4, 0)
    assert document["by_kind"]["talent"] == {"gave": 4, "received": 0, "net": 4}
    assert document["by_kind"]["access"] == {"gave": 0, "received": 0, "net": 0}
    assert [entry["kind"] for entry in document["entries"]] == ["talent"]


def test_one_contact_without_entries(ledger: Run) -> None:
    document = balance_json(ledger, "Chloé Martin")
    assert (document["gave"], document["received"], document["net"]) == (0, 0, 0)
    assert list(document["by_kind"]) == KINDS
    assert document["entries"] == []


def test_one_contact_table_says_the_net_in_words(ledger: Run) -> None:
    out = ok(ledger("balance", "Anna")).stdout
    assert "Anna de Vries" in out
    assert "you received 2 more points of knowledge than you gave" in out
    assert "you received 3 more points than you gave" in out
    assert "2026-06-30 (149 days ago)" in out  # days since last contact, from the injected today
    for kind in KINDS:
        assert kind in out
    assert SIGN_LEGEND in out


def test_one_unknown_contact(ledger: Run) -> None:
    result = ledger("balance", "Ana de Vries")
    assert result.exit_code == 1
    assert "Did you mean 'Anna de Vries'" in result.stderr


# --- amounts apart from points ---------------------------------------------------------------


def test_amounts_are_never_added_to_points(ledger: Run) -> None:
    _, rows = balance_csv(ledger, "--kind", "money")
    assert (rows["Anna de Vries"]["received"], rows["Bram Bakker"]["gave"]) == ("2", "1")
    document = balance_json(ledger, "Bram Bakker")
    assert (document["gave"], document["received"]) == (5, 2)
    assert document["by_kind"]["money"] == {"gave": 1, "received": 0, "net": 1}
    assert document["amount_gave"] == 1250
    table = ok(ledger("balance", "--kind", "money")).stdout
    assert "1,250.00" in table  # amounts are shown apart, in euros
    assert "1251" not in table
    assert "502" not in table


# --- the table for people --------------------------------------------------------------------


def test_table_has_per_kind_columns_and_the_sign_legend(ledger: Run) -> None:
    result = ok(ledger("balance"))
    header = next(line for line in result.stdout.splitlines() if "Contact" in line)
    positions = [header.index(kind) for kind in KINDS]
    assert positions == sorted(positions)  # side by side, in their usual order
    for column in ("Gave", "Net"):
        assert column in header
    assert SIGN_LEGEND in result.stdout
    assert "Anna de Vries" in result.stdout
    assert "Bram Bakker" in result.stdout
    assert "Chloé Martin" not in result.stdout  # no entries in range: no row
    assert "\x1b" not in result.stdout  # not a terminal: plain text


def test_by_kind_table(ledger: Run) -> None:
    out = ok(ledger("balance", "--by-kind")).stdout
    assert SIGN_LEGEND in out
    rows = [line for line in out.splitlines() if "Anna de Vries" in line]
    assert len(rows) == 3
    assert any("knowledge" in row for row in rows)


def test_markup_in_a_name_is_shown_literally(run: Run) -> None:
    name = "Jan [bold]markup[/bold] [red]Jansen"
    ok(run("log", name, "gave", "knowledge", "[i]tip[/i]", "--create"))
    for args in (("balance",), ("balance", "--by-kind"), ("balance", name), ("entries",)):
        out = ok(run(*args)).stdout
        assert name in out, args
    assert "[i]tip[/i]" in ok(run("entries")).stdout


LONG_NAME = "Maximiliaan Alexander van der Berg-Hoogenboom tot Oosterwijk"


@pytest.mark.parametrize(
    "args", [("balance",), ("balance", "--by-kind"), ("entries",), ("contact", "list")]
)
def test_a_long_name_is_never_cut_or_wrapped(run: Run, args: tuple[str, ...]) -> None:
    assert len(LONG_NAME) == 60
    ok(run("contact", "add", LONG_NAME, "--org", "Havenbedrijf Rotterdam, afdeling Relaties"))
    ok(run("log", LONG_NAME, "gave", "knowledge", "a description long enough to need wrapping"))
    ok(run("log", LONG_NAME, "received", "money", "--amount", "12,50"))
    out = ok(run(*args, COLUMNS="80")).stdout
    assert max(len(line) for line in out.splitlines()) <= 80  # rendered 80 wide, not 120
    assert any(LONG_NAME in line for line in out.splitlines()), out
    assert "Maximiliaan Alexander van der Berg-Hoogenboom tot Oosterwij…" not in out


def test_more_than_fifty_contacts_shows_fifty_and_says_how_to_see_all(run: Run) -> None:
    for number in range(1, 52):  # contact N has a net of N points
        ok(run("log", f"Contact {number:02}", "gave", "talent", "--value", str(number), "--create"))
    shown = ok(run("balance")).stdout
    listed = set(re.findall(r"Contact \d\d", shown))
    assert len(listed) == 50
    assert "Contact 01" not in listed  # the smallest imbalance gives way
    assert "--all" in shown

    everything = ok(run("balance", "--all")).stdout
    assert set(re.findall(r"Contact \d\d", everything)) == {f"Contact {n:02}" for n in range(1, 52)}
    assert "not shown" not in everything
    assert len(balance_json(run)) == 51  # scripts always get every row
