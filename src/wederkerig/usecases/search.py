"""``search TEXT``: free text anywhere in the ledger, found the same way on both engines.

Looked through: entries' descriptions (promises included) and drop reasons, contacts' notes,
needs and offers, event names and places, introductions' why and outcome notes, and group
notes. Every term must occur in one field; case and accents do not count (``cafe`` finds
``café``), and the user's text is only ever literal (see ``core.keywords.search_terms``).
Never prints.
"""

from collections.abc import Iterator
from datetime import date
from typing import Any, NamedTuple

import sqlalchemy as sa
from sqlmodel import Session, col

from wederkerig.core.errors import InvalidInputError
from wederkerig.core.i18n import _
from wederkerig.core.keywords import search_terms
from wederkerig.store.models import Contact, Entry, Event, Group, Introduction
from wederkerig.store.search import contains_all


class SearchHit(NamedTuple):
    """One field that matched; the field order is the CSV/JSON column order."""

    kind: str  # what the text is: entry, dropped_reason, note, needs, offers, event, ...
    id: int | None  # an entry's or introduction's id (what 'edit' or 'intro-outcome' take)
    date: date | None
    contact: str | None  # a contact's or event's or group's name, where there is one
    text: str


# Typed, so that PostgreSQL may order by them (it refuses a bare constant in ORDER BY).
_NO_ID, _NO_DATE = sa.cast(sa.null(), sa.Integer), sa.cast(sa.null(), sa.Date)
_NO_NAME = sa.cast(sa.null(), sa.String)


def _sources() -> Iterator[tuple[str, sa.Select[*tuple[Any, ...]]]]:
    """Each searchable field as (kind, a query of id, date, name, the field), its text last."""
    entries = sa.select(
        col(Entry.id), col(Entry.occurred_on), col(Contact.name)
    ).join(Contact, col(Contact.id) == Entry.contact_id)  # fmt: skip
    yield "entry", entries.add_columns(col(Entry.description))
    yield "dropped_reason", entries.add_columns(col(Entry.dropped_reason))
    people = sa.select(_NO_ID, _NO_DATE, col(Contact.name))
    for field in ("note", "needs", "offers"):
        yield field, people.add_columns(getattr(Contact, field))
    events = sa.select(_NO_ID, col(Event.held_on), col(Event.name))
    yield "event", events.add_columns(col(Event.name))
    yield "event_place", events.add_columns(col(Event.place))
    introductions = sa.select(col(Introduction.id), col(Introduction.made_on), _NO_NAME)
    yield "introduction", introductions.add_columns(col(Introduction.why))
    yield "outcome_note", introductions.add_columns(col(Introduction.outcome_note))
    yield "group", sa.select(_NO_ID, _NO_DATE, col(Group.name), col(Group.note))


def search(session: Session, text: str) -> list[SearchHit]:
    """Every field holding all of ``text``'s words (or "quoted phrases"), entries newest
    first, then the rest in the order of :func:`_sources`."""
    terms = search_terms(text)
    if not terms:
        raise InvalidInputError(_("give a word to search for"), field="text")
    dialect = session.connection().dialect.name
    hits: list[SearchHit] = []
    for kind, query in _sources():
        _id, when, name, field = query.selected_columns
        ordered = query.where(contains_all(field, terms, dialect)).order_by(
            sa.desc(when), name, sa.desc(_id)
        )
        hits += (SearchHit(kind, *row) for row in session.connection().execute(ordered))
    return hits
