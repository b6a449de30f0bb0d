"""The people in the ledger are third parties: everything about one person, and erasing them."""

from dataclasses import dataclass

from sqlalchemy import delete, func
from sqlmodel import Session, col, select

from wederkerig.store.database import Database, busy_timeout
from wederkerig.store.files import scrub
from wederkerig.store.filters import Selection
from wederkerig.store.models import Contact, Entry
from wederkerig.usecases.contacts import card, contact_groups, resolve_contact
from wederkerig.usecases.entries import EntryRow, iter_entries
from wederkerig.usecases.introductions import (
    IntroductionRow,
    list_introductions,
    other_sides,
    remove_entries,
)


@dataclass(frozen=True)
class PersonRecord:
    """Everything the ledger holds about one person: the answer to a subject-access request."""

    contact: dict[str, object]
    entries: list[EntryRow]
    mentioned_in: list[EntryRow]
    dropped_reasons: dict[int, str]  # why promises with them were withdrawn, by entry id
    introductions: list[IntroductionRow]  # the ones they were part of, with why and outcome


@dataclass(frozen=True)
class Erasure:
    """What ``forget`` removed, and where the person may still be named."""

    name: str
    entries: int
    mentioned_in: list[int]


def _mentions(session: Session, contact: Contact) -> list[EntryRow]:
    """Other people's entries whose description names this person, by name or alias."""
    words = (contact.name, *card(session, contact).aliases)
    mentioning = iter_entries(session, Selection(mentioning=words, statuses=None))
    return [row for row in mentioning if row.contact != contact.name]


def person_record(session: Session, name: str) -> PersonRecord:
    contact = resolve_contact(session, name)
    details = card(session, contact)._asdict()
    details["created_at"] = contact.created_at
    details["every_days"] = contact.every_days  # their stay-in-touch cadence, if set
    assert contact.id is not None
    details["groups"] = contact_groups(session, contact.id)
    return PersonRecord(
        contact=details,
        entries=list(iter_entries(session, Selection(contact_id=contact.id, statuses=None))),
        mentioned_in=_mentions(session, contact),
        dropped_reasons=_dropped_reasons(session, contact),
        introductions=list_introductions(session, contact.name),
    )


def _dropped_reasons(session: Session, contact: Contact) -> dict[int, str]:
    rows = session.exec(
        select(Entry.id, Entry.dropped_reason).where(
            Entry.contact_id == contact.id, col(Entry.dropped_reason).is_not(None)
        )
    )
    return {entry_id: reason for entry_id, reason in rows if entry_id and reason}


def forget_person(ledger: Database, name: str, *, other_sides_too: bool = False) -> Erasure:
    """Delete a person and every entry with them (and, if asked, the other side of every
    introduction they were part of) in one transaction, then scrub the ledger file: deleted
    rows linger in the write-ahead log and free pages until then. A database server reclaims
    space its own way (VACUUM, pg_repack)."""
    with ledger.transaction(write=True) as session:
        erased = _erase(session, name, other_sides_too=other_sides_too)
    if ledger.file is not None:
        scrub(ledger.file, busy_timeout=busy_timeout())
    return erased


def _erase(session: Session, name: str, *, other_sides_too: bool) -> Erasure:
    contact = resolve_contact(session, name)
    partners = other_sides(session, contact_id=contact.id) if other_sides_too else []
    count = session.exec(select(func.count()).where(Entry.contact_id == contact.id)).one()
    session.exec(delete(Entry).where(col(Entry.contact_id) == contact.id))
    remove_entries(session, [partner.id for partner in partners])
    mentioned_in = [row.id for row in _mentions(session, contact)]
    session.delete(contact)  # aliases and tags go with it (ON DELETE CASCADE)
    session.flush()
    return Erasure(contact.name, count + len(partners), mentioned_in)
