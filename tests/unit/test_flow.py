"""Where value flowed over a stretch: per kind, the top contacts each way, per month."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlmodel import Session

from helpers import TODAY, logged
from wederkerig.core.errors import InvalidInputError
from wederkerig.core.vocabulary import Direction, Kind
from wederkerig.store.filters import Selection
from wederkerig.usecases.balances import Tally
from wederkerig.usecases.flow import flow

GAVE, RECEIVED = Direction.GAVE, Direction.RECEIVED


def test_flow_sums_kinds_and_ranks_contacts(session: Session) -> None:
    logged(session, "Anna", GAVE, Kind.TALENT, 3)
    logged(session, "Bram", GAVE, Kind.TALENT, 5)
    logged(session, "Bram", RECEIVED, Kind.MONEY, 2, amount="40")
    found = flow(session, Selection(), today=TODAY)
    assert found.by_kind[Kind.TALENT] == Tally(8, 0)
    assert found.by_kind[Kind.MONEY] == Tally(0, 2)
    assert found.tally == Tally(8, 2)
    assert (found.amount_gave, found.amount_received) == (Decimal("0.00"), Decimal("40.00"))
    assert found.top_gave == [("Bram", 5), ("Anna", 3)]
    assert found.top_received == [("Bram", 2)]


def test_an_undated_flow_covers_the_last_twelve_months_by_month(session: Session) -> None:
    logged(session, "Anna", GAVE, value=4, on=TODAY - timedelta(days=400))  # outside
    logged(session, "Anna", GAVE, value=1, on=date(2026, 10, 2))
    logged(session, "Anna", RECEIVED, value=2, on=TODAY)
    found = flow(session, Selection(), today=TODAY)
    assert found.until == TODAY
    assert len(found.monthly.months) == 12
    assert found.monthly.months[-1] == "2026-11"
    assert found.monthly.of(GAVE)[-2:] == (1, 0)
    assert found.monthly.of(RECEIVED)[-1] == 2
    assert found.tally == Tally(1, 2)


def test_a_stretch_that_ends_before_it_starts_is_refused(session: Session) -> None:
    with pytest.raises(InvalidInputError, match="would start on"):
        flow(session, Selection(since=TODAY, until=TODAY - timedelta(days=1)), today=TODAY)
