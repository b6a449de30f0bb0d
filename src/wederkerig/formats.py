"""Machine formats: CSV (RFC 4180) and JSON, written row by row so exports stream.

The column tuples here are a contract with scripts: add columns only at the end.
"""

import csv
import io
import itertools
import json
import re
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from wederkerig.core.errors import InvalidInputError
from wederkerig.core.i18n import N_, _
from wederkerig.core.names import check_label
from wederkerig.core.vocabulary import By, Direction, Kind

if TYPE_CHECKING:
    from sqlmodel import Session

    from wederkerig.store.filters import Selection
    from wederkerig.usecases.balances import BalanceRow, ContactBalance, Tally
    from wederkerig.usecases.brief import Brief
    from wederkerig.usecases.flow import Flow
    from wederkerig.usecases.loops import OpenLoop
    from wederkerig.usecases.periods import MonthlyFlow, PeriodBalances
    from wederkerig.usecases.promises import OpenPromise

ENTRY_COLUMNS = (
    "id", "date", "contact", "direction", "kind", "value", "amount", "description", "event",
    "created_at", "status", "due", "answers", "introduction", "member", "dropped_reason",
    "outcome",
)  # fmt: skip
# Earlier layouts, still imported: before promises, open loops, introductions, members,
# and before drop reasons and introductions' outcomes.
OLDER_ENTRY_COLUMNS = tuple(ENTRY_COLUMNS[:count] for count in (10, 12, 13, 14, 15))
LOOP_COLUMNS = ("id", "date", "contact", "direction", "kind", "value", "description", "age_days")
PROMISE_COLUMNS = (
    "id", "made", "contact", "direction", "kind", "value", "amount", "description", "due",
    "age_days", "due_in_days", "overdue",
)  # fmt: skip
INTRODUCTION_COLUMNS = ("id", "date", "first", "second", "why", "value", "outcome", "entries")
DUE_COLUMNS = ("reason", "contact", "entry", "since", "due", "days_late", "detail")
MONTHLY_COLUMNS = ("month", "kind", "gave", "received")
SETTING_COLUMNS = ("key", "value", "origin", "help")
TAG_COLUMNS = ("name", "contacts", "every_days")
EVENT_COLUMNS = ("name", "date", "place", "entries")
GROUP_COLUMNS = ("name", "note", "members")
CONTACT_COLUMNS = ("name", "organisation", "email", "tags", "aliases", "note")
BALANCE_COLUMNS = ("contact", "organisation", "gave", "received", "net", "entries", "last_date")
BALANCE_BY_KIND_COLUMNS = ("contact", "organisation", "kind", *BALANCE_COLUMNS[2:])


_SPACE = re.compile(r"\s*")
_CARD_START = re.compile(r"^BEGIN:VCARD", re.IGNORECASE | re.MULTILINE)
_NICKNAME = re.compile(r"(?:[\w-]+\.)?NICKNAME(?:;[^:]*)?:(.*)", re.IGNORECASE)
_CHUNK = 1 << 16
# The most one JSON entry may hold: an export's longest is a few kB (a 2,000-character
# description). Beyond it an unclosed string would be re-read chunk after chunk, the whole
# file in memory and quadratic time.
_RECORD_LIMIT = 1 << 20


class Format(StrEnum):
    TABLE = "table"
    CSV = "csv"
    JSON = "json"


class MachineFormat(StrEnum):
    """The formats files are exported to and imported from."""

    CSV = "csv"
    JSON = "json"


# OWASP's CSV-injection advice: a spreadsheet runs a cell starting with these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def timestamp(moment: datetime) -> str:
    """UTC, to the second, with a Z: ``2026-11-26T20:00:00Z``."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _csv_cell(value: object) -> object:
    if isinstance(value, bool):  # before numbers: a bool is an int to Python
        return "true" if value else "false"
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    if isinstance(value, datetime):
        return timestamp(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return ";".join(str(item) for item in value)
    return value


def _json_value(value: object) -> Any:
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, datetime):
        return timestamp(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_json_value(item) for item in value]
    if isinstance(value, Mapping):
        return {str(key): _json_value(item) for key, item in value.items()}
    return value


def _neutralised(value: object) -> object:
    """A text cell a spreadsheet would run as a formula, made inert with a leading quote."""
    cell = _csv_cell(value)
    if (
        isinstance(cell, str)
        and not isinstance(value, int | Decimal)
        and cell.startswith(FORMULA_STARTS)
    ):
        return "'" + cell
    return cell


def write_csv(
    stream: TextIO,
    columns: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    spreadsheet_safe: bool = False,
    preformatted: bool = False,
) -> None:
    """RFC 4180 CSV for scripts; ``spreadsheet_safe`` adds a BOM and defuses formula cells.

    Only text is touched (numbers such as a net of -3 stay numbers), and only on request:
    the quote a spreadsheet needs would be a changed value to a script. ``preformatted``
    rows already hold the cells as text, numbers and None, and are written as they are.
    """
    writer = csv.writer(stream)
    cell = _neutralised if spreadsheet_safe else _csv_cell
    rows = _started(rows)
    if spreadsheet_safe:
        stream.write("\ufeff")
    writer.writerow(columns)
    if preformatted and not spreadsheet_safe:
        writer.writerows(rows)
        return
    for row in rows:
        writer.writerow([cell(value) for value in row])


def _started(rows: Iterable[Sequence[object]]) -> Iterable[Sequence[object]]:
    """The rows, with the first already fetched: a query that fails at once (a damaged
    ledger) then fails before a header is written, leaving stdout empty."""
    iterator = iter(rows)
    first = next(iterator, None)
    return iterator if first is None else itertools.chain((first,), iterator)


def write_json(stream: TextIO, columns: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    """A JSON array of objects, one per line, written as the rows arrive."""
    rows = _started(rows)
    stream.write("[")
    separator = "\n"
    for row in rows:
        record = {column: _json_value(value) for column, value in zip(columns, row, strict=True)}
        stream.write(separator + json.dumps(record, ensure_ascii=False))
        separator = ",\n"
    stream.write("\n]\n" if separator != "\n" else "]\n")


def write_rows(
    format: Format | MachineFormat,
    stream: TextIO,
    columns: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    spreadsheet_safe: bool = False,
) -> None:
    if format == Format.JSON:
        write_json(stream, columns, rows)
    else:
        write_csv(stream, columns, rows, spreadsheet_safe=spreadsheet_safe)


def write_entries(
    format: Format | MachineFormat,
    stream: TextIO,
    session: "Session",
    selection: "Selection",
    *,
    spreadsheet_safe: bool = False,
) -> None:
    """Entries for scripts, streamed: CSV cells formatted by the database, JSON typed."""
    from wederkerig.usecases.entries import iter_entries, iter_entry_cells

    if format == Format.JSON:
        write_json(stream, ENTRY_COLUMNS, iter_entries(session, selection))
    else:
        cells = iter_entry_cells(session, selection)
        write_csv(
            stream, ENTRY_COLUMNS, cells, spreadsheet_safe=spreadsheet_safe, preformatted=True
        )


def write_document(stream: TextIO, document: Mapping[str, object]) -> None:
    json.dump(_json_value(document), stream, ensure_ascii=False, indent=2)
    stream.write("\n")


def balance_columns(by: By, *, by_kind: bool) -> tuple[str, ...]:
    """``BALANCE_COLUMNS`` (or ``BALANCE_BY_KIND_COLUMNS``); when a row stands for something
    other than a contact, that is the first column's name and there is no organisation."""
    columns = BALANCE_BY_KIND_COLUMNS if by_kind else BALANCE_COLUMNS
    return columns if by is By.CONTACT else (by.value, *columns[2:])


def balance_records(
    rows: Iterable["BalanceRow"], *, by_kind: bool, by: By = By.CONTACT
) -> Iterable[tuple[object, ...]]:
    """Balance rows as :func:`balance_columns` tuples."""
    for row in rows:
        head: tuple[object, ...] = (row.contact,)
        if by is By.CONTACT:
            head += (row.organisation,)
        if by_kind:
            head += (row.kind.value if row.kind else None,)
        yield (*head, row.gave, row.received, row.net, row.entries, row.last_date)


def period_columns(by: By, balances: "PeriodBalances") -> tuple[str, ...]:
    return (by.value, *balances.periods, "total")


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


@contextmanager
def open_text(name: str) -> Iterator[tuple[TextIO, str]]:
    """The file (or stdin) as UTF-8 text; a byte-order mark from a spreadsheet is dropped."""
    if name == "-":
        stream, source = (
            io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8-sig", newline=""),
            "stdin",
        )
    else:
        path = Path(name).expanduser()
        try:
            stream, source = path.open(encoding="utf-8-sig", newline=""), str(path)
        except OSError as error:
            raise InvalidInputError(
                _("cannot read {path}: {reason}").format(path=path, reason=error.strerror)
            ) from None
    try:
        yield stream, source
    except UnicodeDecodeError:
        raise InvalidInputError(
            _("{source} is not UTF-8 text: save it as UTF-8").format(source=source)
        ) from None
    finally:
        if name != "-":
            stream.close()


def _accepted(keys: Sequence[str], columns: Sequence[str], older: Sequence[Sequence[str]]) -> bool:
    return list(keys) == list(columns) or any(list(keys) == list(old) for old in older)


def read_csv(
    stream: TextIO,
    columns: Sequence[str],
    source: str,
    *,
    older: Sequence[Sequence[str]] = (),
) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows of a CSV file whose header is ``columns`` (or an ``older`` layout of them), with
    the line each row starts on; columns an older file lacks come back empty."""
    reader = csv.reader(stream)
    header = next(_csv_rows(reader, source), None)
    if header is None:
        raise InvalidInputError(
            _("{source} is empty: expected a header {header}").format(
                source=source, header=",".join(columns)
            )
        )
    if header and header[0].startswith("\ufeff"):  # written with --spreadsheet-safe
        header[0] = header[0][1:]
    if not _accepted(header, columns, older):
        raise InvalidInputError(
            _("{source}:1: the header must be exactly {header} (as 'export' writes it)").format(
                source=source, header=",".join(columns)
            )
        )
    missing = dict.fromkeys(columns[len(header) :], "")
    line = reader.line_num + 1
    for row in _csv_rows(reader, source):
        if len(row) != len(header):
            raise InvalidInputError(
                _("{source}:{line}: expected {expected} columns, found {found}").format(
                    source=source, line=line, expected=len(header), found=len(row)
                )
            )
        yield line, {**dict(zip(header, row, strict=True)), **missing}
        line = reader.line_num + 1


def _csv_rows(reader: Any, source: str) -> Iterator[list[str]]:
    """The reader's rows; what the csv module cannot read (a field over its size limit, a
    NUL) becomes a one-line error naming the line."""
    while True:
        try:
            row = next(reader, None)
        except csv.Error as error:
            problem = (
                _("a field is longer than {limit} characters").format(
                    limit=f"{csv.field_size_limit():,}"
                )
                if "field larger" in str(error)
                else str(error)
            )
            raise InvalidInputError(
                _("{source}:{line}: cannot read this CSV: {problem}").format(
                    source=source, line=reader.line_num, problem=problem
                )
            ) from None
        if row is None:
            return
        yield row


def read_json(
    stream: TextIO,
    columns: Sequence[str],
    source: str,
    *,
    older: Sequence[Sequence[str]] = (),
) -> Iterator[tuple[int, dict[str, str]]]:
    """Objects of a JSON array, decoded one by one so a large file never sits in memory whole."""
    decoder = json.JSONDecoder()
    buffer, at, line = "", 0, 1
    started = exhausted = False
    while True:
        after_space = _SPACE.match(buffer, at).end()  # type: ignore[union-attr]
        line += buffer.count("\n", at, after_space)
        at = after_space
        if at == len(buffer):
            if exhausted:
                problem = (
                    _("{source}:{line}: the JSON array is not closed; expected a JSON array")
                    if started
                    else _("{source}:{line}: the file is empty; expected a JSON array")
                )
                raise InvalidInputError(problem.format(source=source, line=line))
            buffer, at = stream.read(_CHUNK), 0
            exhausted = not buffer
            continue
        char = buffer[at]
        if not started:
            if char != "[":
                raise InvalidInputError(
                    _("{source}:{line}: expected a JSON array of entries").format(
                        source=source, line=line
                    )
                )
            started, at = True, at + 1
        elif char == "]":
            return
        elif char == ",":
            at += 1
        else:
            try:
                record, end = decoder.raw_decode(buffer, at)
            except RecursionError:
                raise InvalidInputError(
                    _(
                        "{source}:{line}: the JSON is nested too deeply: "
                        "each entry must be a flat object"
                    ).format(source=source, line=line)
                ) from None
            except json.JSONDecodeError:
                if exhausted:
                    raise InvalidInputError(
                        _("{source}:{line}: this is not valid JSON").format(
                            source=source, line=line
                        )
                    ) from None
                if len(buffer) - at > _RECORD_LIMIT:
                    raise InvalidInputError(
                        _(
                            "{source}:{line}: an entry runs on for more than {limit} characters: "
                            "this is not an export"
                        ).format(source=source, line=line, limit=f"{_RECORD_LIMIT:,}")
                    ) from None
                chunk = stream.read(_CHUNK)  # the object may go on in the next chunk
                buffer, at, exhausted = buffer[at:] + chunk, 0, not chunk
                continue
            except ValueError:  # int() refuses a number of more than 4,300 digits
                raise InvalidInputError(
                    _("{source}:{line}: a number in this JSON has too many digits").format(
                        source=source, line=line
                    )
                ) from None
            if not isinstance(record, dict) or not _accepted(list(record), columns, older):
                raise InvalidInputError(
                    _(
                        "{source}:{line}: each entry must be an object with the keys "
                        "{keys}, in that order"
                    ).format(source=source, line=line, keys=", ".join(columns))
                )
            yield line, _json_cells(record, columns, source, line)
            line += buffer.count("\n", at, end)
            at = end


def _json_cells(
    record: dict[str, Any], columns: Sequence[str], source: str, line: int
) -> dict[str, str]:
    """A JSON entry's values as text; an object, list or true/false is refused, not stored
    as Python would print it."""
    cells = {}
    for column in columns:
        value = record.get(column)
        if isinstance(value, dict | list | bool):
            shown = json.dumps(value)[:40]  # escaped: no control characters reach a terminal
            raise InvalidInputError(
                _("{source}:{line}: column {column}: {problem}").format(
                    source=source,
                    line=line,
                    column=column,
                    problem=_("must be text or a number, not {json}").format(json=shown),
                )
            )
        cells[column] = "" if value is None else str(value)
    return cells


def read_vcards(stream: TextIO, source: str) -> Iterator[tuple[int, dict[str, str]]]:
    """vCard 3 and 4 cards as contact rows (the ``CONTACT_COLUMNS`` keys, lists ``;``-joined).

    FN (or N) is the name, the first ORG part the organisation, the first EMAIL the email,
    NICKNAME the aliases, CATEGORIES the tags and NOTE the note.
    """
    import vobject  # only paid for when a vCard file is read

    text = stream.read()
    starts = [text.count("\n", 0, found.start()) + 1 for found in _CARD_START.finditer(text)]
    try:
        cards = list(vobject.readComponents(text))
    except Exception as error:  # vobject raises its own ParseError and plain ValueErrors
        raise InvalidInputError(
            _("{source}: not a readable vCard file ({error})").format(source=source, error=error)
        ) from None
    nicknames = _nicknames(text)
    for number, card in enumerate(cards):
        line = starts[number] if number < len(starts) else 0
        aliases = nicknames[number] if number < len(nicknames) else []
        yield (
            line,
            {
                "name": _vcard_name(card),
                "organisation": _first(card, "org"),
                "email": _first(card, "email"),
                "tags": _joined(_listed(card, "categories"), N_("tag"), source, line),
                "aliases": _joined(aliases, N_("alias"), source, line),
                "note": _first(card, "note"),
            },
        )


def _joined(labels: list[str], what: str, source: str, line: int) -> str:
    """Tags or aliases ``;``-joined as in CSV; one holding a ``;`` (escaped in the card) is
    refused here, where it would otherwise be split in two."""
    try:
        return ";".join(check_label(label, what) for label in labels)
    except InvalidInputError as problem:
        raise InvalidInputError(f"{source}:{line}: {problem}") from None


# One value of a comma-separated list, and an escaped character (RFC 6350 3.4).
_LISTED_VALUE = re.compile(r"(?:\\.?|[^,\\])+")
_ESCAPED = re.compile(r"\\(.)")


def _nicknames(text: str) -> list[list[str]]:
    r"""NICKNAME values per card. vobject keeps only the first of a comma-separated list, so
    these few lines are read here: unfolded (RFC 6350 3.2), split on unescaped commas, and
    unescaped (``\,`` ``\;`` ``\\`` ``\n``) as vobject does for the other fields."""
    unfolded = re.sub(r"\r?\n[ \t]", "", text)
    per_card: list[list[str]] = []
    for line in unfolded.splitlines():
        if _CARD_START.match(line):
            per_card.append([])
        elif (nickname := _NICKNAME.match(line)) and per_card:
            values = [_unescaped(v.group()).strip() for v in _LISTED_VALUE.finditer(nickname[1])]
            per_card[-1] += [value for value in values if value]
    return per_card


def _unescaped(value: str) -> str:
    return _ESCAPED.sub(lambda found: "\n" if found[1] in "nN" else found[1], value)


def _vcard_values(card: Any, key: str) -> list[Any]:
    return [item.value for item in card.contents.get(key, [])]


def _first(card: Any, key: str) -> str:
    for value in _vcard_values(card, key):
        first = value[0] if isinstance(value, list) and value else value
        if isinstance(first, str) and first.strip():
            return first.strip()
    return ""


def _listed(card: Any, key: str) -> list[str]:
    found: list[str] = []
    for value in _vcard_values(card, key):
        parts = value if isinstance(value, list) else str(value).split(",")
        found += [part.strip() for part in parts if part.strip()]
    return found


def _vcard_name(card: Any) -> str:
    name = _first(card, "fn")
    if name:
        return name
    for structured in _vcard_values(card, "n"):
        parts = [structured.prefix, structured.given, structured.additional, structured.family]
        joined = " ".join(" ".join(p) if isinstance(p, list) else p for p in parts if p)
        if joined.strip():
            return joined.strip()
    return ""
