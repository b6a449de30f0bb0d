"""Properties over many inputs: balances are the sums of what was logged; names survive intact."""

import csv
import io
import json
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import TODAY, NewLedger, Run, ok

# Properties: many examples, each a run of commands; in the slow run, not the default one.
pytestmark = pytest.mark.slow

SETTINGS = settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

CONTACTS = ["Anna de Vries", "Bram Bakker", "Zoë Ĳzerman", "李小龍"]
DIRECTIONS = {
    "gave": "gave", "gaf": "gave", "gegeven": "gave",
    "received": "received", "kreeg": "received", "ontvangen": "received",
}  # fmt: skip
KINDS = {
    "knowledge": "knowledge", "kennis": "knowledge", "talent": "talent",
    "money": "money", "geld": "money", "access": "access", "toegang": "access",
}  # fmt: skip

entry = st.tuples(
    st.sampled_from(CONTACTS),
    st.sampled_from(sorted(DIRECTIONS)),
    st.sampled_from(sorted(KINDS)),
    st.integers(1, 10),  # points
    st.integers(0, 400),  # days ago
    st.integers(1, 1_000_000),  # cents, used on money entries only
)

printable_name = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cc", "Cf", "Cs", "Co", "Cn")),
    min_size=1,
    max_size=100,
).filter(lambda name: any(char.isalnum() for char in name))  # a name needs a letter or digit


@dataclass
class Expected:
    """What one balance row must say, computed here from what the test logged."""

    gave: int = 0
    received: int = 0
    entries: int = 0
    last_date: str = ""

    def add(self, direction: str, points: int, on: str) -> None:
        if direction == "gave":
            self.gave += points
        else:
            self.received += points
        self.entries += 1
        self.last_date = max(self.last_date, on)

    def row(self) -> tuple[int, int, int, int, str]:
        return (self.gave, self.received, self.gave - self.received, self.entries, self.last_date)


@SETTINGS
@given(entries=st.lists(entry, max_size=6))
def test_balance_rows_are_the_sums_of_what_was_logged(
    fresh_ledger: NewLedger, entries: list[tuple[str, str, str, int, int, int]]
) -> None:
    cli = fresh_ledger()
    totals: dict[str, Expected] = defaultdict(Expected)
    by_kind: dict[tuple[str, str], Expected] = defaultdict(Expected)
    for contact, direction, kind, points, days_ago, cents in entries:
        amount = ("--amount", f"{cents / 100:.2f}") if KINDS[kind] == "money" else ()
        on = (TODAY - timedelta(days=days_ago)).isoformat()
        ok(cli("log", contact, direction, kind, "--value", str(points), "--on", on, "--create",
               *amount))  # fmt: skip
        totals[contact].add(DIRECTIONS[direction], points, on)
        by_kind[contact, KINDS[kind]].add(DIRECTIONS[direction], points, on)

    header, *rows = list(csv.reader(io.StringIO(ok(cli("balance", "--format", "csv")).stdout)))
    assert header == ["contact", "organisation", "gave", "received", "net", "entries", "last_date"]
    found = {row[0]: (int(row[2]), int(row[3]), int(row[4]), int(row[5]), row[6]) for row in rows}
    assert len(found) == len(rows)
    assert found == {contact: expected.row() for contact, expected in totals.items()}

    records = json.loads(ok(cli("balance", "--by-kind", "--format", "json")).stdout)
    found_by_kind = {
        (r["contact"], r["kind"]): (
            r["gave"],
            r["received"],
            r["net"],
            r["entries"],
            r["last_date"],
        )
        for r in records
    }
    assert len(found_by_kind) == len(records)
    assert found_by_kind == {key: expected.row() for key, expected in by_kind.items()}


@SETTINGS
@given(name=printable_name)
def test_any_printable_name_survives_add_list_and_export(
    fresh_ledger: NewLedger, name: str
) -> None:
    cli: Run = fresh_ledger()
    expected = " ".join(unicodedata.normalize("NFC", name).split())
    ok(cli("contact", "add", "--", name))  # "--": a name may start with "-"
    listed = json.loads(ok(cli("contact", "list", "--format", "json")).stdout)
    assert [contact["name"] for contact in listed] == [expected]
    exported = json.loads(ok(cli("export", "contacts", "--format", "json")).stdout)
    assert [contact["name"] for contact in exported] == [expected]
    ok(cli("log", "--", name, "gave", "knowledge"))  # and typing it again finds the contact
    (logged,) = json.loads(ok(cli("export", "--format", "json")).stdout)
    assert logged["contact"] == expected
