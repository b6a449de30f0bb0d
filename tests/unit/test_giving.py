"""The givers-gain view's use cases (issue #16): the balance ordered by whom you gave to most
recently, and what you could give someone next."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st
from sqlmodel import Session

from helpers import TODAY, logged
from wederkerig.core.vocabulary import Direction, Kind
from wederkerig.store.filters import Selection
from wederkerig.usecases.balances import BalanceRow, balance_rows, most_recently_given
from wederkerig.usecases.brief import brief

days = st.one_of(st.none(), st.integers(0, 400).map(lambda n: TODAY - timedelta(days=n)))
rows = st.lists(
    st.tuples(days, days).map(
        lambda pair: BalanceRow("x", None, 0, 0, 1, pair[1] or pair[0], last_gave=pair[0])
    ),
    max_size=20,
)


@given(rows, st.one_of(st.none(), st.integers(0, 25)))
def test_the_most_recent_gift_comes_first_and_nobody_is_lost(
    found: list[BalanceRow], limit: int | None
) -> None:
    ranked = most_recently_given(found, limit)
    assert len(ranked) == (len(found) if limit is None else min(limit, len(found)))
    if limit is None:
        assert sorted(map(id, ranked)) == sorted(map(id, found))
    gifts = [(row.last_gave or date.min) for row in ranked]
    assert gifts == sorted(gifts, reverse=True)


def test_last_gave_is_the_latest_give_not_the_latest_entry(session: Session) -> None:
    logged(session, "Anna", Direction.GAVE, on=date(2026, 3, 1))
    logged(session, "Anna", Direction.RECEIVED, on=date(2026, 9, 1))
    logged(session, "Bram", Direction.GAVE, on=date(2026, 6, 1))
    logged(session, "Cees", Direction.RECEIVED, on=date(2026, 10, 1))
    ranked = most_recently_given(balance_rows(session, Selection()), None)
    assert [(row.label, row.last_gave) for row in ranked] == [
        ("Bram", date(2026, 6, 1)),
        ("Anna", date(2026, 3, 1)),
        ("Cees", None),
    ]


def test_what_to_give_next_starts_from_what_they_received_most(session: Session) -> None:
    logged(session, "Anna", Direction.GAVE, Kind.TALENT, 2)
    logged(session, "Anna", Direction.GAVE, Kind.ACCESS, 3)
    logged(session, "Anna", Direction.RECEIVED, Kind.KNOWLEDGE, 9)
    said = brief(session, "Anna", today=TODAY).give_next
    assert said == [
        "They have received access from you most (3 points): more access may be welcome."
    ]


def test_someone_never_given_to_is_offered_to_not_weighed(session: Session) -> None:
    logged(session, "Anna", Direction.RECEIVED, Kind.KNOWLEDGE, 4)
    found = brief(session, "Anna", today=TODAY)
    assert found.give_next[0].startswith("You have not given them anything yet")
    assert any("given more than" in line for line in found.suggestions)
    assert not any("given more than" in line for line in found.givers_suggestions)
