"""Where value has flowed: balances per contact (and per kind), aggregated in SQL.

Sign convention, everywhere: ``net = gave - received`` in points. A positive net means you
have given more than you received; a negative net means they have given you more.
Euro amounts are summed apart and never mixed into points.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy import func
from sqlmodel import Session, col

from wederkerig.contacts import ContactCard, card, resolve_contact
from wederkerig.entries import EntryRow, iter_entries
from wederkerig.models import Contact, Entry
from wederkerig.selection import Selection
from wederkerig.vocabulary import Direction, Kind

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class Tally:
    """Points one way and the other."""

    gave: int = 0
    received: int = 0

    @property
    def net(self) -> int:
        return self.gave - self.received

    def __add__(self, other: "Tally") -> "Tally":
        return Tally(self.gave + other.gave, self.received + other.received)


@dataclass(frozen=True)
class BalanceRow:
    """One contact's balance (or one contact and kind, with ``kind`` set)."""

    contact: str
    organisation: str | None
    gave: int
    received: int
    entries: int
    last_date: date | None
    kind: Kind | None = None
    by_kind: Mapping[Kind, Tally] = field(default_factory=dict)
    amount_gave: Decimal = ZERO
    amount_received: Decimal = ZERO

    @property
    def net(self) -> int:
        return self.gave - self.received


@dataclass(frozen=True)
class ContactBalance:
    """The view before a meeting: one contact's totals, per kind, and the entries behind them."""

    contact: ContactCard
    tally: Tally
    by_kind: Mapping[Kind, Tally]
    amount_gave: Decimal
    amount_received: Decimal
    last_date: date | None
    days_since: int | None
    entries: Sequence[EntryRow]


@dataclass
class _Accumulator:
    contact: str
    organisation: str | None
    by_kind: dict[Kind, Tally] = field(default_factory=lambda: dict.fromkeys(Kind, Tally()))
    entries: int = 0
    last_date: date | None = None
    cents_gave: int = 0
    cents_received: int = 0

    def add(
        self,
        kind: Kind,
        direction: Direction,
        points: int,
        count: int,
        last: date,
        cents: int | None,
    ) -> None:
        gave = direction is Direction.GAVE
        self.by_kind[kind] += Tally(points, 0) if gave else Tally(0, points)
        self.entries += count
        self.last_date = max(self.last_date or last, last)
        if gave:
            self.cents_gave += cents or 0
        else:
            self.cents_received += cents or 0

    def row(self, kind: Kind | None = None) -> BalanceRow:
        total = sum(self.by_kind.values(), Tally())
        return BalanceRow(
            contact=self.contact,
            organisation=self.organisation,
            gave=total.gave,
            received=total.received,
            entries=self.entries,
            last_date=self.last_date,
            kind=kind,
            by_kind=self.by_kind,
            amount_gave=Decimal(self.cents_gave).scaleb(-2),
            amount_received=Decimal(self.cents_received).scaleb(-2),
        )


def _grouped(
    session: Session, selection: Selection, *, by_kind: bool
) -> dict[tuple[int, Kind | None], _Accumulator]:
    """One SQL GROUP BY over (contact, kind, direction); Python only folds those few rows."""
    sums = (
        sa.select(
            col(Entry.contact_id).label("contact_id"),
            col(Entry.kind).label("kind"),
            col(Entry.direction).label("direction"),
            func.sum(Entry.value).label("points"),
            func.count().label("count"),
            func.max(Entry.occurred_on).label("last"),
            func.sum(Entry.amount_cents).label("cents"),
        )
        .where(*selection.conditions())
        .group_by(col(Entry.contact_id), col(Entry.kind), col(Entry.direction))
        .subquery()
    )
    query = (
        sa.select(
            col(Contact.id),
            col(Contact.name),
            col(Contact.organisation),
            sums.c.kind,
            sums.c.direction,
            sums.c.points,
            sums.c.count,
            sums.c.last,
            sums.c.cents,
        )
        .join(sums, sums.c.contact_id == Contact.id)
        .order_by(Contact.name_key)
    )
    groups: dict[tuple[int, Kind | None], _Accumulator] = {}
    for (
        contact_id,
        name,
        organisation,
        kind,
        direction,
        points,
        count,
        last,
        cents,
    ) in session.connection().execute(query):
        key = (contact_id, Kind(kind) if by_kind else None)
        accumulator = groups.setdefault(key, _Accumulator(name, organisation))
        accumulator.add(Kind(kind), Direction(direction), points, count, last, cents)
    return groups


def balance_rows(
    session: Session, selection: Selection, *, by_kind: bool = False
) -> list[BalanceRow]:
    """One row per contact with entries in the selection, in name order; with ``by_kind``,
    one row per contact and kind, kinds in their usual order."""
    groups = _grouped(session, selection, by_kind=by_kind)
    contact_order: dict[int, int] = {}
    for contact_id, _ in groups:
        contact_order.setdefault(contact_id, len(contact_order))
    kind_order = {kind: index for index, kind in enumerate(Kind)}
    keys = sorted(
        groups, key=lambda key: (contact_order[key[0]], kind_order[key[1]] if key[1] else 0)
    )
    return [groups[key].row(key[1]) for key in keys]


def total(rows: Iterable[BalanceRow]) -> BalanceRow:
    """The sum of per-contact rows, for a report's footer."""
    by_kind = dict.fromkeys(Kind, Tally())
    gave = received = entries = 0
    amount_gave = amount_received = ZERO
    last: date | None = None
    for row in rows:
        gave, received, entries = gave + row.gave, received + row.received, entries + row.entries
        amount_gave += row.amount_gave
        amount_received += row.amount_received
        if row.last_date is not None:
            last = max(last or row.last_date, row.last_date)
        for kind, tally in row.by_kind.items():
            by_kind[kind] += tally
    return BalanceRow(
        "Total", None, gave, received, entries, last, None, by_kind, amount_gave, amount_received
    )


def largest_imbalances(rows: Sequence[BalanceRow], limit: int) -> list[BalanceRow]:
    """The ``limit`` rows a person should look at first: largest imbalance, then most recent."""
    ranked = sorted(rows, key=lambda row: (-abs(row.net), -(row.last_date or date.min).toordinal()))
    return ranked[:limit]


def contact_balance(
    session: Session, contact: str, selection: Selection, *, today: date
) -> ContactBalance:
    """Everything ``balance CONTACT`` shows, with the entries in date order."""
    person = resolve_contact(session, contact)
    selection = replace(selection, contact_id=person.id)
    groups = _grouped(session, selection, by_kind=False)
    accumulator = next(iter(groups.values()), _Accumulator(person.name, person.organisation))
    row = accumulator.row()
    return ContactBalance(
        contact=card(session, person),
        tally=Tally(row.gave, row.received),
        by_kind=row.by_kind,
        amount_gave=row.amount_gave,
        amount_received=row.amount_received,
        last_date=row.last_date,
        days_since=(today - row.last_date).days if row.last_date else None,
        entries=list(iter_entries(session, selection)),
    )


def in_words(tally: Tally, kind: Kind | None = None) -> str:
    """The net of a tally as a sentence: 'you received 2 more points of knowledge than you gave'."""
    of_kind = f" of {kind.value}" if kind else ""
    difference = abs(tally.net)
    points = "point" if difference == 1 else "points"
    if tally.net > 0:
        return f"you gave {difference} more {points}{of_kind} than you received"
    if tally.net < 0:
        return f"you received {difference} more {points}{of_kind} than you gave"
    if tally.gave:
        return f"even: {tally.gave} {'point' if tally.gave == 1 else 'points'}{of_kind} each way"
    return "nothing either way"
