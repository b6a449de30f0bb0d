"""Staying in touch: how often to see someone, and what is due. Never prints.

A contact's cadence is their own (``contact edit --every``) or else the shortest of their
tags' (``tag cadence``). Any entry with them, whatever its kind or status, resets the clock.
"""

from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import UTC, date, timedelta
from enum import StrEnum
from itertools import chain
from typing import NamedTuple

from sqlalchemy import func
from sqlmodel import Session, col, select

from wederkerig.core.errors import NotFoundError
from wederkerig.core.i18n import _, ngettext
from wederkerig.core.names import sort_key, tag_name
from wederkerig.core.vocabulary import View
from wederkerig.store.filters import Selection
from wederkerig.store.models import Contact, Entry, Tag, TagCadence
from wederkerig.usecases.contacts import resolve_contact
from wederkerig.usecases.loops import open_loops
from wederkerig.usecases.promises import open_promises


class Reason(StrEnum):
    """Why something is due, in the order ``due`` lists them."""

    CADENCE = "cadence"  # not in touch for longer than their cadence
    MY_PROMISE = "my-promise"
    THEIR_PROMISE = "their-promise"
    UNANSWERED = "unanswered"  # received, and not answered for a long time


class DueItem(NamedTuple):
    """One thing due: ``days_late`` counts from ``due`` to today (negative: due in that many)."""

    reason: Reason
    contact: str
    entry: int | None
    since: date  # last in touch; when the promise was made; when it was received
    due: date
    days_late: int
    detail: str


class TagRow(NamedTuple):
    name: str
    contacts: int
    every_days: int | None


def set_contact_cadence(session: Session, contact: str, every_days: int | None) -> str:
    """Set (or, with ``None``, clear) how often to be in touch with one contact."""
    person = resolve_contact(session, contact)
    person.every_days = every_days
    session.add(person)
    session.flush()
    return person.name


def set_tag_cadence(session: Session, tag: str, every_days: int | None) -> str:
    """Set (or clear) the cadence of everyone carrying ``tag``, unless a contact has their own."""
    name = tag_name(tag)
    if session.exec(select(Tag).where(Tag.name == name)).first() is None:
        known = session.exec(select(Tag.name).distinct()).all()
        listed = ", ".join(sorted(known)[:10]) or _("none yet")
        raise NotFoundError(
            _("no contact has the tag '{tag}' (tags: {tags})").format(tag=name, tags=listed),
            field="tag",
        )
    existing = session.get(TagCadence, name)
    if every_days is None:
        if existing is not None:
            session.delete(existing)
    else:
        session.merge(TagCadence(tag=name, every_days=every_days))
    session.flush()
    return name


def list_tags(session: Session) -> list[TagRow]:
    """Every tag in use, with how many contacts carry it and its cadence."""
    rows = session.exec(
        select(Tag.name, func.count(), TagCadence.every_days)
        .join(TagCadence, col(TagCadence.tag) == Tag.name, isouter=True)
        .group_by(col(Tag.name), col(TagCadence.every_days))
        .order_by(col(Tag.name))
    )
    return [TagRow(name, count, every) for name, count, every in rows]


def _past_cadence(session: Session, today: date, horizon: date) -> Iterable[DueItem]:
    by_tag = (
        select(func.min(TagCadence.every_days))
        .join(Tag, col(Tag.name) == TagCadence.tag)
        .where(Tag.contact_id == Contact.id)
        .scalar_subquery()
    )
    last = select(func.max(Entry.occurred_on)).where(Entry.contact_id == Contact.id)
    every = func.coalesce(Contact.every_days, by_tag)
    rows = session.exec(
        select(Contact.name, every, last.scalar_subquery(), Contact.created_at).where(
            every.is_not(None)
        )
    )
    for name, every_days, last_touch, created_at in rows:
        since = last_touch or created_at.replace(tzinfo=UTC).astimezone().date()  # local day
        due = since + timedelta(days=every_days)
        if due <= horizon:
            detail = (
                ngettext("every {days} day", "every {days} days", every_days)
                if last_touch
                else ngettext(
                    "every {days} day (nothing logged yet)",
                    "every {days} days (nothing logged yet)",
                    every_days,
                )
            )
            yield DueItem(
                Reason.CADENCE, name, None, since, due, (today - due).days,
                detail.format(days=every_days),
            )  # fmt: skip


def due_items(
    session: Session, *, today: date, within_days: int = 0, unanswered_after_days: int = 30
) -> Iterator[DueItem]:
    """Contacts past their cadence, overdue promises (mine first), and what was received and
    left unanswered for ``unanswered_after_days``; ``within_days`` looks that far ahead.

    The unanswered ones stream from the ledger (the bench's 100k ledger has ~50,000), so a
    table can take its first rows without building the rest: read them in the transaction."""
    horizon = today + timedelta(days=within_days)
    cadence = sorted(
        _past_cadence(session, today, horizon), key=lambda i: (i.due, sort_key(i.contact))
    )
    promises = [
        DueItem(
            Reason.MY_PROMISE if p.mine else Reason.THEIR_PROMISE,
            p.entry.contact,
            p.entry.id,
            p.entry.date,
            p.entry.due,
            (today - p.entry.due).days,
            p.entry.description,
        )
        for p in open_promises(session, Selection(), today=today)
        if p.entry.due is not None and p.entry.due <= horizon
    ]
    promises.sort(key=lambda item: (item.reason is Reason.THEIR_PROMISE, item.due))
    threshold = horizon - timedelta(days=unanswered_after_days)
    unanswered = (
        DueItem(
            Reason.UNANSWERED,
            loop.entry.contact,
            loop.entry.id,
            loop.entry.date,
            loop.entry.date + timedelta(days=unanswered_after_days),
            loop.age_days - unanswered_after_days,
            loop.entry.description,
        )
        for loop in open_loops(session, replace(Selection(), until=threshold), today=today)
    )
    return chain(cadence, promises, unanswered)


def in_view(items: Iterable[DueItem], view: View) -> Iterator[DueItem]:
    """What ``due`` shows a person: in the givers-gain view nothing asks them for something
    back, so their overdue promises are left out (thanks you owe stay)."""
    if view is View.SCORES:
        return iter(items)
    return (item for item in items if item.reason is not Reason.THEIR_PROMISE)
