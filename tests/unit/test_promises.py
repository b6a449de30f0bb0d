"""A promise is open until kept (then it counts, on the day it was kept) or dropped."""

from datetime import timedelta

import pytest
from sqlmodel import Session

from helpers import TODAY, logged
from wederkerig.core.errors import InvalidInputError, RefusedError
from wederkerig.core.vocabulary import Direction, Status
from wederkerig.store.filters import Selection
from wederkerig.usecases.balances import balance_rows
from wederkerig.usecases.promises import drop_promise, keep_promise, open_promises

GAVE, RECEIVED = Direction.GAVE, Direction.RECEIVED
MADE = TODAY - timedelta(days=10)


def test_a_promise_is_open_and_does_not_count(session: Session) -> None:
    made = logged(session, "Anna", GAVE, value=3, on=MADE, promise=True)
    (open_,) = open_promises(session, Selection(), today=TODAY)
    assert (open_.entry, open_.age_days, open_.due_in_days, open_.mine) == (made, 10, None, True)
    assert balance_rows(session, Selection()) == []


def test_a_kept_promise_counts_on_the_day_it_was_kept(session: Session) -> None:
    made = logged(session, "Anna", GAVE, value=3, on=MADE, promise=True)
    kept = keep_promise(session, made.id, on=TODAY)
    assert (kept.status, kept.date) == (Status.DONE, TODAY)
    assert open_promises(session, Selection(), today=TODAY) == []
    (anna,) = balance_rows(session, Selection())
    assert (anna.gave, anna.last_date) == (3, TODAY)


def test_a_promise_cannot_be_kept_before_it_was_made(session: Session) -> None:
    made = logged(session, "Anna", on=MADE, promise=True)
    with pytest.raises(InvalidInputError, match="before it was made"):
        keep_promise(session, made.id, on=MADE - timedelta(days=1))


def test_a_dropped_promise_keeps_its_reason_and_never_counts(session: Session) -> None:
    made = logged(session, "Anna", RECEIVED, on=MADE, promise=True)
    dropped = drop_promise(session, made.id, reason="plans changed")
    assert dropped.status == Status.DROPPED
    assert open_promises(session, Selection(), today=TODAY) == []
    assert balance_rows(session, Selection()) == []
    with pytest.raises(RefusedError, match="dropped"):
        keep_promise(session, made.id, on=TODAY)


def test_a_done_entry_is_no_promise_to_keep(session: Session) -> None:
    done = logged(session, "Anna")
    with pytest.raises(RefusedError, match="not an open promise"):
        keep_promise(session, done.id, on=TODAY)


def test_overdue_promises_come_first_then_by_due_date(session: Session) -> None:
    undated = logged(session, "Anna", on=MADE, promise=True)
    later = logged(session, "Bram", on=MADE, promise=True, due=TODAY + timedelta(days=9))
    sooner = logged(session, "Cees", RECEIVED, on=MADE, promise=True, due=TODAY + timedelta(days=2))
    late = logged(session, "Dirk", on=MADE, promise=True, due=TODAY - timedelta(days=3))
    found = open_promises(session, Selection(), today=TODAY)
    assert [p.entry.id for p in found] == [late.id, sooner.id, later.id, undated.id]
    assert (found[0].overdue, found[0].due_in_days) == (True, -3)
    overdue = open_promises(session, Selection(), today=TODAY, overdue_only=True)
    assert [p.entry.id for p in overdue] == [late.id]
    theirs = open_promises(session, Selection(), today=TODAY, mine=False)
    assert [p.entry.id for p in theirs] == [sooner.id]


@pytest.mark.parametrize("reason", ["  ", "bell\x07"])
def test_a_refused_drop_leaves_the_promise_open(session: Session, reason: str) -> None:
    made = logged(session, "Anna", on=MADE, promise=True)
    with pytest.raises(InvalidInputError):
        drop_promise(session, made.id, reason=reason)
    assert [p.entry for p in open_promises(session, Selection(), today=TODAY)] == [made]
    assert keep_promise(session, made.id, on=TODAY).status == Status.DONE  # still open
