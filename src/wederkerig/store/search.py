"""Searching free text the same way on both engines: case and accents folded, the user's
words matched literally (LIKE with every wildcard escaped).

SQLite gets ``wederkerig_fold()``, the Python fold registered on every connection;
PostgreSQL folds with ``lower()`` and ``translate()`` over the accented letters of the
languages a ledger is written in (no extension needed on the server).
"""

import sqlite3
from typing import Any

import sqlalchemy as sa

from wederkerig.core.keywords import fold

FOLD_FUNCTION = "wederkerig_fold"
# Accented letters PostgreSQL's translate() maps to their bare letter after lower(): those
# of Latin-1 and Latin Extended-A that the Python fold turns into one ASCII letter, so the
# two engines agree by construction.
_ACCENTED = "".join(
    char for char in map(chr, range(0xC0, 0x180)) if char == char.lower() and fold(char).isascii()
    and len(fold(char)) == 1 and fold(char) != char
)  # fmt: skip
_PLAIN = "".join(fold(char) for char in _ACCENTED)


def register_fold(connection: sqlite3.Connection) -> None:
    """Make ``wederkerig_fold(text)`` available in SQL on a SQLite connection."""
    connection.create_function(FOLD_FUNCTION, 1, _fold_or_none, deterministic=True)


def _fold_or_none(text: str | None) -> str | None:
    return None if text is None else fold(text)


def _folded(column: sa.ColumnElement[Any], dialect: str) -> sa.ColumnElement[str]:
    if dialect == "postgresql":
        return sa.func.translate(sa.func.lower(column), _ACCENTED, _PLAIN)
    return getattr(sa.func, FOLD_FUNCTION)(column)  # type: ignore[no-any-return]


def _escaped(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def contains_all(
    column: sa.ColumnElement[Any], terms: list[str], dialect: str
) -> sa.ColumnElement[bool]:
    """``column`` holds every one of ``terms``, as literal text, each side folded by the same
    function: on PostgreSQL the server folds the terms too, so a letter its lower() treats
    otherwise than Python's (a Turkish İ) still finds itself."""
    folded = _folded(column, dialect)
    patterns = [
        sa.func.concat("%", _folded(sa.literal(_escaped(term)), dialect), "%")
        if dialect == "postgresql"
        else f"%{_escaped(fold(term))}%"
        for term in terms
    ]
    return sa.and_(*(folded.like(pattern, escape="\\") for pattern in patterns))
