"""Privacy: a person's record holds everything about them; forgetting removes them only."""

from datetime import timedelta

import pytest
from sqlmodel import Session

from helpers import NOW, TODAY, LedgerUnderTest, SqliteLedger, logged
from wederkerig.core.vocabulary import Direction
from wederkerig.store import database
from wederkerig.store.filters import Selection
from wederkerig.usecases.cadence import set_contact_cadence
from wederkerig.usecases.contacts import add_contact, list_contacts
from wederkerig.usecases.entries import iter_entries
from wederkerig.usecases.groups import add_group, join_group
from wederkerig.usecases.introductions import list_introductions, make_introduction
from wederkerig.usecases.privacy import forget_person, person_record
from wederkerig.usecases.promises import drop_promise


def everything(session: Session) -> list[tuple[str, str]]:
    return [
        (row.contact, row.description) for row in iter_entries(session, Selection(statuses=None))
    ]


def a_small_world(session: Session) -> None:
    add_contact(
        session,
        "Anna de Vries",
        aliases=["Anneke"],
        email="anna@example.org",
        tags=["partner"],
        note="met at the station",
        now=NOW,
    )
    add_contact(session, "Bram", now=NOW)
    add_contact(session, "Cees", now=NOW)
    logged(session, "Anna de Vries", description="advice on grants")
    promise = logged(
        session, "Anna de Vries", Direction.RECEIVED, promise=True, description="intro"
    )
    drop_promise(session, promise.id, reason="she moved to Lisbon")
    logged(session, "Bram", description="lunch with Anneke and me")  # mentions her by alias
    logged(session, "Cees", description="a book", on=TODAY - timedelta(days=1))
    make_introduction(session, "Anna de Vries", "Bram", why="both cycle", on=TODAY, now=NOW)
    add_group(session, "Fietsclub")
    join_group(session, "Fietsclub", ["Anna de Vries"])
    set_contact_cadence(session, "Anna de Vries", 30)


def test_the_person_record_holds_everything_about_them(session: Session) -> None:
    a_small_world(session)
    record = person_record(session, "anneke")
    assert record.contact["name"] == "Anna de Vries"
    assert (record.contact["email"], record.contact["note"]) == (
        "anna@example.org",
        "met at the station",
    )
    assert (record.contact["tags"], record.contact["aliases"]) == (("partner",), ("Anneke",))
    assert (record.contact["groups"], record.contact["every_days"]) == (("Fietsclub",), 30)
    assert [row.description for row in record.entries] == [
        "advice on grants",
        "intro",
        "introduced to Bram: both cycle",
    ]
    assert [row.description for row in record.mentioned_in] == [
        "lunch with Anneke and me",
        "introduced to Anna de Vries: both cycle",
    ]
    assert list(record.dropped_reasons.values()) == ["she moved to Lisbon"]
    assert [(i.first, i.second, i.why) for i in record.introductions] == [
        ("Anna de Vries", "Bram", "both cycle")
    ]


def test_forgetting_removes_them_and_only_them(ledger: database.Database) -> None:
    with ledger.transaction(write=True) as session:
        a_small_world(session)
    erased = forget_person(ledger, "Anna de Vries")
    assert (erased.name, erased.entries) == ("Anna de Vries", 3)
    assert len(erased.mentioned_in) == 2  # named for the user to reword, never changed silently
    with ledger.transaction() as session:
        assert [card.name for card in list_contacts(session)] == ["Bram", "Cees"]
        assert everything(session) == [
            ("Cees", "a book"),
            ("Bram", "lunch with Anneke and me"),
            ("Bram", "introduced to Anna de Vries: both cycle"),
        ]
        assert [(i.first, i.second) for i in list_introductions(session)] == [("Bram", None)]


def test_forgetting_the_other_sides_too_removes_the_introduction(ledger: database.Database) -> None:
    with ledger.transaction(write=True) as session:
        a_small_world(session)
    erased = forget_person(ledger, "Anna de Vries", other_sides_too=True)
    assert erased.entries == 4
    with ledger.transaction() as session:
        assert [contact for contact, _words in everything(session)] == ["Cees", "Bram"]
        assert list_introductions(session) == []


@pytest.mark.sqlite_only(reason="the erased bytes are looked for in the ledger file itself")
def test_forgetting_leaves_no_erased_bytes_in_the_ledger_file(
    ledger: database.Database, db: LedgerUnderTest
) -> None:
    with ledger.transaction(write=True) as session:
        logged(session, "Zebulon Quaxwell", description="xylophone lessons")
    forget_person(ledger, "Zebulon Quaxwell")
    assert isinstance(db, SqliteLedger)
    files = db.path.parent.glob(db.path.name + "*")  # the ledger and its -wal, still open
    on_disk = b"".join(path.read_bytes() for path in files)
    assert b"Quaxwell" not in on_disk
    assert b"xylophone" not in on_disk
