"""Importing is all or nothing: every row is checked first, and a bad row writes nothing."""

import tracemalloc
from collections.abc import Iterator
from datetime import timedelta

import pytest
import sqlalchemy as sa
from sqlmodel import Session

from helpers import ENTRY_COLUMNS, NOW, TODAY, logged
from wederkerig.core.errors import InvalidInputError, RefusedError
from wederkerig.store.database import Database
from wederkerig.store.filters import Selection
from wederkerig.usecases.contacts import add_contact, list_contacts, show_contact
from wederkerig.usecases.entries import iter_entries
from wederkerig.usecases.import_contacts import import_contacts
from wederkerig.usecases.import_entries import ImportReport, import_entries

CONTACT_COLUMNS = (
    "name", "organisation", "email", "tags", "aliases", "note", "needs", "offers",
)  # fmt: skip


def entry(**fields: str) -> dict[str, str]:
    """A row as a CSV reader gives it: every column there, empty unless given."""
    row = dict.fromkeys(ENTRY_COLUMNS, "")
    row.update(date=str(TODAY), contact="Anna", direction="gave", kind="talent", value="1")
    return row | fields


def numbered(*rows: dict[str, str]) -> Iterator[tuple[int, dict[str, str]]]:
    return enumerate(rows, start=2)  # line 1 is the header


def bring_in(
    session: Session, *rows: dict[str, str], create_contacts: bool = False, dry_run: bool = False
) -> ImportReport:
    return import_entries(
        session,
        numbered(*rows),
        source="in.csv",
        now=NOW,
        today=TODAY,
        create_contacts=create_contacts,
        dry_run=dry_run,
    )


def stored(session: Session) -> list[tuple[str, int, str]]:
    return [
        (row.contact, row.value, row.description)
        for row in iter_entries(session, Selection(statuses=None))
    ]


def test_good_rows_are_added_with_their_new_contacts(session: Session) -> None:
    report = bring_in(
        session,
        entry(value="2", description="advice", event="Borrel"),
        entry(contact="Bram", direction="received", kind="money", amount="12.50"),
        create_contacts=True,
    )
    assert (report.rows, report.added, report.skipped) == (2, 2, 0)
    assert (report.new_contacts, report.new_events) == (("Anna", "Bram"), ("Borrel",))
    assert stored(session) == [("Anna", 2, "advice"), ("Bram", 1, "")]


def test_a_bad_row_writes_nothing(ledger: Database) -> None:
    with ledger.transaction(write=True) as session:
        add_contact(session, "Anna", now=NOW)
    with (
        pytest.raises(InvalidInputError, match=r"in.csv:4: column kind"),
        ledger.transaction(write=True) as session,
    ):
        bring_in(session, entry(), entry(contact="Cees"), entry(kind="gold"), create_contacts=True)
    with ledger.transaction() as session:
        assert stored(session) == []
        assert [card.name for card in list_contacts(session)] == ["Anna"]


@pytest.mark.parametrize(
    ("fields", "column"),
    [
        ({"date": "26-11-2026"}, "date"),
        ({"date": str(TODAY + timedelta(days=1))}, "date"),
        ({"direction": "gaf"}, "direction"),
        ({"value": "0"}, "value"),
        ({"amount": "5.00"}, "amount"),  # a talent carries no amount
        ({"status": "maybe"}, "status"),
        ({"created_at": "2026-11-26T20:00:00"}, "created_at"),
        ({"contact": "\x1b[2J"}, "contact"),
    ],
)
def test_each_bad_value_is_named_by_line_and_column(
    session: Session, fields: dict[str, str], column: str
) -> None:
    with pytest.raises(InvalidInputError, match=rf"^in.csv:3: column {column}: "):
        bring_in(session, entry(), entry(**fields), create_contacts=True)


def test_unknown_contacts_are_refused_unless_created(session: Session) -> None:
    add_contact(session, "Anna", now=NOW)
    with pytest.raises(RefusedError, match=r"'Bram' \(line 3\)"):
        bring_in(session, entry(), entry(contact="Bram"))


def test_rows_the_ledger_already_holds_are_skipped(session: Session) -> None:
    held = logged(session, "Anna", value=3, description="advice")
    again = entry(
        id=str(held.id),
        kind="knowledge",
        value="3",
        description="advice",
        created_at=held.created_at.strftime("%Y-%m-%dT%H:%M:%SZ"),
    )
    report = bring_in(session, again, entry(value="5"))
    assert (report.added, report.skipped) == (1, 1)
    assert stored(session) == [("Anna", 3, "advice"), ("Anna", 5, "")]


def test_a_dry_run_reports_and_writes_nothing(session: Session) -> None:
    report = bring_in(session, entry(), entry(contact="Bram"), create_contacts=True, dry_run=True)
    assert (report.dry_run, report.added, report.new_contacts) == (True, 2, ("Anna", "Bram"))
    assert stored(session) == []
    assert list_contacts(session) == []


def contact(**fields: str) -> dict[str, str]:
    return dict.fromkeys(CONTACT_COLUMNS, "") | fields


def test_importing_contacts_only_adds_never_overwrites(session: Session) -> None:
    add_contact(session, "Anna de Vries", organisation="Gemeente", now=NOW)
    report = import_contacts(
        session,
        numbered(
            contact(
                name="anna de vries",
                organisation="Elders",
                email="anna@example.org",
                tags="partner",
            ),
            contact(name="Bram", aliases="B"),
        ),
        source="contacts.csv",
        now=NOW,
    )
    assert (report.added, report.merged, report.kept) == (
        ("Bram",),
        ("Anna de Vries",),
        ("Anna de Vries",),
    )
    anna = show_contact(session, "Anna de Vries", today=TODAY).card
    assert (anna.organisation, anna.email, anna.tags) == (
        "Gemeente",
        "anna@example.org",
        ("partner",),
    )


def test_a_bad_contact_row_names_its_line(session: Session) -> None:
    with pytest.raises(InvalidInputError, match=r"^contacts.csv:3: "):
        import_contacts(
            session,
            numbered(contact(name="Anna"), contact(name="---")),
            source="contacts.csv",
            now=NOW,
        )


def _peak_memory(session: Session, rows: int) -> int:
    """Python's peak allocation while importing ``rows`` rows that name contacts the ledger
    does not know yet, and creating those contacts (tracemalloc: the interpreter's own heap)."""
    many = (
        (line, entry(contact=f"Nieuw {line % 3}", description=f"entry {line}"))
        for line in range(2, rows + 2)
    )
    tracemalloc.start()
    try:
        report = import_entries(
            session, many, source="in.csv", now=NOW, today=TODAY, create_contacts=True
        )
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert report.added == rows
    return peak


def test_an_import_takes_no_more_memory_for_a_longer_file(ledger: Database) -> None:
    """Issue #15: 'constant memory'. A 1M-row file kept every line number of every new
    contact in memory (129 MB at 1M rows against 91 MB at 10k)."""
    peaks = []
    for rows in (6_000, 60_000):
        with ledger.transaction(write=True) as session:
            peaks.append(_peak_memory(session, rows))
            session.rollback()
    assert peaks[1] - peaks[0] < 512 * 1024, peaks


def _entry_indexes(session: Session) -> list[tuple[str, list[str | None]]]:
    found = sa.inspect(session.connection()).get_indexes("entry")
    return sorted((index["name"] or "", index["column_names"]) for index in found)


def test_an_import_larger_than_the_ledger_leaves_its_indexes_as_they_were(
    session: Session,
) -> None:
    """Such an import drops the entry indexes and builds them again after its insert."""
    logged(session, "Anna", value=3, description="advice")
    before = _entry_indexes(session)
    report = bring_in(session, entry(value="1"), entry(value="2"), create_contacts=True)
    assert report.added == 2
    assert _entry_indexes(session) == before
    assert len(before) == 5
    assert stored(session) == [("Anna", 3, "advice"), ("Anna", 1, ""), ("Anna", 2, "")]
