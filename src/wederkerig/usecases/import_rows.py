"""One row of an entries file checked and typed, as the import's staging table holds it.

Every problem names the file, the line and the column, so one bad row can be found and fixed.
"""

from collections.abc import Callable
from datetime import UTC, date, datetime
from decimal import Decimal
from functools import lru_cache

import sqlalchemy as sa

from wederkerig.core.errors import InvalidInputError
from wederkerig.core.i18n import _
from wederkerig.core.names import MAX_NAME_LENGTH, check_name, check_text, name_key
from wederkerig.core.vocabulary import (
    DECIMAL,
    MAX_AMOUNT,
    MAX_ID,
    Direction,
    Kind,
    Outcome,
    Status,
    check_value,
    whole_number,
)
from wederkerig.store.models import Entry
from wederkerig.usecases.introductions import check_outcome_note

ENTRY_TABLE = Entry.metadata.tables["entry"]

# The staging table an import fills: one row per row of the file, as ``RowChecker.check``
# returns it (in this column order), before anything is resolved against the ledger.
INCOMING = sa.Table(
    "incoming_entry",
    sa.MetaData(),
    sa.Column("line", sa.Integer, nullable=False),
    # The record's place in the file: several JSON records may share a line, and new ids
    # follow the file's order on every engine. The key (SQLite's rowid): rows are stored in
    # file order, and found by their place without a search.
    sa.Column("position", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("file_id", sa.Integer),
    sa.Column("answers", sa.Integer),
    sa.Column("introduction", sa.Integer),
    sa.Column("occurred_on", ENTRY_TABLE.c.occurred_on.type, nullable=False),
    sa.Column("contact_name", sa.String, nullable=False),
    sa.Column("contact_key", sa.String, nullable=False),
    sa.Column("direction", sa.String, nullable=False),
    sa.Column("kind", sa.String, nullable=False),
    sa.Column("value", sa.Integer, nullable=False),
    sa.Column("amount_cents", ENTRY_TABLE.c.amount_cents.type),
    sa.Column("description", sa.String, nullable=False),
    sa.Column("event_name", sa.String),
    sa.Column("event_key", sa.String),
    sa.Column("group_name", sa.String),
    sa.Column("group_key", sa.String),
    sa.Column("created_at", ENTRY_TABLE.c.created_at.type),
    sa.Column("status", sa.String, nullable=False),
    sa.Column("due", ENTRY_TABLE.c.due.type),
    sa.Column("member", sa.String),
    sa.Column("dropped_reason", sa.String),
    sa.Column("outcome", sa.String),
    sa.Column("outcome_note", sa.String),
    prefixes=["TEMPORARY"],
)

# The file's words as stored: one dictionary look-up per cell.
_KINDS = {kind.value: str(kind.value) for kind in Kind}
_DIRECTIONS = {direction.value: str(direction.value) for direction in Direction}
_OUTCOMES = {outcome.value for outcome in Outcome}
# Files from before promises have no status: all their entries happened.
_STATUSES = {status.value: str(status.value) for status in Status} | {"": str(Status.DONE.value)}
_NONE: tuple[None, None] = (None, None)  # no event (or group): no name, no key

# A file repeats its days, points and time stamps: each distinct text is read once. The
# caches are bounded, so memory stays flat whatever the file holds; errors are not cached.
_day = lru_cache(maxsize=4_096)(date.fromisoformat)
_moment = lru_cache(maxsize=4_096)(datetime.fromisoformat)


@lru_cache(maxsize=4_096)
def _points(text: str) -> int:
    return check_value(whole_number(text))


class RowChecker:
    """Turns one text row into typed values, naming file, line and column on any problem."""

    def __init__(self, source: str, today: date, member: str | None) -> None:
        self.source = source
        self.today = today
        self.member = member  # for rows that do not say who logged them
        self._names: dict[tuple[str, str], tuple[str, str]] = {}  # a busy file repeats names

    def fail(self, line: int, column: str, problem: str) -> InvalidInputError:
        return InvalidInputError(
            _("{source}:{line}: column {column}: {problem}").format(
                source=self.source, line=line, column=column, problem=problem
            )
        )

    def check(self, line: int, position: int, row: dict[str, str]) -> tuple[object, ...]:
        """The row as ``INCOMING`` holds it, in its column order. Cells are checked in the
        order below and the first problem found names its line and column."""
        try:
            on = _day(row["date"])
        except ValueError:
            raise self.fail(line, "date", _not_iso(row["date"])) from None
        direction = _DIRECTIONS.get(row["direction"])
        if direction is None:
            raise self.fail(line, "direction", _("must be gave or received"))
        kind = _KINDS.get(row["kind"])
        if kind is None:
            raise self.fail(line, "kind", _("must be knowledge, talent, money or access"))
        try:
            value = _points(row["value"])
        except ValueError:
            raise self.fail(
                line, "value", _("must be a whole number of points, 1 or more")
            ) from None
        except InvalidInputError as problem:
            raise self.fail(line, "value", str(problem)) from None
        contact, contact_key = self._name(line, "contact", row["contact"])
        event, event_key = (
            self._optional_name(line, "event", row["event"]) if row["event"] else _NONE
        )
        group, group_key = (
            self._optional_name(line, "group", row["group"]) if row["group"] else _NONE
        )
        description = row["description"]
        if description:
            description = self._plain(line, "description", description, max_length=2_000)
        status = self._status(line, row["status"], on)
        introduction = (
            self._id(line, row["introduction"], column="introduction")
            if row["introduction"]
            else None
        )
        file_id = self._id(line, row["id"]) if row["id"] else None
        answers = self._id(line, row["answers"], column="answers") if row["answers"] else None
        amount_cents = self._cents(line, row["amount"], kind) if row["amount"] else None
        created_at = self._moment(line, row["created_at"]) if row["created_at"] else None
        due = self._due(line, row["due"]) if row["due"] else None
        member = row["member"].strip()
        if member:
            member = self._plain(line, "member", member, max_length=MAX_NAME_LENGTH)
        reason = row["dropped_reason"]
        return (
            line, position, file_id, answers, introduction, on, contact, contact_key,
            direction, kind, value, amount_cents, description, event, event_key, group,
            group_key, created_at, status, due, member or self.member,
            self._dropped_reason(line, reason, status) if reason else None,
            self._outcome(line, row["outcome"], introduction) if row["outcome"] else None,
            self._outcome_note(line, row["outcome_note"], introduction)
            if row["outcome_note"]
            else None,
        )  # fmt: skip

    def _dropped_reason(self, line: int, text: str, status: str) -> str | None:
        """Why a promise was dropped, as ``drop --reason`` takes it; only a dropped one has it."""
        reason = self._text(
            line, "dropped_reason", lambda: check_text(text.strip(), "reason", max_length=500)
        )
        if reason and status != Status.DROPPED:
            raise self.fail(line, "dropped_reason", _("only a dropped promise has a reason"))
        return reason or None

    def _outcome(self, line: int, text: str, introduction: int | None) -> str | None:
        """What came of the introduction this row is a side of, as 'intros' writes it."""
        if not text.strip():
            return None
        if text not in _OUTCOMES:
            raise self.fail(line, "outcome", _("must be met, collaboration, business or nothing"))
        if introduction is None:
            raise self.fail(line, "outcome", _("only an introduction's entries have an outcome"))
        return text

    def _outcome_note(self, line: int, text: str, introduction: int | None) -> str | None:
        """The note beside that outcome, as 'intro-outcome' takes it."""
        note = self._text(line, "outcome_note", lambda: check_outcome_note(text))
        if note and introduction is None:
            raise self.fail(
                line, "outcome_note", _("only an introduction's entries have an outcome")
            )
        return note or None

    def _name(self, line: int, column: str, text: str) -> tuple[str, str]:
        """A contact, event or group name as stored, and its key: checked once per distinct text."""
        known = self._names.get((column, text))
        if known is None:
            name = self._text(line, column, lambda: check_name(text, column))
            known = self._names[column, text] = (name, name_key(name))
        return known

    def _optional_name(self, line: int, column: str, text: str) -> tuple[str | None, str | None]:
        """An event or group name and its key; neither when the cell is blank."""
        return self._name(line, column, text) if text.strip() else _NONE

    def _text(self, line: int, column: str, check: Callable[[], str]) -> str:
        try:
            return check()
        except InvalidInputError as problem:
            raise self.fail(line, column, str(problem)) from None

    def _plain(self, line: int, column: str, text: str, *, max_length: int) -> str:
        """Free text (a description, who logged it): the commonest cells, so no closure."""
        try:
            return check_text(text, column, max_length=max_length)
        except InvalidInputError as problem:
            raise self.fail(line, column, str(problem)) from None

    def _status(self, line: int, text: str, on: date) -> str:
        status = _STATUSES.get(text)
        if status is None:
            raise self.fail(line, "status", _("must be done, promised or dropped"))
        if on > self.today:
            raise self.fail(
                line,
                "date",
                _("{day} is in the future: entries record what happened").format(day=on),
            )
        return status

    def _due(self, line: int, text: str) -> date | None:
        try:
            return _day(text) if text.strip() else None
        except ValueError:
            raise self.fail(line, "due", _not_iso(text)) from None

    def _id(self, line: int, text: str, *, column: str = "id") -> int | None:
        if not text.strip():
            return None
        try:
            number = whole_number(text)
        except ValueError:
            raise self.fail(
                line, column, _("'{text}' is not a whole number").format(text=text)
            ) from None
        if not 1 <= number <= MAX_ID:
            raise self.fail(
                line,
                column,
                _("{number} is outside 1 to {maximum}").format(
                    number=number, maximum=f"{MAX_ID:,}"
                ),
            )
        return number

    def _cents(self, line: int, text: str, kind: str) -> int | None:
        if not text.strip():
            return None
        if kind != Kind.MONEY:
            raise self.fail(line, "amount", _("only money entries carry an amount"))
        amount = Decimal(text) if DECIMAL.fullmatch(text.strip()) else None
        if (
            amount is None
            or amount != amount.quantize(Decimal("0.01"))
            or not 0 < amount <= MAX_AMOUNT
        ):
            raise self.fail(
                line,
                "amount",
                _("'{text}' must be an amount like 12.50, from 0.01 to {maximum}").format(
                    text=text, maximum=f"{MAX_AMOUNT:,}"
                ),
            )
        return int(amount * 100)

    def _moment(self, line: int, text: str) -> datetime | None:
        if not text.strip():
            return None
        try:
            moment = _moment(text)
        except ValueError:
            raise self.fail(
                line, "created_at", _("'{text}' is not a timestamp").format(text=text)
            ) from None
        if moment.tzinfo is None:
            raise self.fail(line, "created_at", _("give the time zone, e.g. 2026-11-26T20:00:00Z"))
        try:
            return moment.astimezone(UTC)
        except OverflowError:  # in UTC before the year 1 or after 9999
            raise self.fail(
                line,
                "created_at",
                _("'{text}' is outside the years 1 to 9999 in UTC").format(text=text),
            ) from None


def _not_iso(text: str) -> str:
    return _("'{text}' is not a YYYY-MM-DD date").format(text=text)
