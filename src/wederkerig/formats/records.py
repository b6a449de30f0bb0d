"""Use-case results (balances, periods, promises, loops, brief, flow) as rows and documents."""

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from wederkerig.core.vocabulary import By, Direction, Kind
from wederkerig.formats.columns import (
    ENTRY_COLUMNS,
    LOOP_COLUMNS,
    MONTHLY_COLUMNS,
    PROMISE_COLUMNS,
)

if TYPE_CHECKING:
    from wederkerig.usecases.balances import BalanceRow, ContactBalance, Tally
    from wederkerig.usecases.brief import Brief
    from wederkerig.usecases.flow import Flow
    from wederkerig.usecases.loops import OpenLoop
    from wederkerig.usecases.periods import MonthlyFlow, PeriodBalances
    from wederkerig.usecases.promises import OpenPromise


def balance_records(
    rows: Iterable["BalanceRow"], *, by_kind: bool, by: By = By.CONTACT
) -> Iterable[tuple[object, ...]]:
    """Balance rows as :func:`balance_columns` tuples."""
    for row in rows:
        head: tuple[object, ...] = (row.label,)
        if by is By.CONTACT:
            head += (row.organisation,)
        if by_kind:
            head += (row.kind.value if row.kind else None,)
        yield (*head, row.gave, row.received, row.net, row.entries, row.last_date)


def period_records(balances: "PeriodBalances") -> Iterable[tuple[object, ...]]:
    """``balance --every``: a row's net points per period, then its total."""
    for row in balances.rows:
        yield (row.label, *row.nets, row.total)


def promise_records(promises: Iterable["OpenPromise"]) -> Iterable[tuple[object, ...]]:
    """Open promises as ``PROMISE_COLUMNS`` tuples."""
    for promise in promises:
        e = promise.entry
        yield (e.id, e.date, e.contact, e.direction, e.kind, e.value, e.amount, e.description,
               e.due, promise.age_days, promise.due_in_days, promise.overdue)  # fmt: skip


def loop_records(loops: Iterable["OpenLoop"]) -> Iterable[tuple[object, ...]]:
    for loop in loops:
        e = loop.entry
        yield (e.id, e.date, e.contact, e.direction, e.kind, e.value, e.description, loop.age_days)


def _tallies(by_kind: Mapping[Kind, "Tally"]) -> dict[str, dict[str, int]]:
    return {
        kind.value: {"gave": tally.gave, "received": tally.received, "net": tally.net}
        for kind, tally in by_kind.items()
    }


def monthly_records(monthly: "MonthlyFlow") -> Iterable[tuple[object, ...]]:
    """A month-by-month series as ``MONTHLY_COLUMNS`` rows: one per month and kind."""
    for position, month in enumerate(monthly.months):
        for kind in Kind:
            gave = monthly.points[kind, Direction.GAVE][position]
            received = monthly.points[kind, Direction.RECEIVED][position]
            yield (month, kind.value, gave, received)


def _monthly_document(monthly: "MonthlyFlow") -> list[dict[str, object]]:
    return [dict(zip(MONTHLY_COLUMNS, row, strict=True)) for row in monthly_records(monthly)]


def brief_document(brief: "Brief") -> dict[str, object]:
    """``brief --format json``: the same content as the screen, as data."""
    return {
        "contact": {**brief.contact._asdict(), "groups": brief.groups},
        "every_days": brief.every_days,
        "last_date": brief.last_date,
        "days_since": brief.days_since,
        "gave": brief.tally.gave,
        "received": brief.tally.received,
        "net": brief.tally.net,
        "by_kind": _tallies(brief.by_kind),
        "amount_gave": brief.amount_gave,
        "amount_received": brief.amount_received,
        "monthly": _monthly_document(brief.monthly),
        "promises": [
            dict(zip(PROMISE_COLUMNS, r, strict=True)) for r in promise_records(brief.promises)
        ],
        "loops": [dict(zip(LOOP_COLUMNS, r, strict=True)) for r in loop_records(brief.loops)],
        "introductions": [row._asdict() for row in brief.introductions],
        "recent": [row._asdict() for row in brief.recent],
        "suggestions": brief.suggestions,
        "introduction_matches": [match._asdict() for match in brief.matches],
    }


def flow_document(flow: "Flow") -> dict[str, object]:
    """``flow --format json``: totals per kind, the top contacts each way, and the months."""
    return {
        "since": flow.since,
        "until": flow.until,
        "by_kind": _tallies(flow.by_kind),
        "amount_gave": flow.amount_gave,
        "amount_received": flow.amount_received,
        "top_gave": [{"contact": name, "points": points} for name, points in flow.top_gave],
        "top_received": [{"contact": name, "points": points} for name, points in flow.top_received],
        "monthly": _monthly_document(flow.monthly),
    }


def contact_balance_document(balance: "ContactBalance") -> dict[str, object]:
    """``balance CONTACT --format json``: the contract keys first, then the extras."""
    return {
        "contact": balance.contact.name,
        "gave": balance.tally.gave,
        "received": balance.tally.received,
        "net": balance.tally.net,
        "by_kind": _tallies(balance.by_kind),
        "entries": [dict(zip(ENTRY_COLUMNS, row, strict=True)) for row in balance.entries],
        "organisation": balance.contact.organisation,
        "last_date": balance.last_date,
        "days_since": balance.days_since,
        "amount_gave": balance.amount_gave,
        "amount_received": balance.amount_received,
    }
