"""Entries: what was given or received, checked before it is written, listed in date order."""

from collections.abc import Callable
from datetime import timedelta
from decimal import Decimal

import pytest
from sqlmodel import Session

from helpers import NOW, TODAY, logged
from wederkerig.core.errors import InvalidInputError, NotFoundError, RefusedError, WederkerigError
from wederkerig.core.vocabulary import Direction, Kind, Status
from wederkerig.store.database import Database
from wederkerig.store.filters import Selection
from wederkerig.usecases.cadence import set_tag_cadence
from wederkerig.usecases.contacts import add_contact, resolve_contact
from wederkerig.usecases.corrections import (
    EntryChange,
    edit_entry,
    introduction_partners,
    last_created,
    remove_with_partners,
    undo_entry,
    undo_newest,
)
from wederkerig.usecases.entries import (
    describe,
    get_entry,
    iter_entries,
    last_entry_with,
    log_entry,
    newest_entries,
    remove_entry,
    usual_value,
)
from wederkerig.usecases.introductions import make_introduction
from wederkerig.usecases.promises import drop_promise

GAVE, RECEIVED = Direction.GAVE, Direction.RECEIVED


def entries(session: Session) -> list[tuple[str, int]]:
    return [(row.contact, row.value) for row in iter_entries(session, Selection(statuses=None))]


def test_a_logged_entry_reads_back_as_it_was_given(session: Session) -> None:
    row = logged(session, "Anna", RECEIVED, Kind.MONEY, 2, amount="12.50", description=" lunch ")
    assert get_entry(session, row.id) == row
    assert (row.contact, row.direction, row.kind, row.value) == ("Anna", "received", "money", 2)
    assert (row.amount, row.description, row.status, row.date) == (
        Decimal("12.50"),
        "lunch",
        Status.DONE,
        TODAY,
    )


def test_an_unknown_contact_is_refused_without_create(session: Session) -> None:
    with pytest.raises(NotFoundError, match="no contact called 'Anna'"):
        log_entry(session, contact="Anna", direction=GAVE, kind=Kind.TALENT, on=TODAY, now=NOW)
    assert entries(session) == []


@pytest.mark.parametrize(
    ("options", "problem"),
    [
        ({"kind": Kind.TALENT, "amount": "5"}, "money entries only"),
        ({"value": 0}, "out of range"),
        ({"due": TODAY}, "belongs to a promise"),
        ({"promise": True, "due": TODAY - timedelta(days=1)}, "a due date comes later"),
        ({"description": "bell\x07"}, "control characters"),
    ],
)
def test_bad_values_are_refused_and_nothing_is_written(
    session: Session, options: dict[str, object], problem: str
) -> None:
    add_contact(session, "Anna", now=NOW)
    with pytest.raises(InvalidInputError, match=problem):
        logged(session, "Anna", **options)  # type: ignore[arg-type]
    assert entries(session) == []


def test_an_answer_goes_the_other_way(session: Session) -> None:
    received = logged(session, "Anna", RECEIVED)
    assert logged(session, "Anna", GAVE, answers=received.id).answers == received.id
    with pytest.raises(InvalidInputError, match="goes the other way"):
        logged(session, "Anna", RECEIVED, answers=received.id)


def test_entries_are_listed_in_date_order(session: Session) -> None:
    logged(session, "Anna", value=1, on=TODAY)
    logged(session, "Bram", value=2, on=TODAY - timedelta(days=5))
    logged(session, "Cees", value=3, on=TODAY - timedelta(days=1))
    assert entries(session) == [("Bram", 2), ("Cees", 3), ("Anna", 1)]
    newest, count = newest_entries(session, Selection(), 2)
    assert ([row.contact for row in newest], count) == (["Cees", "Anna"], 3)


def test_edit_returns_before_and_after(session: Session) -> None:
    row = logged(session, "Anna", GAVE, Kind.TALENT, 1)
    before, after = edit_entry(session, row.id, EntryChange(value=3, kind=Kind.KNOWLEDGE))
    assert (before.value, before.kind) == (1, "talent")
    assert (after.value, after.kind) == (3, "knowledge")
    assert get_entry(session, row.id) == after


def test_an_amount_cannot_stay_on_an_entry_that_is_no_longer_money(session: Session) -> None:
    row = logged(session, "Anna", kind=Kind.MONEY, amount="10")
    with pytest.raises(InvalidInputError, match="belongs to money entries only"):
        edit_entry(session, row.id, EntryChange(kind=Kind.TALENT))
    _before, after = edit_entry(session, row.id, EntryChange(kind=Kind.TALENT, clear_amount=True))
    assert (after.kind, after.amount) == ("talent", None)


def test_an_introduction_side_keeps_its_kind_and_direction(session: Session) -> None:
    add_contact(session, "Anna", now=NOW)
    add_contact(session, "Bram", now=NOW)
    made = make_introduction(session, "Anna", "Bram", on=TODAY, now=NOW)
    side = int(made.entries.split(";")[0])
    with pytest.raises(RefusedError, match="introduction"):
        edit_entry(session, side, EntryChange(direction=RECEIVED))


def test_removing_an_entry_leaves_the_others(ledger: Database) -> None:
    with ledger.transaction(write=True) as session:
        first, _second = logged(session, "Anna", value=1), logged(session, "Anna", value=2)
    with ledger.transaction(write=True) as session:
        assert remove_entry(session, first.id) == first
    with ledger.transaction() as session:
        assert entries(session) == [("Anna", 2)]
        with pytest.raises(NotFoundError):
            get_entry(session, first.id)


def test_the_last_created_entry_is_the_newest_logged(session: Session) -> None:
    with pytest.raises(NotFoundError, match="nothing to undo"):
        last_created(session, "me")
    logged(session, "Anna", on=TODAY)
    older = logged(session, "Bram", on=TODAY - timedelta(days=9))  # logged later, dated earlier
    assert last_created(session, "me") == (older, None)


def test_on_a_shared_ledger_the_last_created_entry_is_the_members_own(session: Session) -> None:
    mine = logged(session, "Anna", member="me")
    theirs = logged(session, "Bram", member="piet")
    assert last_created(session, "me") == (mine, theirs)
    with pytest.raises(NotFoundError, match="nothing of theirs to undo"):
        last_created(session, "kees")


def test_undo_removes_only_the_entry_the_user_confirmed(session: Session) -> None:
    confirmed = logged(session, "Anna", member="me")
    newer = logged(session, "Bram", member="me")  # logged by another process while asked
    with pytest.raises(RefusedError, match=f"newest entry is now {newer.id}"):
        undo_entry(session, "me", expected=confirmed.id, other_sides_too=False)
    assert [row.id for row in iter_entries(session, Selection())] == [confirmed.id, newer.id]
    assert undo_entry(session, "me", expected=newer.id, other_sides_too=False) == [newer]


def test_undo_takes_away_the_contact_its_log_added_and_no_other(session: Session) -> None:
    """Whether a log added its contact is stored with the entry: a contact added apart, even
    in the same second with nothing else to it, stays (a time stamp could not tell them)."""
    add_contact(session, "Anna", now=NOW)
    kept = logged(session, "Anna", member="me")
    assert undo_newest(session, "me", expected=kept.id, other_sides_too=False).contact is None
    assert resolve_contact(session, "Anna").name == "Anna"
    added = logged(session, "Bram", member="me")
    assert undo_newest(session, "me", expected=added.id, other_sides_too=False).contact == "Bram"
    with pytest.raises(NotFoundError):
        resolve_contact(session, "Bram")


def test_removing_one_side_of_an_introduction_takes_the_other_only_if_asked(
    session: Session,
) -> None:
    for name in ("Anna", "Bram"):
        add_contact(session, name, now=NOW)
    made = make_introduction(session, "Anna", "Bram", on=TODAY, now=NOW)
    anna_side, bram_side = (int(side) for side in made.entries.split(";"))
    assert [row.id for row in introduction_partners(session, contact="Anna")] == [bram_side]
    removed = remove_with_partners(session, anna_side, other_sides_too=False)
    assert [row.id for row in removed] == [anna_side]
    assert [row.id for row in iter_entries(session, Selection())] == [bram_side]


def test_errors_speak_of_the_ledger_and_name_the_field_not_a_flag(session: Session) -> None:
    money = logged(session, "Anna", kind=Kind.MONEY, amount="10")
    promise = logged(session, "Anna", promise=True)
    attempts: list[tuple[Callable[[], object], str]] = [
        (lambda: edit_entry(session, money.id, EntryChange(kind=Kind.TALENT)), "amount"),
        (lambda: logged(session, "Anna", kind=Kind.TALENT, amount="5"), "amount"),
        (lambda: logged(session, "Anna", due=TODAY), "due"),
        (lambda: drop_promise(session, promise.id, reason=" "), "reason"),
        (lambda: resolve_contact(session, "Nobody"), "contact"),
        (lambda: set_tag_cadence(session, "nobody", 30), "tag"),
    ]
    for attempt, field in attempts:
        with pytest.raises(WederkerigError) as caught:
            attempt()
        assert (caught.value.field, "--" in str(caught.value)) == (field, False)


def test_the_usual_value_is_the_last_one_given_for_that_kind(session: Session) -> None:
    add_contact(session, "Anna", now=NOW)
    assert usual_value(session, "Anna", Kind.TALENT) is None
    logged(session, "Anna", kind=Kind.TALENT, value=3, on=TODAY - timedelta(days=3))
    logged(session, "Anna", kind=Kind.TALENT, value=5)
    logged(session, "Anna", kind=Kind.KNOWLEDGE, value=8)
    assert usual_value(session, "Anna", Kind.TALENT) == 5


def test_the_last_entry_with_a_contact_is_the_newest_by_date_then_id(session: Session) -> None:
    add_contact(session, "Anna", now=NOW)
    assert last_entry_with(session, "Anna") is None
    logged(session, "Anna", RECEIVED, Kind.MONEY, on=TODAY - timedelta(days=1))
    same_day = [logged(session, "Anna", kind=kind) for kind in (Kind.TALENT, Kind.ACCESS)]
    logged(session, "Anna", RECEIVED, Kind.KNOWLEDGE, on=TODAY - timedelta(days=9))  # late note
    logged(session, "Bram", RECEIVED, Kind.KNOWLEDGE, on=TODAY + timedelta(days=1))
    assert last_entry_with(session, "Anna") == same_day[-1]


def test_describe_says_who_gave_what(session: Session) -> None:
    row = logged(session, "Anna", RECEIVED, Kind.KNOWLEDGE, 2, description="tips")
    assert describe(row) == (
        f'entry {row.id}: received knowledge "tips" from Anna on {TODAY} (2 points)'
    )
