"""Use cases for events, the occasions where value flowed (a New Year's reception). Never prints."""

from dataclasses import replace
from datetime import date
from typing import NamedTuple

from sqlalchemy import func
from sqlmodel import Session, col, select

from wederkerig.core.errors import NotFoundError, RefusedError, did_you_mean
from wederkerig.core.i18n import N_, _
from wederkerig.core.names import check_name, check_text, closest, name_key
from wederkerig.store.filters import Selection
from wederkerig.store.models import Entry, Event


class EventRow(NamedTuple):
    """An event as listed; the field order is the CSV/JSON column order."""

    name: str
    date: date | None
    place: str | None
    entries: int


def find_event(
    session: Session, name: str, *, create: bool = False, on: date | None = None
) -> Event:
    """The event called ``name`` (however typed); with ``create``, a new one if there is none."""
    name = check_name(name, N_("event name"))
    event = session.exec(select(Event).where(Event.name_key == name_key(name))).first()
    if event is not None:
        return event
    if not create:
        known = session.exec(select(Event.name)).all()
        raise NotFoundError(
            _("no event called '{name}'.{suggestion}").format(
                name=name, suggestion=did_you_mean(closest(name, known))
            ),
            field="event",
        )
    event = Event(name=name, name_key=name_key(name), held_on=on)
    session.add(event)
    session.flush()
    return event


def add_event(session: Session, name: str, *, on: date | None, place: str | None) -> EventRow:
    name = check_name(name, N_("event name"))
    taken = session.exec(select(Event).where(Event.name_key == name_key(name))).first()
    if taken is not None:
        raise RefusedError(
            _("an event called '{name}' already exists: use that one").format(name=taken.name)
        )
    cleaned_place = check_text(place.strip(), N_("place")) if place and place.strip() else None
    session.add(Event(name=name, name_key=name_key(name), held_on=on, place=cleaned_place))
    session.flush()
    return EventRow(name, on, cleaned_place, 0)


def list_events(session: Session) -> list[EventRow]:
    """Events, most recent first (undated ones last), with how many entries name them."""
    counts = (
        select(col(Entry.event_id), func.count().label("entries"))
        .group_by(col(Entry.event_id))
        .subquery()
    )
    rows = session.exec(
        select(
            col(Event.name),
            col(Event.held_on),
            col(Event.place),
            func.coalesce(counts.c.entries, 0),
        )
        .join(counts, counts.c.event_id == Event.id, isouter=True)
        .order_by(col(Event.held_on).is_(None), col(Event.held_on).desc(), col(Event.name_key))
    ).all()
    return [EventRow(*row) for row in rows]


def narrow_to_event(session: Session, selection: Selection, event: str | None) -> Selection:
    """The selection limited to what flowed at the event a user named."""
    if event is None:
        return selection
    return replace(selection, event_id=find_event(session, event).id)
