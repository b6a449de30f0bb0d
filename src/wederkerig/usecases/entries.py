"""Use cases for entries: log, list, stream and remove them (edits and undo: corrections.py)."""

from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any, NamedTuple

import sqlalchemy as sa
from sqlalchemy import Row, Select, func
from sqlmodel import Session, col, select

from wederkerig.core import money
from wederkerig.core.errors import (
    InvalidInputError,
    NotFoundError,
    RefusedError,
    WederkerigError,
)
from wederkerig.core.i18n import N_, _, ngettext
from wederkerig.core.names import check_text, tidy
from wederkerig.core.vocabulary import Direction, Kind, Status, check_value, shown_kind
from wederkerig.store.filters import Selection
from wederkerig.store.models import Contact, Entry, Event, Group, Introduction, table
from wederkerig.usecases.contacts import add_contact, resolve_contact
from wederkerig.usecases.events import find_event

MAX_DESCRIPTION = 2_000


Day = date  # the field named ``date`` below hides the type inside the class body


class EntryRow(NamedTuple):
    """An entry as listed and exported; the field order is the export's column order."""

    id: int
    date: date
    contact: str
    direction: str
    kind: str
    value: int
    amount: Decimal | None
    description: str
    event: str | None
    created_at: datetime
    status: str
    due: Day | None
    answers: int | None
    introduction: int | None
    member: str | None
    dropped_reason: str | None
    outcome: str | None  # of the introduction this entry is a side of
    outcome_note: str | None  # and its note
    group: str | None  # the collaboration it happened in ('log --group')


def _row_query(*, as_text: str | None = None) -> Select[*tuple[Any, ...]]:
    """The columns of :class:`EntryRow`, selected directly: no ORM objects for long listings.

    With ``as_text`` (a dialect name), dates, times and amounts come back as the text the CSV
    export writes, formatted by the database: at a million rows, converting each value in
    Python took longer than the query (docs/performance.md)."""
    entry = table(Entry).c
    occurred_on: sa.ColumnElement[Any] = entry.occurred_on
    created_at: sa.ColumnElement[Any] = entry.created_at
    due: sa.ColumnElement[Any] = entry.due
    amount: sa.ColumnElement[Any] = entry.amount_cents
    if as_text is not None:
        occurred_on, due = sa.type_coerce(occurred_on, sa.String), sa.type_coerce(due, sa.String)
        created_at = _timestamp_text(created_at, as_text)
        amount = _amount_text(amount)
    return (
        sa.select(
            col(Entry.id),
            occurred_on,
            col(Contact.name),
            col(Entry.direction),
            col(Entry.kind),
            col(Entry.value),
            amount,
            col(Entry.description),
            col(Event.name),
            created_at,
            col(Entry.status),
            due,
            col(Entry.answers_id),
            col(Entry.introduction_id),
            col(Entry.member),
            col(Entry.dropped_reason),
            col(Introduction.outcome),
            col(Introduction.outcome_note),
            col(Group.name),
        )
        .join(Contact, col(Entry.contact_id) == Contact.id)
        .join(Event, col(Entry.event_id) == Event.id, isouter=True)
        .join(Introduction, col(Entry.introduction_id) == Introduction.id, isouter=True)
        .join(Group, col(Entry.group_id) == Group.id, isouter=True)
    )


def _timestamp_text(moment: sa.ColumnElement[Any], dialect: str) -> sa.ColumnElement[str]:
    """A stored UTC time as ``formats.writers.timestamp`` writes it: 2026-11-26T20:00:00Z."""
    if dialect == "postgresql":
        return func.to_char(moment, 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
    return func.strftime("%Y-%m-%dT%H:%M:%SZ", moment)


def _amount_text(cents: sa.ColumnElement[Any]) -> sa.ColumnElement[Any]:
    """Whole cents as an amount with two decimals (1250 → 12.50), NULL staying NULL."""
    whole, rest = sa.cast(cents // 100, sa.String), cents % 100
    padding = sa.case((rest < 10, "0"), else_="")
    text = whole + "." + padding + sa.cast(rest, sa.String)
    return sa.case((cents.is_(None), None), else_=text)


def _to_row(raw: Row[*tuple[Any, ...]]) -> EntryRow:
    cents = raw.amount_cents  # stored in whole cents
    amount = None if cents is None else Decimal(cents).scaleb(-2)
    return EntryRow._make((*raw[:6], amount, *raw[7:]))


def to_cents(amount: Decimal | None) -> int | None:
    return None if amount is None else int(amount * 100)


def check_description(description: str) -> str:
    return check_text(description.strip(), N_("description"), max_length=MAX_DESCRIPTION)


def _check_amount(kind: Kind, amount: Decimal | None) -> None:
    if amount is not None and kind is not Kind.MONEY:
        raise InvalidInputError(
            _("an amount belongs to money entries only, not {kind}").format(kind=shown_kind(kind)),
            field="amount",
        )


def log_entry(
    session: Session,
    *,
    contact: str,
    direction: Direction,
    kind: Kind,
    description: str = "",
    value: int = 1,
    amount: Decimal | None = None,
    on: date,
    event: str | None = None,
    group: str | None = None,
    create: bool = False,
    promise: bool = False,
    due: date | None = None,
    answers: int | None = None,
    member: str | None = None,
    now: datetime,
) -> EntryRow:
    """Record one thing given or received; with ``create`` an unknown contact or event is added
    (and the entry remembers that it added the contact). ``group`` names the collaboration
    it happened in.

    With ``promise`` it is recorded as promised on ``on`` (and perhaps due on ``due``): it
    counts in balances only once kept.
    """
    check_value(value)
    if due is not None and not promise:
        raise InvalidInputError(_("a due date belongs to a promise"), field="due")
    check_due(on, due)
    _check_amount(kind, amount)
    description = check_description(description)
    added = False
    try:
        person = resolve_contact(session, contact)
    except NotFoundError:
        if not create:
            raise
        add_contact(session, contact, now=now)
        person, added = resolve_contact(session, contact), True
    occasion = find_event(session, event, create=create, on=on) if event else None
    collaboration = _find_group(session, group) if group else None
    if answers is not None:
        check_answer(session, answers, direction)
    entry = Entry(
        contact_id=person.id,  # type: ignore[arg-type]
        direction=direction.value,
        kind=kind.value,
        value=value,
        amount_cents=to_cents(amount),
        description=description,
        occurred_on=on,
        event_id=occasion.id if occasion else None,
        created_at=now.astimezone(UTC).replace(microsecond=0),
        status=(Status.PROMISED if promise else Status.DONE).value,
        due=due,
        answers_id=answers,
        member=member,
        group_id=collaboration.id if collaboration else None,
        added_contact=added,
    )
    session.add(entry)
    session.flush()
    assert entry.id is not None
    return get_entry(session, entry.id)


def added_its_contact(session: Session, entry_id: int) -> bool:
    """Whether the log of this entry added its contact ('log --create')."""
    return bool(session.exec(select(Entry.added_contact).where(Entry.id == entry_id)).first())


def _find_group(session: Session, name: str) -> Group:
    # Imported here: groups builds on balances, which builds on this module.
    from wederkerig.usecases.groups import find_group

    return find_group(session, name)


MAX_NAME_WORDS = 8  # the longest unquoted name looked for, so a long description costs little


def unquoted_name(session: Session, words: Sequence[str]) -> str | None:
    """The longest run of two or more first ``words`` that is a known contact's name or alias:
    a name with spaces typed without quotes, which pushed the log's other words along."""
    for count in range(min(len(words), MAX_NAME_WORDS), 1, -1):
        name = " ".join(words[:count])
        try:
            resolve_contact(session, name)
        except WederkerigError:  # not found, or an alias of several
            continue
        return name
    return None


def check_due(made: date, due: date | None) -> None:
    """A promise falls due after it is made, never before."""
    if due is not None and due < made:
        raise InvalidInputError(
            _("the promise is due {due} but made {made}: a due date comes later").format(
                due=due, made=made
            )
        )


def check_answer(session: Session, answered_id: int, direction: Direction) -> None:
    """An answer goes the other way: a give answers a receive, a receive answers a give."""
    answered = get_entry(session, answered_id)
    if answered.direction == direction.value:
        raise InvalidInputError(
            _(
                "entry {id} is also '{direction}': an answer goes the other way "
                "(a give answers what you received)"
            ).format(id=answered_id, direction=direction.value)
        )
    if answered.status == Status.DROPPED:
        raise RefusedError(
            _("entry {id} is a dropped promise: there is nothing to answer").format(id=answered_id)
        )


def get_entry(session: Session, entry_id: int) -> EntryRow:
    raw = session.connection().execute(_row_query().where(col(Entry.id) == entry_id)).first()
    if raw is None:
        raise NotFoundError(
            _("no entry with id {id}: see 'wederkerig entries' for ids").format(id=entry_id)
        )
    return _to_row(raw)


def narrow_to_contact(session: Session, selection: Selection, contact: str | None) -> Selection:
    """The selection limited to the contact a user named (by name or alias)."""
    if contact is None:
        return selection
    return replace(selection, contact_id=resolve_contact(session, contact).id)


def iter_entries(session: Session, selection: Selection) -> Iterator[EntryRow]:
    """Entries in date order, streamed from the cursor so memory stays flat at any ledger size."""
    query = (
        _row_query()
        .where(*selection.conditions())
        .order_by(col(Entry.occurred_on), col(Entry.id))
        .execution_options(yield_per=2_000)
    )
    for raw in session.connection().execute(query):
        yield _to_row(raw)


def iter_entry_cells(session: Session, selection: Selection) -> Iterator[Sequence[object]]:
    """Entries in date order as the CSV export's cells (text, numbers and None), streamed."""
    dialect = session.get_bind().dialect.name
    query = (
        _row_query(as_text=dialect)
        .where(*selection.conditions())
        .order_by(col(Entry.occurred_on), col(Entry.id))
        .execution_options(yield_per=2_000)
    )
    yield from session.connection().execute(query)


def newest_entries(
    session: Session, selection: Selection, limit: int
) -> tuple[list[EntryRow], int]:
    """The ``limit`` most recent entries in date order, and how many the selection holds."""
    conditions = selection.conditions()
    count = session.exec(select(func.count()).select_from(Entry).where(*conditions)).one()
    newest = (
        session.connection()
        .execute(
            _row_query()
            .where(*conditions)
            .order_by(col(Entry.occurred_on).desc(), col(Entry.id).desc())
            .limit(limit)
        )
        .all()
    )
    return [_to_row(raw) for raw in reversed(newest)], count


def remove_entry(session: Session, entry_id: int) -> EntryRow:
    removed = get_entry(session, entry_id)
    session.delete(session.get_one(Entry, entry_id))
    return removed


def usual_value(session: Session, contact: str, kind: Kind) -> int | None:
    """The points of the last entry with this contact and kind (None when there is none):
    the guided log's default, since people weigh the same favour the same way."""
    person = resolve_contact(session, contact)
    return session.exec(
        select(Entry.value)
        .where(Entry.contact_id == person.id, Entry.kind == kind.value)
        .order_by(col(Entry.occurred_on).desc(), col(Entry.id).desc())
        .limit(1)
    ).first()


def last_entry_with(session: Session, contact: str) -> EntryRow | None:
    """The newest entry with this contact, promised or done (None when there is none): the
    guided log offers its direction and kind, since a contact's exchanges tend to repeat."""
    person = resolve_contact(session, contact)
    raw = (
        session.connection()
        .execute(
            _row_query()
            .where(col(Entry.contact_id) == person.id)
            .order_by(col(Entry.occurred_on).desc(), col(Entry.id).desc())
            .limit(1)
        )
        .first()
    )
    return None if raw is None else _to_row(raw)


def describe(row: EntryRow) -> str:
    """One entry in words, for messages such as 'Removed …'."""
    amount = f", {money.show(row.amount)}" if row.amount is not None else ""
    points = ngettext("{count} point", "{count} points", row.value).format(count=row.value)
    words = " ".join(row.description.split())
    what = f' "{words[:60]}…"' if len(words) > 60 else f' "{words}"' if words else ""
    answering = _(", answering entry {id}").format(id=row.answers) if row.answers else ""
    parts = {
        "id": row.id,
        "kind": shown_kind(row.kind),
        "description": what,
        "contact": tidy(row.contact),
        "date": row.date.isoformat(),
        "points": points,
        "amount": amount,
        "answering": answering,
    }
    if row.status == Status.DONE:
        if row.direction == Direction.GAVE:
            sentence = _(
                "entry {id}: gave {kind}{description} to {contact} on {date} "
                "({points}{amount}){answering}"
            )
        else:
            sentence = _(
                "entry {id}: received {kind}{description} from {contact} on {date} "
                "({points}{amount}){answering}"
            )
        return sentence.format(**parts)
    # what a promise says: who will give, and by when
    due = _(", due {date}").format(date=row.due.isoformat()) if row.due else ""
    if row.direction == Direction.GAVE:
        sentence = _(
            "entry {id}: promised {kind}{description} to {contact} on {date}{due} "
            "({points}{amount}){answering}"
        )
    else:
        sentence = _(
            "entry {id}: was promised {kind}{description} by {contact} on {date}{due} "
            "({points}{amount}){answering}"
        )
    return sentence.format(**parts, due=due)
