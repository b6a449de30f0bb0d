"""Where value has flowed over a stretch: per kind, top contacts, per month. Never prints."""

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from sqlmodel import Session

from wederkerig.core.dates import last_twelve_months
from wederkerig.core.errors import InvalidInputError
from wederkerig.core.i18n import _
from wederkerig.core.vocabulary import Kind
from wederkerig.store.filters import Selection
from wederkerig.usecases.balances import Tally, balance_rows, total
from wederkerig.usecases.periods import MonthlyFlow, monthly_flow

TOP = 5


@dataclass(frozen=True)
class Flow:
    since: date
    until: date
    by_kind: dict[Kind, Tally]
    amount_gave: Decimal
    amount_received: Decimal
    top_gave: list[tuple[str, int]]  # the contacts you gave most to, with the points
    top_received: list[tuple[str, int]]
    monthly: MonthlyFlow

    @property
    def tally(self) -> Tally:
        return sum(self.by_kind.values(), Tally())


def flow(session: Session, selection: Selection, *, today: date) -> Flow:
    """The shape of giving and receiving in ``selection`` (the last twelve months if undated)."""
    until = selection.until or today
    since = selection.since or last_twelve_months(until)[0]
    if since > until:
        raise InvalidInputError(
            _("the stretch would start on {since}, after it ends on {until}").format(
                since=since, until=until
            ),
            field="since",
        )
    dated = replace(selection, since=since, until=until)
    rows = balance_rows(session, dated)
    summed = total(rows)
    gave = sorted((row for row in rows if row.gave), key=lambda row: -row.gave)
    received = sorted((row for row in rows if row.received), key=lambda row: -row.received)
    return Flow(
        since=since,
        until=until,
        by_kind=dict(summed.by_kind),
        amount_gave=summed.amount_gave,
        amount_received=summed.amount_received,
        top_gave=[(row.label, row.gave) for row in gave[:TOP]],
        top_received=[(row.label, row.received) for row in received[:TOP]],
        monthly=monthly_flow(session, dated, first=since, last=until),
    )
