"""The formats and the column tuples: a contract with scripts, so add columns only at the end."""

from enum import StrEnum
from typing import TYPE_CHECKING

from wederkerig.core.vocabulary import By

if TYPE_CHECKING:
    from wederkerig.usecases.periods import PeriodBalances

ENTRY_COLUMNS = (
    "id", "date", "contact", "direction", "kind", "value", "amount", "description", "event",
    "created_at", "status", "due", "answers", "introduction", "member", "dropped_reason",
    "outcome", "outcome_note", "group",
)  # fmt: skip
# Earlier layouts, still imported: before promises, open loops, introductions, members,
# before drop reasons and introductions' outcomes, before outcome notes, and before groups.
OLDER_ENTRY_COLUMNS = tuple(ENTRY_COLUMNS[:count] for count in (10, 12, 13, 14, 15, 17, 18))
LOOP_COLUMNS = ("id", "date", "contact", "direction", "kind", "value", "description", "age_days")
PROMISE_COLUMNS = (
    "id", "made", "contact", "direction", "kind", "value", "amount", "description", "due",
    "age_days", "due_in_days", "overdue",
)  # fmt: skip
INTRODUCTION_COLUMNS = (
    "id", "date", "first", "second", "why", "value", "outcome", "entries", "outcome_note",
)  # fmt: skip
DUE_COLUMNS = ("reason", "contact", "entry", "since", "due", "days_late", "detail")
MONTHLY_COLUMNS = ("month", "kind", "gave", "received")
SETTING_COLUMNS = ("key", "value", "origin", "help")
TAG_COLUMNS = ("name", "contacts", "every_days")
EVENT_COLUMNS = ("name", "date", "place", "entries")
GROUP_COLUMNS = ("name", "note", "members")
BETWEEN_COLUMNS = ("giver", "receiver", "kind", "points", "entries")  # group show --between
CONTACT_COLUMNS = ("name", "organisation", "email", "tags", "aliases", "note", "needs", "offers")
OLDER_CONTACT_COLUMNS = (CONTACT_COLUMNS[:6],)  # before needs and offers
SEARCH_COLUMNS = ("kind", "id", "date", "contact", "text")
BALANCE_COLUMNS = ("contact", "organisation", "gave", "received", "net", "entries", "last_date")
BALANCE_BY_KIND_COLUMNS = ("contact", "organisation", "kind", *BALANCE_COLUMNS[2:])


class Format(StrEnum):
    TABLE = "table"
    CSV = "csv"
    JSON = "json"


class CsvDialect(StrEnum):
    """How a CSV file is spelled: RFC 4180 for scripts, or as Dutch Excel opens it."""

    RFC4180 = "rfc4180"
    EXCEL_NL = "excel-nl"  # semicolons, decimal commas, a BOM; formula cells made inert


class CalendarFormat(StrEnum):
    """The formats of what falls due: a listing's, and a calendar file (iCalendar)."""

    TABLE = "table"
    CSV = "csv"
    JSON = "json"
    ICS = "ics"


class MachineFormat(StrEnum):
    """The formats files are exported to and imported from."""

    CSV = "csv"
    JSON = "json"


def balance_columns(by: By, *, by_kind: bool) -> tuple[str, ...]:
    """``BALANCE_COLUMNS`` (or ``BALANCE_BY_KIND_COLUMNS``); when a row stands for something
    other than a contact, that is the first column's name and there is no organisation."""
    columns = BALANCE_BY_KIND_COLUMNS if by_kind else BALANCE_COLUMNS
    return columns if by is By.CONTACT else (by.value, *columns[2:])


def period_columns(by: By, balances: "PeriodBalances") -> tuple[str, ...]:
    return (by.value, *balances.periods, "total")
