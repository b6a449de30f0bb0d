"""Promises made in a conversation: open until kept (then they count) or dropped. Never prints."""

from dataclasses import dataclass, replace
from datetime import date

from sqlmodel import Session

from wederkerig.core.errors import InvalidInputError, RefusedError
from wederkerig.core.i18n import N_, _
from wederkerig.core.names import check_text
from wederkerig.core.vocabulary import Direction, Status
from wederkerig.store.filters import Selection
from wederkerig.store.models import Entry
from wederkerig.usecases.entries import EntryRow, get_entry, iter_entries


@dataclass(frozen=True)
class OpenPromise:
    """A promise not yet kept, seen from ``today``."""

    entry: EntryRow
    age_days: int  # since it was made
    due_in_days: int | None  # negative: overdue by that many days

    @property
    def mine(self) -> bool:
        return self.entry.direction == Direction.GAVE

    @property
    def overdue(self) -> bool:
        return self.due_in_days is not None and self.due_in_days < 0


def open_promises(
    session: Session,
    selection: Selection,
    *,
    today: date,
    mine: bool | None = None,
    overdue_only: bool = False,
) -> list[OpenPromise]:
    """Open promises, overdue first (most overdue first), then by due date, then oldest."""
    direction = None if mine is None else Direction.GAVE if mine else Direction.RECEIVED
    promised = replace(selection, statuses=(Status.PROMISED,), direction=direction)
    found = [
        OpenPromise(
            entry=row,
            age_days=(today - row.date).days,
            due_in_days=None if row.due is None else (row.due - today).days,
        )
        for row in iter_entries(session, promised)
    ]
    if overdue_only:
        found = [promise for promise in found if promise.overdue]
    never = 10**9  # promises without a due date come after those with one
    return sorted(
        found,
        key=lambda p: (not p.overdue, p.due_in_days if p.due_in_days is not None else never,
                       -p.age_days),
    )  # fmt: skip


def _promise(session: Session, entry_id: int) -> Entry:
    row = get_entry(session, entry_id)  # the same 'no entry with id' message as everywhere
    entry = session.get_one(Entry, entry_id)
    if entry.status != Status.PROMISED:
        if entry.status == Status.DONE:
            refusal = _("entry {id} is not an open promise: it is done (kept or logged on {date})")
        else:
            refusal = _("entry {id} is not an open promise: it is dropped (made on {date})")
        raise RefusedError(refusal.format(id=entry_id, date=row.date))
    return entry


def keep_promise(session: Session, entry_id: int, *, on: date) -> EntryRow:
    """The promise happened: it becomes a done entry, dated when it was kept."""
    entry = _promise(session, entry_id)
    if on < entry.occurred_on:
        raise InvalidInputError(
            _("a promise made on {made} cannot be kept on {kept}, before it was made").format(
                made=entry.occurred_on, kept=on
            )
        )
    entry.status, entry.occurred_on = Status.DONE.value, on
    session.add(entry)
    session.flush()
    return get_entry(session, entry_id)


def drop_promise(session: Session, entry_id: int, *, reason: str) -> EntryRow:
    """Withdraw a promise; it stays on record, with the reason, but never counts.

    The reason is checked before the entry changes, so a refused drop leaves it open."""
    entry = _promise(session, entry_id)
    reason = check_text(reason.strip(), N_("reason"), max_length=500)
    if not reason:
        raise InvalidInputError(_("say why the promise is dropped"), field="reason")
    entry.status, entry.dropped_reason = Status.DROPPED.value, reason
    session.add(entry)
    session.flush()
    return get_entry(session, entry_id)
