"""iCalendar (RFC 5545) files of what falls due, for a calendar app to import or subscribe to.

Each item is an all-day event on its due date. Its UID stays the same from one export to
the next (a promise's entry id; a contact's cadence by name), so a subscribed calendar moves
an event when its date changes instead of showing it twice.
"""

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, NamedTuple, TextIO

from wederkerig import __version__
from wederkerig.core.i18n import _
from wederkerig.core.names import name_key

if TYPE_CHECKING:
    from wederkerig.usecases.cadence import DueItem
    from wederkerig.usecases.promises import OpenPromise


class CalendarItem(NamedTuple):
    uid: str
    day: date
    summary: str
    description: str


def _uid(reason: str, entry: int | None, contact: str) -> str:
    subject = str(entry) if entry is not None else name_key(contact).replace(" ", "-")
    return f"{reason}-{subject}@wederkerig"


def _summary(reason: str, contact: str, detail: str) -> str:
    said = {
        "cadence": _("Get in touch with {contact}"),
        "my-promise": _("Your promise to {contact}: {detail}"),
        "their-promise": _("{contact} promised you: {detail}"),
        "unanswered": _("Thank {contact}: {detail}"),
    }[reason]
    return said.format(contact=contact, detail=detail).rstrip(": ")


def due_calendar_items(items: Iterable["DueItem"]) -> Iterable[CalendarItem]:
    """``due``'s items: cadences, promises with a due date, thanks owed."""
    for item in items:
        yield CalendarItem(
            _uid(item.reason.value, item.entry, item.contact),
            item.due,
            _summary(item.reason.value, item.contact, item.detail),
            item.detail,
        )


def promise_calendar_items(promises: Iterable["OpenPromise"]) -> Iterable[CalendarItem]:
    """Open promises on their due date; one without a due date has no day to be on."""
    for promise in promises:
        entry = promise.entry
        if entry.due is not None:
            reason = "my-promise" if promise.mine else "their-promise"
            yield CalendarItem(
                _uid(reason, entry.id, entry.contact),
                entry.due,
                _summary(reason, entry.contact, entry.description),
                entry.description,
            )


def write_calendar(stream: TextIO, name: str, items: Iterable[CalendarItem], now: datetime) -> None:
    """A VCALENDAR of all-day VEVENTs; ``now`` stamps each event, as RFC 5545 asks."""
    from icalendar import Calendar, Event  # ~60 ms: only for this format

    calendar = Calendar()
    calendar.add("prodid", f"-//wederkerig//wederkerig {__version__}//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    for item in items:
        event = Event()
        event.add("uid", item.uid)
        event.add("dtstamp", now)
        event.add("dtstart", item.day)
        event.add("dtend", item.day + timedelta(days=1))
        event.add("summary", item.summary)
        if item.description:
            event.add("description", item.description)
        event.add("transp", "TRANSPARENT")  # a reminder, not a busy slot
        calendar.add_component(event)
    stream.write(calendar.to_ical().decode("utf-8"))
