"""Correcting what was logged: edit an entry, remove one (and, if asked, the other side of its
introduction), undo the newest. Each is one transaction; the questions asked before a removal
read in their own, and the removal checks again that it removes what the user was shown."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from sqlalchemy import func
from sqlmodel import Session, col, select

from wederkerig.core import money
from wederkerig.core.errors import InvalidInputError, NotFoundError, RefusedError
from wederkerig.core.i18n import _
from wederkerig.core.vocabulary import Direction, Kind, check_value
from wederkerig.store.models import Alias, Contact, Entry, Membership, Tag
from wederkerig.usecases.contacts import resolve_contact
from wederkerig.usecases.entries import (
    EntryRow,
    check_answer,
    check_description,
    get_entry,
    to_cents,
)
from wederkerig.usecases.introductions import other_sides, remove_entries


@dataclass(frozen=True)
class EntryChange:
    """What ``edit`` asks for; ``None`` leaves a field as it is."""

    value: int | None = None
    kind: Kind | None = None
    direction: Direction | None = None
    on: date | None = None
    description: str | None = None
    amount: Decimal | None = None
    clear_amount: bool = False
    answers: int | None = None  # link it as the answer to this entry
    clear_answers: bool = False


def edit_entry(session: Session, entry_id: int, change: EntryChange) -> tuple[EntryRow, EntryRow]:
    """Apply ``change``; returns the entry before and after, so the user sees what changed."""
    before = get_entry(session, entry_id)
    entry = session.get_one(Entry, entry_id)
    kind = change.kind or Kind(entry.kind)
    amount = None if change.clear_amount else change.amount
    if amount is None and not change.clear_amount and entry.amount_cents is not None:
        amount = Decimal(entry.amount_cents).scaleb(-2)
    if amount is not None and kind is not Kind.MONEY:
        raise InvalidInputError(
            _(
                "entry {id} carries an amount of {amount}, which belongs to money entries only"
            ).format(id=entry_id, amount=money.show(amount)),
            field="amount",
        )
    if change.value is not None:
        entry.value = check_value(change.value)
    if change.on is not None:
        entry.occurred_on = change.on
    if change.description is not None:
        entry.description = check_description(change.description)
    turned = change.direction is not None and change.direction.value != entry.direction
    if entry.introduction_id is not None and (turned or kind is not Kind.ACCESS):
        raise RefusedError(
            _(
                "entry {id} is one side of introduction {introduction}, access given: its kind "
                "and direction stay; remove the introduction's entries to undo it"
            ).format(id=entry_id, introduction=entry.introduction_id)
        )
    if turned:
        _refuse_linked(session, entry)
        entry.direction = change.direction.value  # type: ignore[union-attr]
    if change.answers is not None:
        if change.answers == entry_id:
            raise InvalidInputError(
                _("entry {id} cannot answer itself: name another entry").format(id=entry_id)
            )
        check_answer(session, change.answers, Direction(entry.direction))
        entry.answers_id = change.answers
    elif change.clear_answers:
        entry.answers_id = None
    entry.kind = kind.value
    entry.amount_cents = to_cents(amount)
    session.add(entry)
    session.flush()
    return before, get_entry(session, entry_id)


def _refuse_linked(session: Session, entry: Entry) -> None:
    """An answer goes the other way; turning one side around would break that link."""
    answered_by = session.exec(select(Entry.id).where(Entry.answers_id == entry.id)).first()
    other = entry.answers_id or answered_by
    if other is not None:
        raise RefusedError(
            _(
                "entry {id} is linked as an answer with entry {other}, which goes the other "
                "way: to change its direction, remove it and log it again"
            ).format(id=entry.id, other=other)
        )


class Undo(NamedTuple):
    """The entry ``undo`` removes, and the newest entry when that is someone else's."""

    entry: EntryRow
    passed_over: EntryRow | None


def last_created(session: Session, member: str) -> Undo:
    """The entry logged most recently (ids only grow, so the highest id is the newest).

    On a ledger with members (two or more names in the member column) it is ``member``'s own
    newest: undoing a colleague's work would surprise both of them.
    """
    newest_id = session.exec(select(func.max(Entry.id))).one()
    if newest_id is None:
        raise NotFoundError(_("the ledger has no entries, so there is nothing to undo"))
    newest = get_entry(session, newest_id)
    if newest.member in (None, member) or not _has_members(session):
        return Undo(newest, None)
    own = session.exec(select(func.max(Entry.id)).where(Entry.member == member)).one()
    if own is None:
        raise NotFoundError(
            _(
                "{member} logged no entry in this ledger, so there is nothing of theirs to undo "
                "(the newest, {id}, is {other}'s: remove it with 'wederkerig rm {id}')"
            ).format(member=member, id=newest.id, other=newest.member)
        )
    return Undo(get_entry(session, own), newest)


def _has_members(session: Session) -> bool:
    """Whether entries carry two or more member names: one name is one person's ledger."""
    names = session.exec(
        select(Entry.member).where(col(Entry.member).is_not(None)).distinct().limit(2)
    ).all()
    return len(names) > 1


def introduction_partners(
    session: Session, *, entry_id: int | None = None, contact: str | None = None
) -> list[EntryRow]:
    """The other sides of the introductions an entry (or a contact's entries) belongs to:
    what removing it would leave behind, so the user is asked first."""
    contact_id = resolve_contact(session, contact).id if contact else None
    return other_sides(session, entry_id=entry_id, contact_id=contact_id)


def remove_with_partners(
    session: Session, entry_id: int, *, other_sides_too: bool
) -> list[EntryRow]:
    """Remove an entry and, if asked, the other sides of its introductions, found again in
    this transaction (not trusted from when the user was asked)."""
    partners = other_sides(session, entry_id=entry_id) if other_sides_too else []
    return remove_entries(session, [entry_id, *(partner.id for partner in partners)])


def undo_entry(
    session: Session, member: str, *, expected: int, other_sides_too: bool
) -> list[EntryRow]:
    """Remove ``member``'s newest entry, which must still be entry ``expected``, the one the
    user confirmed: another member or process may have logged or removed one since."""
    newest = last_created(session, member).entry
    if newest.id != expected:
        raise RefusedError(
            _(
                "the newest entry is now {id}, not {expected} as confirmed; nothing was removed"
            ).format(id=newest.id, expected=expected),
            field="entry",
        )
    return remove_with_partners(session, expected, other_sides_too=other_sides_too)


class Undone(NamedTuple):
    """What ``undo`` removed: the entries, and the contact their log added, if that went too."""

    entries: list[EntryRow]
    contact: str | None


def undo_newest(session: Session, member: str, *, expected: int, other_sides_too: bool) -> Undone:
    """:func:`undo_entry`, and the contact that the entry's ``log --create`` added, unless the
    contact has since been given entries, aliases, tags, groups or details of its own."""
    newest = session.get(Entry, expected)
    added = session.get(Contact, newest.contact_id) if newest and newest.added_contact else None
    removed = undo_entry(session, member, expected=expected, other_sides_too=other_sides_too)
    if added is None or _holds_more(session, added):
        return Undone(removed, None)
    session.delete(added)
    session.flush()
    return Undone(removed, added.name)


def _holds_more(session: Session, contact: Contact) -> bool:
    details = (contact.organisation, contact.email, contact.note, contact.every_days)
    if any(detail is not None for detail in details):
        return True
    return any(
        session.exec(select(table).where(table.contact_id == contact.id).limit(1)).first()
        for table in (Entry, Alias, Tag, Membership)
    )
