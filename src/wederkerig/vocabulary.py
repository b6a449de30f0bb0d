"""The words of the ledger: kinds, directions, points and euro amounts, in English and Dutch."""

import difflib
import math
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import TypeVar

from wederkerig.errors import InvalidInputError, did_you_mean


class Kind(StrEnum):
    """What was given or received."""

    KNOWLEDGE = "knowledge"
    TALENT = "talent"
    MONEY = "money"
    ACCESS = "access"  # introductions, doors opened


class Direction(StrEnum):
    """Seen from the ledger's owner: I gave, or I received."""

    GAVE = "gave"
    RECEIVED = "received"


KIND_WORDS: dict[str, Kind] = {
    **{kind.value: kind for kind in Kind},
    "kennis": Kind.KNOWLEDGE,
    "geld": Kind.MONEY,
    "toegang": Kind.ACCESS,
    "introduction": Kind.ACCESS,
    "introductie": Kind.ACCESS,
    "intro": Kind.ACCESS,
}

DIRECTION_WORDS: dict[str, Direction] = {
    "gave": Direction.GAVE,
    "given": Direction.GAVE,
    "gaf": Direction.GAVE,
    "gegeven": Direction.GAVE,
    "received": Direction.RECEIVED,
    "got": Direction.RECEIVED,
    "kreeg": Direction.RECEIVED,
    "gekregen": Direction.RECEIVED,
    "ontvangen": Direction.RECEIVED,
}

T = TypeVar("T")

MAX_VALUE = 1_000_000
MAX_AMOUNT = Decimal("1000000000")


def _lookup(word: str, table: dict[str, T], what: str, canonical: str) -> T:
    key = word.strip().casefold()
    if key in table:
        return table[key]
    close = difflib.get_close_matches(key, table, n=2, cutoff=0.6)
    raise InvalidInputError(f"unknown {what} '{word}': use {canonical}.{did_you_mean(close)}")


def parse_kind(word: str) -> Kind:
    """Read a kind typed in English or Dutch (``kennis``, ``geld``, ``toegang``)."""
    return _lookup(word, KIND_WORDS, "kind", "knowledge, talent, money or access")


def parse_direction(word: str) -> Direction:
    """Read a direction typed in English or Dutch (``gaf``, ``kreeg``, ``ontvangen``)."""
    return _lookup(word, DIRECTION_WORDS, "direction", "gave or received")


def check_value(value: int) -> int:
    """Points are a positive whole weight: 1 a small tip, 3 a real favour, 5 life-changing."""
    if not 1 <= value <= MAX_VALUE:
        raise InvalidInputError(
            f"value {value} is out of range: use a whole number of points from 1 to {MAX_VALUE:,}"
        )
    return value


def parse_amount(text: str) -> Decimal:
    """Read a euro amount: ``12.50``, ``12,50``, ``€ 1.250,00``; positive, at most two decimals."""
    cleaned = text.strip().replace("€", "").replace("EUR", "").replace(" ", "")
    if "," in cleaned:  # Dutch notation: dots group thousands, the comma marks cents
        cleaned = cleaned.replace(".", "").replace(",", ".")
    problem = f"amount '{text}' is not a euro amount: write it like 12.50 or 12,50"
    try:
        amount = Decimal(cleaned)
    except InvalidOperation:
        raise InvalidInputError(problem) from None
    if not amount.is_finite() or not math.isfinite(float(amount)):
        raise InvalidInputError(problem)
    if amount <= 0 or amount > MAX_AMOUNT:
        raise InvalidInputError(f"amount '{text}' must be more than 0 and at most €{MAX_AMOUNT:,}")
    if amount != amount.quantize(Decimal("0.01")):
        raise InvalidInputError(f"amount '{text}' has more than two decimals: round it to cents")
    return amount.quantize(Decimal("0.01"))


def format_amount(amount: Decimal | None) -> str:
    """The canonical text of an amount in CSV: ``1250.00``, empty when there is none."""
    return "" if amount is None else f"{amount:.2f}"
