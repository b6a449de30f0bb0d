"""An introduction connects two people: one access entry given to each side, linked."""

from datetime import timedelta

import pytest
from sqlmodel import Session

from helpers import NOW, TODAY
from wederkerig.core.errors import InvalidInputError, NotFoundError
from wederkerig.core.vocabulary import Direction, Kind, Outcome
from wederkerig.store.filters import Selection
from wederkerig.usecases.balances import balance_rows
from wederkerig.usecases.contacts import add_contact
from wederkerig.usecases.entries import get_entry, iter_entries
from wederkerig.usecases.introductions import (
    get_introduction,
    list_introductions,
    make_introduction,
    other_sides,
    remove_entries,
    set_outcome,
)


@pytest.fixture
def people(session: Session) -> Session:
    for name in ("Anna", "Bram", "Cees"):
        add_contact(session, name, now=NOW)
    return session


def test_one_access_entry_is_given_to_each_side(people: Session) -> None:
    made = make_introduction(
        people, "Anna", "Bram", why="both build bridges", value=2, on=TODAY, now=NOW
    )
    assert (made.first, made.second, made.why, made.value, made.outcome) == (
        "Anna",
        "Bram",
        "both build bridges",
        2,
        None,
    )
    sides = [get_entry(people, int(entry_id)) for entry_id in made.entries.split(";")]
    assert [(s.contact, s.direction, s.kind, s.value, s.introduction) for s in sides] == [
        ("Anna", Direction.GAVE, Kind.ACCESS, 2, made.id),
        ("Bram", Direction.GAVE, Kind.ACCESS, 2, made.id),
    ]
    assert sides[0].description == "introduced to Bram: both build bridges"
    assert {(row.label, row.net) for row in balance_rows(people, Selection())} == {
        ("Anna", 2),
        ("Bram", 2),
    }


def test_no_one_is_introduced_to_themselves(people: Session) -> None:
    with pytest.raises(InvalidInputError, match="two different people"):
        make_introduction(people, "Anna", "anna", on=TODAY, now=NOW)
    assert list(iter_entries(people, Selection())) == []


def test_the_outcome_can_be_said_later_and_unsaid(people: Session) -> None:
    made = make_introduction(people, "Anna", "Bram", on=TODAY - timedelta(days=60), now=NOW)
    assert set_outcome(people, made.id, Outcome.COLLABORATION).outcome == "collaboration"
    assert set_outcome(people, made.id, None).outcome is None
    with pytest.raises(NotFoundError):
        set_outcome(people, made.id + 1, Outcome.MET)


def test_an_outcome_note_is_kept_trimmed_and_replaced_each_time(people: Session) -> None:
    made = make_introduction(people, "Anna", "Bram", on=TODAY, now=NOW)
    noted = set_outcome(people, made.id, Outcome.BUSINESS, "  een opdracht van 3 dagen \n")
    assert (noted.outcome, noted.outcome_note) == ("business", "een opdracht van 3 dagen")
    assert set_outcome(people, made.id, Outcome.BUSINESS).outcome_note is None
    with pytest.raises(InvalidInputError, match="note"):
        set_outcome(people, made.id, Outcome.MET, "x" * 2_001)


def test_introductions_are_listed_per_contact(people: Session) -> None:
    first = make_introduction(people, "Anna", "Bram", on=TODAY - timedelta(days=3), now=NOW)
    second = make_introduction(people, "Cees", "Bram", on=TODAY, now=NOW)
    assert [i.id for i in list_introductions(people)] == [first.id, second.id]
    assert [i.id for i in list_introductions(people, "Cees")] == [second.id]
    assert [i.id for i in list_introductions(people, "Bram")] == [first.id, second.id]


def test_removing_one_side_leaves_the_other_until_both_are_gone(people: Session) -> None:
    made = make_introduction(people, "Anna", "Bram", on=TODAY, now=NOW)
    anna_side, bram_side = (int(i) for i in made.entries.split(";"))
    assert [row.id for row in other_sides(people, entry_id=anna_side)] == [bram_side]
    remove_entries(people, [anna_side])
    assert get_introduction(people, made.id).second is None
    remove_entries(people, [bram_side])
    assert list_introductions(people) == []
