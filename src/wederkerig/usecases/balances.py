"""Where value has flowed: balances per contact (and per kind), aggregated in SQL.

Sign convention, everywhere: ``net = gave - received`` in points. A positive net means you
have given more than you received; a negative net means they have given you more.
Amounts of money are summed apart and never mixed into points.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy import func
from sqlmodel import Session

from wederkerig.core.i18n import N_, _, ngettext
from wederkerig.core.names import sort_key
from wederkerig.core.vocabulary import By, Direction, Kind, shown_kind
from wederkerig.store.filters import Selection
from wederkerig.store.models import Contact, Entry, Event, Group, Membership, table
from wederkerig.usecases.contacts import ContactCard, card, last_contact, resolve_contact
from wederkerig.usecases.entries import EntryRow, iter_entries
from wederkerig.usecases.promises import OpenPromise, open_promises

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
    """One row of a balance: a contact's, or an organisation's, group's, event's or member's
    (``label`` names which), per kind when ``kind`` is set."""

    label: str
    organisation: str | None
    gave: int
    received: int
    entries: int
    last_date: date | None
    kind: Kind | None = None
    by_kind: Mapping[Kind, Tally] = field(default_factory=dict)
    amount_gave: Decimal = ZERO
    amount_received: Decimal = ZERO
    last_gave: date | None = None  # the givers-gain view lists the most recently given first

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
    promises: list[OpenPromise]  # still open with them, whatever the period


# Where a (kind, direction) row of the GROUP BY lands in ``_Accumulator.points``, keyed by
# the words the database holds: gave and received side by side, kinds in Kind's order.
_SLOTS = {
    (kind.value, direction.value): (kind, 2 * position + (direction is Direction.RECEIVED))
    for position, kind in enumerate(Kind)
    for direction in Direction
}
_KIND_SLOTS = tuple((kind, 2 * position) for position, kind in enumerate(Kind))
_NOTHING = Tally()


@dataclass(slots=True)
class _Accumulator:
    """One row's sums as plain ints: the fold runs once per SQL row (up to eight per contact,
    8,000 at a million entries), and Tally objects are made once per balance row."""

    label: str
    organisation: str | None
    points: list[int] = field(default_factory=lambda: [0] * len(_SLOTS))
    entries: int = 0
    last_date: date | None = None
    last_gave: date | None = None
    cents: list[int] = field(default_factory=lambda: [0, 0])  # gave, received

    def add(self, slot: int, points: int, count: int, last: date, cents: int | None) -> None:
        self.points[slot] += points
        self.entries += count
        if self.last_date is None or last > self.last_date:
            self.last_date = last
        received = slot & 1
        if not received and (self.last_gave is None or last > self.last_gave):
            self.last_gave = last
        if cents:
            self.cents[received] += cents

    def row(self, kind: Kind | None = None) -> BalanceRow:
        points = self.points
        by_kind = {
            each: Tally(points[slot], points[slot + 1]) if points[slot] or points[slot + 1]
            else _NOTHING
            for each, slot in _KIND_SLOTS
        }  # fmt: skip
        return BalanceRow(
            label=self.label,
            organisation=self.organisation,
            gave=sum(points[0::2]),
            received=sum(points[1::2]),
            entries=self.entries,
            last_date=self.last_date,
            kind=kind,
            by_kind=by_kind,
            amount_gave=Decimal(self.cents[0]).scaleb(-2),
            amount_received=Decimal(self.cents[1]).scaleb(-2),
            last_gave=self.last_gave,
        )


# The label of the row for entries without one; a value in CSV and JSON, so it stays English
# there, and a table shows it translated (render.balance._label).
NO_LABEL = {By.ORGANISATION: N_("(no organisation)"), By.GROUP: N_("(no group)"),
            By.EVENT: N_("(no event)"), By.MEMBER: N_("(no member)")}  # fmt: skip
_ENTRY = table(Entry).c
_OWNER = {By.EVENT: _ENTRY.event_id, By.MEMBER: _ENTRY.member}


def point_sums(
    selection: Selection, by: By, period: sa.ColumnElement[str] | None = None
) -> sa.Subquery:
    """The one SQL GROUP BY every balance starts from: points, counts and money per
    (contact, or event, and kind and direction, and perhaps period). Python only folds the
    few rows it returns."""
    owner = _OWNER.get(by, _ENTRY.contact_id)
    keys: list[sa.ColumnElement[Any]] = [owner.label("owner"), _ENTRY.kind.label("kind"),
            _ENTRY.direction.label("direction")]  # fmt: skip
    if period is not None:
        keys.append(period.label("period"))
    return (
        sa.select(
            *keys,
            func.sum(_ENTRY.value).label("points"),
            func.count().label("count"),
            func.max(_ENTRY.occurred_on).label("last"),
            func.sum(_ENTRY.amount_cents).label("cents"),
        )
        .where(*selection.conditions())
        .group_by(*keys)
        .subquery()
    )


def labelled(sums: sa.Subquery, by: By) -> sa.Select[Any]:
    """The sums with what each row stands for: (key, label, organisation, sums...).

    A contact in two groups yields a row for each, so it counts in both group rows. Plain
    table columns throughout, like the selection's: the query compiles without the ORM."""
    figures = (sums.c.kind, sums.c.direction, sums.c.points, sums.c.count, sums.c.last,
               sums.c.cents)  # fmt: skip
    contact = table(Contact).c
    if by is By.CONTACT:
        return sa.select(contact.id, contact.name, contact.organisation, *figures).join(
            sums, sums.c.owner == contact.id
        )
    if by is By.ORGANISATION:
        return sa.select(contact.organisation, contact.organisation, sa.null(), *figures).join(
            sums, sums.c.owner == contact.id
        )
    if by is By.MEMBER:
        return sa.select(sums.c.owner, sums.c.owner, sa.null(), *figures)
    if by is By.GROUP:
        group, membership = table(Group), table(Membership)
        return (
            sa.select(group.c.id, group.c.name, sa.null(), *figures)
            .select_from(sums)
            .outerjoin(membership, membership.c.contact_id == sums.c.owner)
            .outerjoin(group, group.c.id == membership.c.group_id)
        )
    event = table(Event)
    return (
        sa.select(event.c.id, event.c.name, sa.null(), *figures)
        .select_from(sums)
        .outerjoin(event, event.c.id == sums.c.owner)
    )


def _grouped(
    session: Session, selection: Selection, *, by_kind: bool, by: By = By.CONTACT
) -> dict[tuple[object, Kind | None], _Accumulator]:
    groups: dict[tuple[object, Kind | None], _Accumulator] = {}
    query = labelled(point_sums(selection, by), by)
    rows = session.connection().execute(query).all()  # one fetch, not one call per row
    for key, label, organisation, kind, direction, points, count, last, cents in rows:
        found, slot = _SLOTS[kind, direction]
        group = (key, found if by_kind else None)
        accumulator = groups.get(group)
        if accumulator is None:
            accumulator = groups[group] = _Accumulator(
                NO_LABEL[by] if label is None else label, organisation
            )
        accumulator.add(slot, points, count, last, cents)
    return groups


def balance_rows(
    session: Session, selection: Selection, *, by_kind: bool = False, by: By = By.CONTACT
) -> list[BalanceRow]:
    """One row per contact (or organisation, group or event) with entries in the selection,
    in name order, those without one last; with ``by_kind``, one row per kind too."""
    groups = _grouped(session, selection, by_kind=by_kind, by=by)
    labels = {key: accumulator.label for (key, _kind), accumulator in groups.items()}
    order = {key: index for index, key in enumerate(in_order(labels, by))}
    kind_order = {kind: index for index, kind in enumerate(Kind)}
    keys = sorted(groups, key=lambda k: (order[k[0]], kind_order[k[1]] if k[1] else 0))
    return [groups[key].row(key[1]) for key in keys]


def in_order(labels: Mapping[object, str], by: By) -> list[object]:
    """Row keys in name order (:func:`~wederkerig.core.names.sort_key`), the row of those
    without one (key None) last."""
    return sorted(labels, key=lambda key: (key is None, sort_key(labels[key])))


def total(rows: Iterable[BalanceRow]) -> BalanceRow:
    """The sum of per-contact rows, for a report's footer (summed as ints: thousands of rows)."""
    kinds = {kind: [0, 0] for kind in Kind}
    gave = received = entries = 0
    amount_gave = amount_received = ZERO
    last: date | None = None
    for row in rows:
        gave, received, entries = gave + row.gave, received + row.received, entries + row.entries
        amount_gave += row.amount_gave
        amount_received += row.amount_received
        if row.last_date is not None and (last is None or row.last_date > last):
            last = row.last_date
        for kind, tally in row.by_kind.items():
            if tally is not _NOTHING:
                sums = kinds[kind]
                sums[0] += tally.gave
                sums[1] += tally.received
    by_kind = {kind: Tally(*sums) for kind, sums in kinds.items()}
    return BalanceRow(
        _("Total"), None, gave, received, entries, last, None, by_kind, amount_gave, amount_received
    )


@dataclass(frozen=True)
class BalanceReport:
    """What ``balance`` shows: its rows, the total, and the promises still open beside them."""

    rows: list[BalanceRow]
    total: BalanceRow
    promises: list[OpenPromise]


def balance_report(
    session: Session,
    selection: Selection,
    *,
    by: By = By.CONTACT,
    by_kind: bool = False,
    today: date,
) -> BalanceReport:
    """The balance rows and their total: groups overlap (a contact in two groups counts in
    both), so the total counts each entry once, from the rows per contact."""
    rows = balance_rows(session, selection, by_kind=by_kind, by=by)
    overall = total(balance_rows(session, selection) if by is By.GROUP else rows)
    return BalanceReport(rows, overall, pending_promises(session, selection, today=today))


def pending_promises(session: Session, selection: Selection, *, today: date) -> list[OpenPromise]:
    """The promises shown beside a balance: whenever they were made, they are still open, so
    the selection's period does not apply to them."""
    return open_promises(session, replace(selection, since=None, until=None), today=today)


def largest_imbalances(rows: Sequence[BalanceRow], limit: int) -> list[BalanceRow]:
    """The ``limit`` rows a person should look at first: largest imbalance, then most recent."""
    ranked = sorted(rows, key=lambda row: (-abs(row.net), -(row.last_date or date.min).toordinal()))
    return ranked[:limit]


def most_recently_given(rows: Sequence[BalanceRow], limit: int | None) -> list[BalanceRow]:
    """The givers-gain order: whom you gave to most recently first (those you never gave to
    last, most recent contact first), not who owes whom; ``None`` keeps every row."""
    ranked = sorted(
        rows,
        key=lambda row: (
            -(row.last_gave or date.min).toordinal(),
            -(row.last_date or date.min).toordinal(),
        ),
    )
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
    assert person.id is not None
    last_date, days_since = last_contact(session, person.id, today=today)
    return ContactBalance(
        contact=card(session, person),
        tally=Tally(row.gave, row.received),
        by_kind=row.by_kind,
        amount_gave=row.amount_gave,
        amount_received=row.amount_received,
        last_date=last_date,
        days_since=days_since,
        entries=list(iter_entries(session, selection)),
        promises=pending_promises(session, selection, today=today),
    )


def in_words(tally: Tally, kind: Kind | None = None) -> str:
    """The net of a tally as a sentence: 'you received 2 more points of knowledge than you gave'."""
    difference = abs(tally.net)
    if tally.net > 0 and kind:
        sentence = ngettext(
            "you gave {count} more point of {kind} than you received",
            "you gave {count} more points of {kind} than you received",
            difference,
        )
    elif tally.net > 0:
        sentence = ngettext(
            "you gave {count} more point than you received",
            "you gave {count} more points than you received",
            difference,
        )
    elif tally.net < 0 and kind:
        sentence = ngettext(
            "you received {count} more point of {kind} than you gave",
            "you received {count} more points of {kind} than you gave",
            difference,
        )
    elif tally.net < 0:
        sentence = ngettext(
            "you received {count} more point than you gave",
            "you received {count} more points than you gave",
            difference,
        )
    elif not tally.gave:
        return _("nothing either way")
    elif kind:
        sentence = ngettext(
            "even: {count} point of {kind} each way",
            "even: {count} points of {kind} each way",
            tally.gave,
        )
    else:
        sentence = ngettext(
            "even: {count} point each way", "even: {count} points each way", tally.gave
        )
    return sentence.format(count=difference or tally.gave, kind=shown_kind(kind) if kind else "")
