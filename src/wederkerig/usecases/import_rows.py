"""One row of an entries file checked and typed, before an import stages it.

Every problem names the file, the line and the column, so one bad row can be found and fixed.
"""

from collections.abc import Callable
from datetime import UTC, date, datetime
from decimal import Decimal

from wederkerig.core.errors import InvalidInputError
from wederkerig.core.i18n import _
from wederkerig.core.names import check_name, check_text, name_key
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
from wederkerig.usecases.introductions import check_outcome_note

_KINDS = {kind.value: kind for kind in Kind}
_DIRECTIONS = {direction.value: direction for direction in Direction}
_OUTCOMES = {outcome.value for outcome in Outcome}


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

    def check(self, line: int, row: dict[str, str]) -> dict[str, object]:
        try:
            on = date.fromisoformat(row["date"])
        except ValueError:
            raise self.fail(line, "date", _not_iso(row["date"])) from None
        direction = _DIRECTIONS.get(row["direction"])
        if direction is None:
            raise self.fail(line, "direction", _("must be gave or received"))
        kind = _KINDS.get(row["kind"])
        if kind is None:
            raise self.fail(line, "kind", _("must be knowledge, talent, money or access"))
        try:
            value = check_value(whole_number(row["value"]))
        except ValueError:
            raise self.fail(
                line, "value", _("must be a whole number of points, 1 or more")
            ) from None
        except InvalidInputError as problem:
            raise self.fail(line, "value", str(problem)) from None
        contact, contact_key = self._name(line, "contact", row["contact"])
        event, event_key = (
            self._name(line, "event", row["event"]) if row["event"].strip() else ("", "")
        )
        group, group_key = (
            self._name(line, "group", row["group"]) if row["group"].strip() else ("", "")
        )
        description = self._text(
            line,
            "description",
            lambda: check_text(row["description"], "description", max_length=2_000),
        )
        status = self._status(line, row["status"], on)
        introduction = self._id(line, row["introduction"], column="introduction")
        return {
            "line": line,
            "file_id": self._id(line, row["id"]),
            "answers": self._id(line, row["answers"], column="answers"),
            "introduction": introduction,
            "occurred_on": on,
            "contact_name": contact,
            "contact_key": contact_key,
            "direction": direction.value,
            "kind": kind.value,
            "value": value,
            "amount_cents": self._cents(line, row["amount"], kind),
            "description": description,
            "event_name": event or None,
            "event_key": event_key or None,
            "group_name": group or None,
            "group_key": group_key or None,
            "created_at": self._moment(line, row["created_at"]),
            "status": status,
            "due": self._due(line, row["due"]),
            "member": self._text(
                line, "member", lambda: check_text(row["member"].strip(), "member")
            )
            or self.member,
            "dropped_reason": self._dropped_reason(line, row["dropped_reason"], status),
            "outcome": self._outcome(line, row["outcome"], introduction),
            "outcome_note": self._outcome_note(line, row["outcome_note"], introduction),
        }

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

    def _text(self, line: int, column: str, check: Callable[[], str]) -> str:
        try:
            return check()
        except InvalidInputError as problem:
            raise self.fail(line, column, str(problem)) from None

    def _status(self, line: int, text: str, on: date) -> str:
        try:
            status = Status(text or Status.DONE)  # files from before promises: all done
        except ValueError:
            raise self.fail(line, "status", _("must be done, promised or dropped")) from None
        if on > self.today:
            raise self.fail(
                line,
                "date",
                _("{day} is in the future: entries record what happened").format(day=on),
            )
        return status.value

    def _due(self, line: int, text: str) -> date | None:
        try:
            return date.fromisoformat(text) if text.strip() else None
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

    def _cents(self, line: int, text: str, kind: Kind) -> int | None:
        if not text.strip():
            return None
        if kind is not Kind.MONEY:
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
            moment = datetime.fromisoformat(text)
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
