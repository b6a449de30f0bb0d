"""CSV, JSON and vCard readers for imports: streaming, and naming file and line on a problem."""

import csv
import io
import itertools
import json
import re
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from wederkerig.core.errors import InvalidInputError
from wederkerig.core.i18n import N_, _
from wederkerig.core.names import check_label
from wederkerig.formats.writers import FORMULA_STARTS

_SPACE = re.compile(r"\s*")
_CARD_START = re.compile(r"^BEGIN:VCARD", re.IGNORECASE | re.MULTILINE)
_NICKNAME = re.compile(r"(?:[\w-]+\.)?NICKNAME(?:;[^:]*)?:(.*)", re.IGNORECASE)
_CHUNK = 1 << 16
# The most one JSON entry may hold: an export's longest is a few kB (a 2,000-character
# description). Beyond it an unclosed string would be re-read chunk after chunk, the whole
# file in memory and quadratic time.
_RECORD_LIMIT = 1 << 20


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
    the line each row starts on; columns an older file lacks come back empty.

    A file as ``export --dialect excel-nl`` writes it (and Dutch Excel saves it) is read too,
    told by the semicolons of its header: decimal commas and inert formulas are undone."""
    first = stream.readline()
    dutch = ";" in first and "," not in first  # no column name holds either
    lines = itertools.chain([first] if first else [], stream)
    reader = csv.reader(lines, delimiter=";" if dutch else ",")
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
    try:  # around the loop, not each row: reading a row is what an import does most
        for row in reader:
            if len(row) != len(header):
                raise InvalidInputError(
                    _("{source}:{line}: expected {expected} columns, found {found}").format(
                        source=source, line=line, expected=len(header), found=len(row)
                    )
                )
            record = dict(zip(header, row, strict=True))
            if dutch:
                record = _from_dutch_excel(record)
            yield line, record | missing if missing else record
            line = reader.line_num + 1
    except csv.Error as error:
        raise _unreadable(reader, source, error) from None


def _from_dutch_excel(record: dict[str, str]) -> dict[str, str]:
    """A row of the ``excel-nl`` dialect as the default one spells it."""
    cells = {
        column: cell[1:] if cell.startswith("'") and cell[1:].startswith(FORMULA_STARTS) else cell
        for column, cell in record.items()
    }
    if cells.get("amount"):  # the one decimal column any export has
        cells["amount"] = cells["amount"].replace(",", ".")
    return cells


def _csv_rows(reader: Any, source: str) -> Iterator[list[str]]:
    """The reader's rows; what the csv module cannot read becomes a one-line error."""
    try:
        yield from reader
    except csv.Error as error:
        raise _unreadable(reader, source, error) from None


def _unreadable(reader: Any, source: str, error: csv.Error) -> InvalidInputError:
    """What the csv module could not read (a field over its size limit, a NUL), in one line
    naming the line."""
    problem = (
        _("a field is longer than {limit} characters").format(limit=f"{csv.field_size_limit():,}")
        if "field larger" in str(error)
        else str(error)
    )
    return InvalidInputError(
        _("{source}:{line}: cannot read this CSV: {problem}").format(
            source=source, line=reader.line_num, problem=problem
        )
    )


def read_json(
    stream: TextIO,
    columns: Sequence[str],
    source: str,
    *,
    older: Sequence[Sequence[str]] = (),
) -> Iterator[tuple[int, dict[str, str]]]:
    """Objects of a JSON array, decoded one by one so a large file never sits in memory whole.

    Hand-written around ``json.JSONDecoder.raw_decode`` rather than on ijson (3.6.0, checked
    for issue #13): ijson reports no positions, so the line an entry starts on would need the
    file fed to it line by line, which costs its speed advantage; its C backend crashed the
    process (segmentation fault) on an integer of more than 4,300 digits and needed memory
    growing with the square of the nesting depth (killed at 100,000 levels, a 200 kB file);
    and the checks here (an array, empty or unclosed, an entry's length, its nesting) would
    all still be ours.
    """
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
                "needs": "",  # vCard has no such property
                "offers": "",
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
