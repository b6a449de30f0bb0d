"""CSV (RFC 4180) and JSON writers, written row by row so exports stream."""

import csv
import itertools
import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TextIO

from wederkerig.formats.columns import ENTRY_COLUMNS, CsvDialect, Format, MachineFormat

if TYPE_CHECKING:
    from sqlmodel import Session

    from wederkerig.store.filters import Selection

# OWASP's CSV-injection advice: a spreadsheet runs a cell starting with these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def timestamp(moment: datetime) -> str:
    """UTC, to the second, with a Z: ``2026-11-26T20:00:00Z``."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _csv_cell(value: object) -> object:
    if value.__class__ is int or value.__class__ is str:  # most cells, as they are (not bool)
        return value
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


def _dutch_excel(value: object) -> object:
    """A cell as Dutch Excel reads it: an amount with a decimal comma, formulas made inert."""
    if isinstance(value, Decimal):
        return f"{value:.2f}".replace(".", ",")
    return _neutralised(value)


def write_csv(
    stream: TextIO,
    columns: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    spreadsheet_safe: bool = False,
    preformatted: bool = False,
    dialect: CsvDialect = CsvDialect.RFC4180,
) -> None:
    """RFC 4180 CSV for scripts; ``spreadsheet_safe`` adds a BOM and defuses formula cells.

    Only text is touched (numbers such as a net of -3 stay numbers), and only on request:
    the quote a spreadsheet needs would be a changed value to a script. ``preformatted``
    rows already hold the cells as text, numbers and None, and are written as they are.
    The ``excel-nl`` dialect is spreadsheet-safe too, with semicolons and decimal commas:
    Excel set to Dutch opens it in columns, amounts as numbers.
    """
    dutch = dialect is CsvDialect.EXCEL_NL
    writer = csv.writer(stream, delimiter=";" if dutch else ",")
    cell = _dutch_excel if dutch else _neutralised if spreadsheet_safe else _csv_cell
    rows = _started(rows)
    if spreadsheet_safe or dutch:
        stream.write("\ufeff")
    writer.writerow(columns)
    if preformatted and cell is _csv_cell:
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
    output_format: Format | MachineFormat,
    stream: TextIO,
    columns: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    spreadsheet_safe: bool = False,
    dialect: CsvDialect = CsvDialect.RFC4180,
) -> None:
    if output_format == Format.JSON:
        write_json(stream, columns, rows)
    else:
        write_csv(stream, columns, rows, spreadsheet_safe=spreadsheet_safe, dialect=dialect)


def write_document(stream: TextIO, document: Mapping[str, object]) -> None:
    json.dump(_json_value(document), stream, ensure_ascii=False, indent=2)
    stream.write("\n")


def write_entries(
    output_format: Format | MachineFormat,
    stream: TextIO,
    session: "Session",
    selection: "Selection",
    *,
    spreadsheet_safe: bool = False,
    dialect: CsvDialect = CsvDialect.RFC4180,
) -> None:
    """Entries for scripts, streamed: CSV cells formatted by the database, JSON typed (and
    Dutch Excel's CSV typed too, for its decimal commas)."""
    from wederkerig.usecases.entries import iter_entries, iter_entry_cells

    if output_format == Format.JSON:
        write_json(stream, ENTRY_COLUMNS, iter_entries(session, selection))
    elif dialect is CsvDialect.EXCEL_NL:
        write_csv(stream, ENTRY_COLUMNS, iter_entries(session, selection), dialect=dialect)
    else:
        cells = iter_entry_cells(session, selection)
        write_csv(
            stream, ENTRY_COLUMNS, cells, spreadsheet_safe=spreadsheet_safe, preformatted=True
        )
