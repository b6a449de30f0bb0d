"""Balances over time: net points per period for ``balance --every``, and points per month
for the bars of ``flow`` and ``brief``."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

import sqlalchemy as sa
from sqlalchemy import func
from sqlmodel import Session, col

from wederkerig.core.dates import Every, parse_period, period_labels
from wederkerig.core.i18n import _
from wederkerig.core.vocabulary import By, Direction, Kind
from wederkerig.store.filters import Selection
from wederkerig.store.models import Entry
from wederkerig.usecases.balances import NO_LABEL, in_order, labelled, point_sums


@dataclass(frozen=True)
class PeriodRow:
    """One row of a balance over time: the net per period, in the report's period order."""

    label: str
    nets: tuple[int, ...]

    @property
    def total(self) -> int:
        return sum(self.nets)


@dataclass(frozen=True)
class PeriodBalances:
    periods: tuple[str, ...]
    rows: Sequence[PeriodRow]
    total: PeriodRow


def _period_of_entry(session: Session, every: Every) -> sa.ColumnElement[str]:
    """An entry's period as SQL, spelled as ``period_label`` spells it, so SQL can group."""
    day = col(Entry.occurred_on)
    if session.get_bind().dialect.name == "postgresql":
        pattern = {Every.MONTH: "YYYY-MM", Every.QUARTER: 'YYYY-"Q"Q', Every.YEAR: "YYYY"}
        return func.to_char(day, pattern[every])
    if every is Every.MONTH:
        return sa.type_coerce(func.strftime("%Y-%m", day), sa.String)
    year = sa.type_coerce(func.strftime("%Y", day), sa.String)
    if every is Every.YEAR:
        return year
    quarter = (sa.cast(func.strftime("%m", day), sa.Integer) - 1) // 3 + 1
    return year + "-Q" + sa.cast(quarter, sa.String)


def _nets_per_period(
    session: Session, selection: Selection, every: Every, by: By
) -> tuple[dict[object, dict[str, int]], dict[object, str]]:
    """Net points per row key and period label, and each key's label."""
    sums = point_sums(selection, by, _period_of_entry(session, every))
    nets: dict[object, dict[str, int]] = {}
    labels: dict[object, str] = {}
    query = labelled(sums, by).add_columns(sums.c.period)
    for (
        key,
        label,
        _org,
        _kind,
        direction,
        points,
        *_figures,
        period,
    ) in session.connection().execute(query):
        labels.setdefault(key, NO_LABEL[by] if label is None else label)
        row = nets.setdefault(key, {})
        row[period] = row.get(period, 0) + (points if direction == Direction.GAVE else -points)
    return nets, labels


def period_balances(
    session: Session, selection: Selection, every: Every, *, by: By = By.CONTACT, today: date
) -> PeriodBalances:
    """Net points per row and period, every period of the selection shown (empty ones too).

    The total counts each entry once, even where rows overlap (a contact in two groups)."""
    nets, labels = _nets_per_period(session, selection, every, by)
    found = {period for row in nets.values() for period in row}
    first = selection.since or (parse_period(min(found), today)[0] if found else None)
    last = selection.until or (parse_period(max(found), today)[1] if found else None)
    periods = tuple(period_labels(first, last, every)) if first and last else ()
    rows = [
        PeriodRow(labels[key], tuple(nets[key].get(period, 0) for period in periods))
        for key in in_order(labels, by)
    ]
    everyone, _labels = (
        _nets_per_period(session, selection, every, By.CONTACT)
        if by is By.GROUP
        else (nets, labels)
    )
    totals = [sum(row.get(period, 0) for row in everyone.values()) for period in periods]
    return PeriodBalances(periods, rows, PeriodRow(_("Total"), tuple(totals)))


@dataclass(frozen=True)
class MonthlyFlow:
    """Points per kind and direction for each month of a stretch, empty months included."""

    months: tuple[str, ...]
    points: Mapping[tuple[Kind, Direction], tuple[int, ...]]

    def of(self, direction: Direction, kind: Kind | None = None) -> tuple[int, ...]:
        """One direction's points per month, for one kind or summed over all."""
        kinds = [kind] if kind else list(Kind)
        series = [self.points[k, direction] for k in kinds]
        return tuple(sum(month) for month in zip(*series, strict=True))


def monthly_flow(session: Session, selection: Selection, *, first: date, last: date) -> MonthlyFlow:
    """Points given and received per kind and month from ``first`` to ``last``, in one GROUP BY."""
    month = _period_of_entry(session, Every.MONTH)
    dated = replace(selection, since=first, until=last)
    query = (
        sa.select(col(Entry.kind), col(Entry.direction), month, func.sum(Entry.value))
        .where(*dated.conditions())
        .group_by(col(Entry.kind), col(Entry.direction), month)
    )
    months = tuple(period_labels(first, last, Every.MONTH))
    index = {label: position for position, label in enumerate(months)}
    points = {(k, d): [0] * len(months) for k in Kind for d in Direction}
    for kind, direction, label, total_points in session.connection().execute(query):
        points[Kind(kind), Direction(direction)][index[label]] += total_points
    return MonthlyFlow(months, {key: tuple(series) for key, series in points.items()})
