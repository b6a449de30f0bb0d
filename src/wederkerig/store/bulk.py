"""Bulk writes for imports, on SQLite and PostgreSQL alike.

A million rows through SQLAlchemy's ``executemany`` with dicts spent more time building each
row's parameters than the database spent storing them, and inserting them one by one into
the ``entry`` indexes more than both (docs/performance.md, Import).
"""

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import sqlalchemy as sa

_CONVERTED = 4_096  # distinct values remembered per column: a day, a time stamp, a number


def inserter(
    connection: sa.Connection, table: sa.Table
) -> Callable[[Sequence[Sequence[Any]]], None]:
    """What inserts a batch of rows (tuples in ``table``'s column order) with the driver's
    ``executemany``.

    Each value becomes the driver's type by its column's own bind processor, as SQLAlchemy
    would convert it, but once per distinct value: a file repeats its days and time stamps.
    A column that is NULL in every row of the batch is left out of the statement: sqlite3
    binds a None several times slower than a number or a text, and an import's optional
    columns are mostly empty.
    """
    dialect = connection.dialect
    quote = dialect.identifier_preparer.quote
    mark = "?" if dialect.paramstyle == "qmark" else "%s"  # sqlite3; psycopg
    names = [quote(column.name) for column in table.columns]
    converters = {
        place: _remembering(process)
        for place, column in enumerate(table.columns)
        if (process := column.type.dialect_impl(dialect).bind_processor(dialect)) is not None
    }
    statements: dict[tuple[int, ...], str] = {}

    def insert(batch: Sequence[Sequence[Any]]) -> None:
        columns = list(zip(*batch, strict=True))
        kept = tuple(place for place, cells in enumerate(columns) if _any_value(cells))
        for place in kept:
            if place in converters:
                columns[place] = tuple(map(converters[place], columns[place]))
        if kept not in statements:
            statements[kept] = "INSERT INTO {} ({}) VALUES ({})".format(  # noqa: S608 (the Table's)
                quote(table.name),
                ", ".join(names[place] for place in kept),
                ", ".join([mark] * len(kept)),
            )
        rows = list(zip(*(columns[place] for place in kept), strict=True))
        connection.exec_driver_sql(statements[kept], rows)

    return insert


def _any_value(cells: tuple[Any, ...]) -> bool:
    """Whether any cell is not NULL (counted at C speed)."""
    return cells.count(None) < len(cells)


def _remembering(process: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """``process``, remembering the last few thousand distinct values it converted. Values
    equal in Python must convert alike: time stamps come here in one zone (UTC)."""
    seen: dict[Any, Any] = {}

    def convert(value: Any) -> Any:
        try:
            return seen[value]
        except KeyError:
            if len(seen) >= _CONVERTED:
                seen.clear()
            converted = seen[value] = process(value)
            return converted

    return convert


@contextmanager
def indexes_set_aside(connection: sa.Connection, table: sa.Table, *, when: bool) -> Iterator[None]:
    """Drop ``table``'s indexes for the block and build them again after it, ``when`` asked.

    Building the entry indexes from a million rows in one sorted pass took 2.5 s here;
    keeping them up to date row by row while the rows were inserted, 11 s. Worth it when the
    block adds more rows than the table holds. Inside the transaction, so a failed import
    leaves the indexes as they were; on PostgreSQL readers of the table wait for its end.
    """
    indexes = sorted(table.indexes, key=lambda index: str(index.name)) if when else []
    for index in indexes:
        index.drop(connection)
    yield
    for index in indexes:
        index.create(connection)
