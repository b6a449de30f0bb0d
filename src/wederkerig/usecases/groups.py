"""Use cases for groups: collaborations whose members' contributions are seen together."""

from collections.abc import Sequence
from dataclasses import replace
from typing import NamedTuple

from sqlalchemy import func
from sqlmodel import Session, col, select

from wederkerig.core.errors import NotFoundError, RefusedError, did_you_mean
from wederkerig.core.i18n import N_, _
from wederkerig.core.names import check_name, check_text, closest, name_key, sort_key
from wederkerig.store.filters import Selection
from wederkerig.store.models import Contact, Group, Membership
from wederkerig.usecases.balances import BalanceRow, balance_rows
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
    """``group show``: a group, its members, and each member's flows with you by kind."""

    name: str
    note: str | None
    members: list[str]
    rows: list[BalanceRow]


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
    return GroupReport(found.name, found.note, group_members(session, group), rows)


def narrow_to_group(session: Session, selection: Selection, group: str | None) -> Selection:
    """The selection limited to the members of the group a user named."""
    if group is None:
        return selection
    return replace(selection, group_id=find_group(session, group).id)
