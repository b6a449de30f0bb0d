"""Use cases for groups: collaborations whose members' contributions are seen together."""

from collections.abc import Sequence
from dataclasses import replace
from typing import NamedTuple

import sqlalchemy as sa
from sqlalchemy import func
from sqlmodel import Session, col, select

from wederkerig.core.errors import NotFoundError, RefusedError, did_you_mean
from wederkerig.core.i18n import N_, _
from wederkerig.core.names import check_name, check_text, closest, name_key, sort_key
from wederkerig.core.vocabulary import Direction, Kind
from wederkerig.store.filters import Selection
from wederkerig.store.models import Contact, Entry, Event, Group, Membership
from wederkerig.usecases.balances import BalanceRow, Tally, balance_rows
from wederkerig.usecases.contacts import resolve_contact


class GroupRow(NamedTuple):
    """A group as listed; the field order is the CSV/JSON column order."""

    name: str
    note: str | None
    members: int


def find_group(session: Session, name: str) -> Group:
    group = session.exec(select(Group).where(Group.name_key == name_key(name))).first()
    if group is None:
        known = session.exec(select(Group.name)).all()
        raise NotFoundError(
            _(
                "no group called '{name}'.{suggestion} Add it with 'wederkerig group add NAME'."
            ).format(name=name, suggestion=did_you_mean(closest(name, known)))
        )
    return group


def add_group(session: Session, name: str, *, note: str | None = None) -> GroupRow:
    name = check_name(name, N_("group name"))
    taken = session.exec(select(Group).where(Group.name_key == name_key(name))).first()
    if taken is not None:
        raise RefusedError(
            _("a group called '{name}' already exists: use that one").format(name=taken.name)
        )
    cleaned = (
        check_text(note.strip(), N_("note"), max_length=2_000) if note and note.strip() else None
    )
    session.add(Group(name=name, name_key=name_key(name), note=cleaned))
    session.flush()
    return GroupRow(name, cleaned, 0)


def join_group(session: Session, group: str, contacts: Sequence[str]) -> tuple[str, list[str]]:
    """Add contacts to a group; returns the group's name and who was newly added."""
    found = find_group(session, group)
    added = []
    for query in contacts:
        contact = resolve_contact(session, query)
        if session.get(Membership, (found.id, contact.id)) is None:
            session.add(Membership(group_id=found.id, contact_id=contact.id))  # type: ignore[arg-type]
            added.append(contact.name)
    session.flush()
    return found.name, added


def leave_group(session: Session, group: str, contacts: Sequence[str]) -> tuple[str, list[str]]:
    found = find_group(session, group)
    left = []
    for query in contacts:
        contact = resolve_contact(session, query)
        membership = session.get(Membership, (found.id, contact.id))
        if membership is None:
            raise NotFoundError(
                _("'{contact}' is not in the group '{group}'").format(
                    contact=contact.name, group=found.name
                )
            )
        session.delete(membership)
        left.append(contact.name)
    session.flush()
    return found.name, left


def list_groups(session: Session) -> list[GroupRow]:
    counts = (
        select(col(Membership.group_id), func.count().label("members"))
        .group_by(col(Membership.group_id))
        .subquery()
    )
    rows = session.exec(
        select(col(Group.name), col(Group.note), func.coalesce(counts.c.members, 0))
        .join(counts, counts.c.group_id == Group.id, isouter=True)
        .order_by(col(Group.name_key))
    ).all()
    return sorted((GroupRow(*row) for row in rows), key=lambda row: sort_key(row[0]))


class GroupReport(NamedTuple):
    """``group show``: a group, its members, each member's flows with you by kind, and what
    flowed with the group as a whole, per kind."""

    name: str
    note: str | None
    members: list[str]
    rows: list[BalanceRow]
    by_kind: dict[Kind, Tally]

    @property
    def tally(self) -> Tally:
        return sum(self.by_kind.values(), Tally())


# The giver or receiver of an entry logged by nobody in particular: whoever keeps the ledger.
# A value in CSV and JSON, so English there; a table shows it translated.
YOU = N_("(you)")


class Contribution(NamedTuple):
    """``group show --between``: what one partner gave another, of one kind, in the
    collaboration; the field order is the CSV/JSON column order."""

    giver: str
    receiver: str
    kind: str
    points: int
    entries: int


def group_members(session: Session, group: str) -> list[str]:
    """The names of a group's members, in name order."""
    found = find_group(session, group)
    names = session.exec(
        select(Contact.name)
        .join(Membership, col(Membership.contact_id) == Contact.id)
        .where(Membership.group_id == found.id)
    ).all()
    return sorted(names, key=sort_key)


def group_report(session: Session, group: str, selection: Selection) -> GroupReport:
    """A group's members and what flowed with each of them by kind, over ``selection``."""
    found = find_group(session, group)
    rows = balance_rows(session, replace(selection, group_id=found.id), by_kind=True)
    by_kind = dict.fromkeys(Kind, Tally())
    for row in rows:
        if row.kind is not None:
            by_kind[row.kind] += Tally(row.gave, row.received)
    return GroupReport(found.name, found.note, group_members(session, group), rows, by_kind)


def contributions(session: Session, group: str, selection: Selection) -> list[Contribution]:
    """Who gave whom what in a collaboration: entries logged in it ('log --group') or at the
    event named like it, per giver, receiver and kind. The partner who logged an entry (its
    member) is one side, its contact the other; an entry logged by nobody named is yours."""
    found = find_group(session, group)
    event = session.exec(select(Event.id).where(Event.name_key == found.name_key)).first()
    in_it = col(Entry.group_id) == found.id
    if event is not None:
        in_it = sa.or_(in_it, col(Entry.event_id) == event)
    keys = (col(Entry.member), col(Contact.name), col(Entry.direction), col(Entry.kind))
    rows = session.connection().execute(
        sa.select(*keys, func.sum(Entry.value), func.count())
        .join(Contact, col(Contact.id) == Entry.contact_id)
        .where(in_it, *selection.conditions())
        .group_by(*keys)
    )
    found_rows = []
    for member, contact, direction, kind, points, count in rows:
        logger = member or YOU
        giver, receiver = (logger, contact) if direction == Direction.GAVE else (contact, logger)
        found_rows.append(Contribution(giver, receiver, kind, points, count))
    kinds = {kind.value: index for index, kind in enumerate(Kind)}
    return sorted(
        found_rows, key=lambda c: (c.giver.casefold(), c.receiver.casefold(), kinds[c.kind])
    )


def narrow_to_group(session: Session, selection: Selection, group: str | None) -> Selection:
    """The selection limited to the members of the group a user named."""
    if group is None:
        return selection
    return replace(selection, group_id=find_group(session, group).id)
