"""Introductions: I connected two people, which is access given to both. Never prints.

An introduction is one ``introduction`` row and one access entry per side, linked by
``entry.introduction_id``; the entries make it count in both contacts' balances like any give.
"""

from collections.abc import Collection, Iterable, Iterator, Sequence
from datetime import UTC, date, datetime
from typing import NamedTuple

from sqlalchemy import delete, exists
from sqlmodel import Session, col, select

from wederkerig.core import i18n, words
from wederkerig.core.errors import InvalidInputError, NotFoundError
from wederkerig.core.i18n import N_, _
from wederkerig.core.names import check_text
from wederkerig.core.vocabulary import Direction, Kind, Outcome, check_value
from wederkerig.store.models import Contact, Entry, Introduction
from wederkerig.usecases.contacts import resolve_contact
from wederkerig.usecases.entries import EntryRow, check_description, get_entry, remove_entry
from wederkerig.usecases.events import find_event

MAX_OUTCOME_NOTE = 2_000  # as long as an entry's description may be


class IntroductionRow(NamedTuple):
    """An introduction as listed; the field order is the CSV/JSON column order."""

    id: int
    date: date
    first: str
    second: str | None  # None once that side was removed (or its contact forgotten)
    why: str
    value: int
    outcome: str | None
    entries: str  # the ids of the access entries, ';'-joined
    outcome_note: str | None  # what came of it in the user's words (a column added last)


def make_introduction(
    session: Session,
    first: str,
    second: str,
    *,
    why: str = "",
    value: int = 1,
    on: date,
    event: str | None = None,
    member: str | None = None,
    now: datetime,
) -> IntroductionRow:
    """Record that I connected ``first`` and ``second``: one access entry to each."""
    check_value(value)
    why = check_description(why)
    people = resolve_contact(session, first), resolve_contact(session, second)
    if people[0].id == people[1].id:
        raise InvalidInputError(
            _("an introduction connects two different people, not '{name}' to themselves").format(
                name=people[0].name
            )
        )
    occasion = find_event(session, event) if event else None
    created_at = now.astimezone(UTC).replace(microsecond=0)
    introduction = Introduction(made_on=on, why=why, created_at=created_at)
    session.add(introduction)
    session.flush()
    for person, other in (people, reversed(people)):
        side = side_description(other.name, why)
        session.add(
            Entry(
                contact_id=person.id,  # type: ignore[arg-type]
                direction=Direction.GAVE.value,
                kind=Kind.ACCESS.value,
                value=value,
                description=side,
                occurred_on=on,
                event_id=occasion.id if occasion else None,
                created_at=created_at,
                introduction_id=introduction.id,
                member=member,
            )
        )
    session.flush()
    assert introduction.id is not None
    return get_introduction(session, introduction.id)


def side_description(other: str, why: str) -> str:
    """What one side of an introduction says, in the language spoken as it is made."""
    said = words.INTRODUCED.get(i18n.language(), words.INTRODUCED["en"]).format(name=other)
    return f"{said}: {why}" if why else said


def why_of_sides(sides: Sequence[tuple[str, str]]) -> str:
    """The 'why' of an introduction from its sides' (description, contact name): each side's
    description names another side, so the names say where the 'why' begins."""
    names = [name for _description, name in sides]
    for place, (description, _name) in enumerate(sides):
        if why := why_of(description, names[:place] + names[place + 1 :]):
            return why
    return ""


def why_of(description: str, others: Iterable[str] = ()) -> str:
    """The 'why' of an introduction, read back from one side's description (either language):
    after the name of the other side when it is among ``others`` (a name may hold ': '),
    else after the first ': '."""
    for said in words.INTRODUCED.values():
        for other in others:
            start = said.format(name=other)
            if description == start:
                return ""
            if description.startswith(f"{start}: "):
                return description[len(start) + 2 :]
    starts = tuple(side.partition("{")[0] for side in words.INTRODUCED.values())
    return description.partition(": ")[2] if description.startswith(starts) else ""


def _introductions(session: Session, ids: Collection[int] | None) -> Iterator[IntroductionRow]:
    """Introductions in date order, each with the sides its entries still name."""
    query = (
        select(Introduction, Entry.id, Contact.name, Entry.value)
        .join(Entry, col(Entry.introduction_id) == Introduction.id, isouter=True)
        .join(Contact, col(Contact.id) == Entry.contact_id, isouter=True)
        .order_by(col(Introduction.made_on), col(Introduction.id), col(Entry.id))
    )
    if ids is not None:
        query = query.where(col(Introduction.id).in_(ids))
    current: IntroductionRow | None = None
    for introduction, entry_id, name, value in session.exec(query):
        assert introduction.id is not None
        if current is not None and current.id != introduction.id:
            yield current
            current = None
        if current is None:
            current = IntroductionRow(
                introduction.id, introduction.made_on, name or "", None,
                introduction.why, value or 0, introduction.outcome, str(entry_id or ""),
                introduction.outcome_note,
            )  # fmt: skip
        elif name is not None:
            current = current._replace(second=name, entries=f"{current.entries};{entry_id}")
    if current is not None:
        yield current


def list_introductions(session: Session, contact: str | None = None) -> list[IntroductionRow]:
    """Every introduction (or those made for ``contact``), oldest first."""
    if contact is None:
        return list(_introductions(session, None))
    person = resolve_contact(session, contact)
    theirs = select(Entry.introduction_id).where(
        Entry.contact_id == person.id, col(Entry.introduction_id).is_not(None)
    )
    ids = [introduction_id for introduction_id in session.exec(theirs) if introduction_id]
    return list(_introductions(session, ids))


def get_introduction(session: Session, introduction_id: int) -> IntroductionRow:
    found = list(_introductions(session, [introduction_id]))
    if not found:
        raise NotFoundError(
            _("no introduction with id {id}: see 'wederkerig intros' for ids").format(
                id=introduction_id
            )
        )
    return found[0]


def set_outcome(
    session: Session, introduction_id: int, outcome: Outcome | None, note: str = ""
) -> IntroductionRow:
    """Say what came of an introduction, however long afterwards (``None``: not known), with
    an optional note in the user's words; each call replaces the note, so none clears it."""
    note = check_outcome_note(note)
    introduction = session.get(Introduction, introduction_id)
    if introduction is None:
        get_introduction(session, introduction_id)  # raises the usual 'no introduction' error
    assert introduction is not None
    introduction.outcome = outcome.value if outcome else None
    introduction.outcome_note = note or None
    session.add(introduction)
    session.flush()
    return get_introduction(session, introduction_id)


def check_outcome_note(note: str) -> str:
    """An outcome's note as stored: trimmed, plain text, at most ``MAX_OUTCOME_NOTE`` long."""
    return check_text(note.strip(), N_("note"), max_length=MAX_OUTCOME_NOTE)


def other_sides(
    session: Session, *, entry_id: int | None = None, contact_id: int | None = None
) -> list[EntryRow]:
    """The other sides of the introductions that entry ``entry_id`` (or every entry with
    ``contact_id``) belongs to: what removing them would leave behind, so the user is asked."""
    chosen = (
        col(Entry.id) == entry_id if entry_id is not None else col(Entry.contact_id) == contact_id
    )
    linked = select(Entry.introduction_id).where(chosen, col(Entry.introduction_id).is_not(None))
    partner_ids = session.exec(
        select(Entry.id).where(col(Entry.introduction_id).in_(linked), ~chosen)
    ).all()
    return [get_entry(session, partner_id) for partner_id in partner_ids if partner_id]


def prune_introductions(session: Session) -> None:
    """Introductions with neither side left are gone too (their 'why' may name people)."""
    session.flush()
    session.exec(
        delete(Introduction).where(~exists().where(col(Entry.introduction_id) == Introduction.id))
    )


def remove_entries(session: Session, entry_ids: Collection[int]) -> list[EntryRow]:
    """Remove entries by id (an introduction goes once both its sides are gone)."""
    removed = [remove_entry(session, entry_id) for entry_id in entry_ids]
    prune_introductions(session)
    return removed
