"""Events: the occasions where things were given or received, found however typed."""

from datetime import timedelta

import pytest
from sqlmodel import Session

from helpers import TODAY, logged
from wederkerig.core.errors import NotFoundError, RefusedError
from wederkerig.store.filters import Selection
from wederkerig.usecases.balances import balance_rows
from wederkerig.usecases.events import EventRow, add_event, find_event, list_events, narrow_to_event


def test_an_event_is_added_once(session: Session) -> None:
    assert add_event(session, " Nieuwjaarsreceptie ", on=TODAY, place=" Dordrecht ") == EventRow(
        "Nieuwjaarsreceptie", TODAY, "Dordrecht", 0
    )
    with pytest.raises(RefusedError, match="already exists"):
        add_event(session, "nieuwjaarsreceptie", on=None, place=None)


def test_an_unknown_event_suggests_a_known_one(session: Session) -> None:
    add_event(session, "Nieuwjaarsreceptie", on=None, place=None)
    with pytest.raises(NotFoundError, match="Nieuwjaarsreceptie"):
        find_event(session, "Nieuwjaarreceptie")


def test_events_are_listed_newest_first_with_their_entries(session: Session) -> None:
    add_event(session, "Undated", on=None, place=None)
    add_event(session, "Older", on=TODAY - timedelta(days=30), place=None)
    logged(session, "Anna", event="Newer", on=TODAY)  # logging may create the event
    logged(session, "Bram", event="newer", on=TODAY)
    assert [(e.name, e.entries) for e in list_events(session)] == [
        ("Newer", 2),
        ("Older", 0),
        ("Undated", 0),
    ]


def test_a_selection_narrowed_to_an_event_counts_only_its_entries(session: Session) -> None:
    logged(session, "Anna", value=2, event="Borrel")
    logged(session, "Anna", value=5)
    assert narrow_to_event(session, Selection(), None) == Selection()
    (anna,) = balance_rows(session, narrow_to_event(session, Selection(), "borrel"))
    assert anna.gave == 2
