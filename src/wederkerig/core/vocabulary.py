"""The words of the ledger: kinds, directions, points and amounts, in English and Dutch."""

import difflib
import re
import unicodedata
from collections.abc import Callable
from decimal import Decimal
from enum import StrEnum
from typing import TypeVar

from wederkerig.core import i18n, words
from wederkerig.core.errors import InvalidInputError, did_you_mean
from wederkerig.core.i18n import N_, _


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


class Status(StrEnum):
    """Whether an entry happened, was promised, or was a promise withdrawn."""

    DONE = "done"
    PROMISED = "promised"
    DROPPED = "dropped"


class Outcome(StrEnum):
    """What came of an introduction, from a first meeting to business."""

    MET = "met"
    COLLABORATION = "collaboration"
    BUSINESS = "business"
    NOTHING = "nothing"


def shown_kind(kind: str) -> str:
    """A kind as people read it: in Dutch its Dutch word (kennis, geld, toegang), in English
    the stored word. CSV, JSON and what is typed keep the stored word."""
    return words.KINDS[kind] if i18n.language() == "nl" else str(kind)


KIND_WORDS: dict[str, Kind] = {
    typed: Kind(kind) for typed, kind in words.understood(words.KINDS, words.KIND_SYNONYMS).items()
}

DIRECTION_WORDS: dict[str, Direction] = {
    typed: Direction(direction)
    for typed, direction in words.understood(words.DIRECTIONS, words.DIRECTION_SYNONYMS).items()
}


class By(StrEnum):
    """What one row of a balance stands for."""

    CONTACT = "contact"
    ORGANISATION = "organisation"
    GROUP = "group"
    EVENT = "event"
    MEMBER = "member"


class ContactOrder(StrEnum):
    """How ``contact list`` orders people: by name, longest out of touch first, or by net."""

    NAME = "name"
    LAST = "last"
    NET = "net"


class View(StrEnum):
    """How people-facing reports weigh what flowed (the ``view`` setting): ``scores`` shows
    the net and what you gave that is unanswered; ``givers-gain`` shows what you gave and
    received side by side and never a net, so that giving is not bookkeeping."""

    SCORES = "scores"
    GIVERS_GAIN = "givers-gain"


OUTCOME_WORDS: dict[str, Outcome] = {
    **{outcome.value: outcome for outcome in Outcome},
    "ontmoet": Outcome.MET,
    "samenwerking": Outcome.COLLABORATION,
    "zaken": Outcome.BUSINESS,
    "niets": Outcome.NOTHING,
}
_DUTCH_OUTCOMES = {
    outcome.value: word for word, outcome in OUTCOME_WORDS.items() if word != outcome
}


def shown_outcome(outcome: str) -> str:
    """An introduction's outcome as people read it: in Dutch its Dutch word (samenwerking,
    zaken), in English the stored word. CSV, JSON and what is typed keep the stored word."""
    return _DUTCH_OUTCOMES.get(outcome, outcome) if i18n.language() == "nl" else outcome


CLEAR_WORDS = {"none", "geen", ""}  # what clears an optional field: --amount none, etc.
# The answers to a yes/no question, in either language, whatever the language in use.
YES_WORDS = {"y", "yes", "j", "ja"}
NO_WORDS = {"n", "no", "nee"}

T = TypeVar("T")

MAX_VALUE = 1_000_000
MAX_ID = 2**31 - 1  # ids are INTEGER columns, 32-bit on PostgreSQL
MAX_AMOUNT = Decimal("1000000000")


def _lookup(word: str, table: dict[str, T], unknown: str) -> T:
    """``unknown``: the message (marked, not yet translated) when ``word`` is not in ``table``."""
    key = word.strip().casefold()
    if key in table:
        return table[key]
    close = difflib.get_close_matches(key, table, n=2, cutoff=0.6)
    raise InvalidInputError(_(unknown).format(word=word) + did_you_mean(close))


def parse_kind(word: str) -> Kind:
    """Read a kind typed in English or Dutch (``kennis``, ``geld``, ``toegang``)."""
    return _lookup(
        word, KIND_WORDS, N_("unknown kind '{word}': use knowledge, talent, money or access.")
    )


def parse_direction(word: str) -> Direction:
    """Read a direction typed in English or Dutch (``gaf``, ``kreeg``, ``ontvangen``)."""
    return _lookup(word, DIRECTION_WORDS, N_("unknown direction '{word}': use gave or received."))


def parse_outcome(word: str) -> Outcome:
    """Read what came of an introduction, in English or Dutch (``samenwerking``, ``zaken``)."""
    return _lookup(
        word,
        OUTCOME_WORDS,
        N_("unknown outcome '{word}': use met, collaboration, business or nothing."),
    )


def parse_yes_no(answer: str, *, default: bool) -> bool | None:
    """A typed answer to a yes/no question: Enter takes ``default``; None when it is neither
    (the question is asked again)."""
    key = answer.strip().casefold()
    if not key:
        return default
    return True if key in YES_WORDS else False if key in NO_WORDS else None


# ASCII digits only: int() and Decimal() also take '1_0' and other scripts' digits ('٣').
WHOLE = re.compile(r"[+-]?[0-9]+")
DECIMAL = re.compile(r"[0-9]+(?:\.[0-9]+)?")


def whole_number(text: str) -> int:
    """``int(text)`` for ASCII digits only; a ValueError naming the text for anything else."""
    if not WHOLE.fullmatch(text.strip()):
        raise ValueError(
            _("'{text}' is not a whole number: write it in the digits 0-9").format(text=text)
        )
    return int(text)


def whole_number_from(lowest: int, highest: int | None = None) -> "Callable[[str], int]":
    """A reader of whole numbers in a range, for an option's parser: the range is said when
    a number falls outside it, never in the help (where '1<=x<=2147483647' says nothing)."""

    def read(text: str) -> int:
        number = whole_number(text)
        if number < lowest or (highest is not None and number > highest):
            if highest is None:
                problem = _("'{text}' is too small: give {lowest} or more")
            else:
                problem = _(
                    "'{text}' is out of range: give a whole number from {lowest} to {highest}"
                )
            raise ValueError(problem.format(text=text, lowest=lowest, highest=highest))
        return number

    return read


entry_id = whole_number_from(1, MAX_ID)  # ids are INTEGER columns, 32-bit on PostgreSQL


def check_value(value: int) -> int:
    """Points are a positive whole weight: 1 a small tip, 3 a real favour, 5 life-changing."""
    if not 1 <= value <= MAX_VALUE:
        raise InvalidInputError(
            _(
                "value {value} is out of range: use a whole number of points from 1 to {highest}"
            ).format(value=value, highest=f"{MAX_VALUE:,}")
        )
    return value


_AMOUNT = re.compile(r"[0-9]+(?:[.,][0-9]+)*")
_SPACED = re.compile(r"\s")
_GROUPED = re.compile(r"[0-9]{1,3}(?:\s[0-9]{3})+(?:[.,][0-9]{1,2})?")  # 1 250 or 12 500,00
# An amount with perhaps a currency's sign or code before or after it; spaces may group
# thousands (1 250,00), as may the no-break space Dutch output uses. Digits are ASCII only.
_SIGNED = re.compile(
    r"(?P<before>[^0-9.,\s]*)\s*(?P<number>[0-9][0-9.,\s]*?)\s*(?P<after>[^0-9.,\s]*)"
)


# ',-' after whole euros (€ 75,-), before any sign or code that follows the amount.
_DASHED = re.compile(r"(?<=[0-9]),-(?=\s*[^0-9.,\s]*$)")
_WHOLE = re.compile(r"[0-9]+|[0-9]{1,3}(?:[.\s][0-9]{3})+")  # 75, 1.250, 12 500


def parse_amount(text: str) -> Decimal:
    """Read an amount as Dutch or English write it: ``12,50``, ``1.250,00``, ``€ 1,250.00``.

    The last separator marks the cents when one or two digits follow it. A lone separator
    followed by three digits (``1.250``) could be either reading, so it is refused, except
    a dot when the language is Dutch, where it always groups thousands. ``,-`` after whole
    euros (``€ 75,-``) says there are no cents. A sign or code of another currency than the
    ledger's is refused: nothing is converted.
    """
    from wederkerig.core import i18n, money

    undashed = _DASHED.sub("", text.strip(), count=1)
    found = _SIGNED.fullmatch(undashed)
    dashed = undashed != text.strip()
    if found and dashed and not _WHOLE.fullmatch(found["number"]):
        found = None  # '2.50,-': cents and 'no cents' at once
    spaced = found["number"] if found else ""
    number = (
        "".join(spaced.split()) if not _SPACED.search(spaced) or _GROUPED.fullmatch(spaced) else ""
    )
    signs = [sign for sign in (found["before"], found["after"]) if sign] if found else []
    if found is None or not _AMOUNT.fullmatch(number) or not all(map(_is_currency, signs)):
        raise InvalidInputError(
            _("amount '{text}' is not an amount of money: write it like 12.50 or 12,50").format(
                text=text
            )
        )
    for sign in signs:
        if sign.upper() not in {known.upper() for known in money.signs()}:
            raise InvalidInputError(
                _(
                    "amount '{text}': amounts in this ledger are in {currency} (the 'currency' "
                    "setting) and are never converted; give it in {currency}"
                ).format(text=text, currency=money.currency())
            )
    cleaned = number.replace(".", "") if dashed else number  # 1.250,- is whole euros
    last = max(cleaned.rfind("."), cleaned.rfind(","))
    tail = cleaned[last + 1 :] if last >= 0 else ""
    separators = {char for char in cleaned if char in ".,"}
    dutch_thousands = i18n.language() == "nl" and separators == {"."}
    if (
        len(tail) == 3
        and len(separators) == 1
        and cleaned.count(cleaned[last]) == 1
        and not dutch_thousands
    ):
        whole = cleaned.replace(cleaned[last], "")
        raise InvalidInputError(
            _(
                "amount '{text}' is unclear: for {amount} write {whole}; for cents, "
                "write at most two decimals (12.50 or 12,50)"
            ).format(text=text, amount=money.show(Decimal(whole)), whole=whole)
        )
    if last >= 0 and len(tail) <= 2:
        cleaned = cleaned[:last].replace(".", "").replace(",", "") + "." + tail
    else:
        cleaned = cleaned.replace(".", "").replace(",", "")
    amount = Decimal(cleaned)
    if amount <= 0 or amount > MAX_AMOUNT:
        raise InvalidInputError(
            _("amount '{text}' must be more than 0 and at most {highest}").format(
                text=text, highest=money.show(MAX_AMOUNT)
            )
        )
    return amount.quantize(Decimal("0.01"))


def _is_currency(sign: str) -> bool:
    """Whether text beside an amount names a currency: a code (EUR, usd) or signs (€, US$)."""
    if len(sign) == 3 and sign.isalpha() and sign.isascii():
        return True
    return any(unicodedata.category(char) == "Sc" for char in sign)


def format_amount(amount: Decimal | None) -> str:
    """The canonical text of an amount in CSV: ``1250.00``, empty when there is none."""
    return "" if amount is None else f"{amount:.2f}"
