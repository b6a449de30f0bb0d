"""An open loop is something received and not answered yet."""

from datetime import timedelta

from sqlmodel import Session

from helpers import TODAY, logged
from wederkerig.core.vocabulary import Direction
from wederkerig.store.filters import Selection
from wederkerig.usecases.loops import open_loops, open_loops_with
from wederkerig.usecases.promises import keep_promise

GAVE, RECEIVED = Direction.GAVE, Direction.RECEIVED


def loops(session: Session, *, both: bool = False) -> list[tuple[int, int]]:
    return [
        (loop.entry.id, loop.age_days)
        for loop in open_loops(session, Selection(), today=TODAY, both=both)
    ]


def test_what_was_received_stays_open_until_answered(session: Session) -> None:
    older = logged(session, "Anna", RECEIVED, on=TODAY - timedelta(days=20))
    newer = logged(session, "Bram", RECEIVED, on=TODAY - timedelta(days=2))
    assert loops(session) == [(older.id, 20), (newer.id, 2)]  # oldest first
    logged(session, "Anna", GAVE, answers=older.id)
    assert loops(session) == [(newer.id, 2)]


def test_what_i_gave_is_a_loop_only_when_asked(session: Session) -> None:
    gave = logged(session, "Anna", GAVE, on=TODAY - timedelta(days=4))
    assert loops(session) == []
    assert loops(session, both=True) == [(gave.id, 4)]


def test_a_promised_answer_closes_the_loop_only_once_kept(session: Session) -> None:
    received = logged(session, "Anna", RECEIVED, on=TODAY - timedelta(days=5))
    promised = logged(session, "Anna", GAVE, promise=True, answers=received.id)
    assert loops(session) == [(received.id, 5)]
    keep_promise(session, promised.id, on=TODAY)
    assert loops(session) == []


def test_open_loops_with_a_contact_are_only_theirs(session: Session) -> None:
    first = logged(session, "Anna", RECEIVED, on=TODAY - timedelta(days=8))
    logged(session, "Bram", RECEIVED)
    logged(session, "Anna", GAVE)  # given, never a loop to answer
    answered = logged(session, "Anna", RECEIVED, on=TODAY - timedelta(days=6))
    logged(session, "Anna", GAVE, answers=answered.id)
    latest = logged(session, "Anna", RECEIVED, on=TODAY - timedelta(days=1))
    found = open_loops_with(session, "Anna", today=TODAY)
    assert [(loop.entry.id, loop.age_days) for loop in found] == [(first.id, 8), (latest.id, 1)]
