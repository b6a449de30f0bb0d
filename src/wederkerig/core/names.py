"""How names are compared and checked: one person, however their name is typed."""

import difflib
import unicodedata
from collections.abc import Iterable

from wederkerig.core.errors import InvalidInputError
from wederkerig.core.i18n import N_, _

MAX_NAME_LENGTH = 200


def tidy(text: str) -> str:
    """The display form: NFC, single spaces, nothing around it."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def name_key(text: str) -> str:
    """The comparison form: equal for names that differ only in case, spacing or normalisation."""
    return unicodedata.normalize("NFC", tidy(text).casefold())


# Letters that are not a base letter with an accent in Unicode, but sort as one (or two).
_LETTERS = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ı": "i", "þ": "th"})


def sort_key(text: str) -> tuple[str, str]:
    """How names sort for people, in any language: as a dictionary does, case and accents
    aside ("Ülkü" among the U's, before "Zoë"), then as written, so the order is stable.

    A name sorts as it is written, first word first: "Anneke de Vries" under A. The Dutch
    phone-book habit of filing "de Vries" under V applies to surnames written first, which
    a ledger of full names does not have."""
    casefolded = tidy(text).casefold()
    folded = unicodedata.normalize("NFKD", casefolded).translate(_LETTERS)
    if not folded.isascii():  # only then can it hold accents to drop: a balance sorts 1,000
        folded = "".join(char for char in folded if not unicodedata.combining(char))
    return folded, unicodedata.normalize("NFC", casefolded)  # name_key(), tidied once


def _is_control(char: str) -> bool:
    return unicodedata.category(char) in {"Cc", "Cf"} and char not in "\u200d\u200c"


def check_text(text: str, what: str, *, max_length: int = MAX_NAME_LENGTH) -> str:
    """Refuse control characters (NUL, ESC, bidi overrides) that would corrupt a terminal.

    Windows line breaks (CRLF, as spreadsheets write them) are kept as plain newlines.
    ``what`` names the field in English (marked with ``N_`` by the caller); it is translated
    when a message names it.
    """
    text = text.replace("\r\n", "\n")
    if not text.isprintable() and any(  # isprintable: the common case, at C speed
        _is_control(char) for char in text.replace("\n", "").replace("\t", "")
    ):
        raise InvalidInputError(
            _(
                "the {what} contains control characters (such as NUL or ESC): type it as plain text"
            ).format(what=_(what))
        )
    if len(text) > max_length:
        raise InvalidInputError(
            _("the {what} is {length:,} characters long: keep it under {limit:,}").format(
                what=_(what), length=len(text), limit=max_length
            )
        )
    return text


def check_name(text: str, what: str = N_("name")) -> str:
    """A name as stored: tidy, non-empty, printable, one line."""
    name = tidy(text)
    if not name:
        raise InvalidInputError(
            _("the {what} is empty: give a name such as 'Anna de Vries'").format(what=_(what))
        )
    if not any(char.isalnum() for char in name):
        raise InvalidInputError(
            _(
                "the {what} '{name}' has no letter or digit: give a name such as 'Anna de Vries'"
            ).format(what=_(what), name=name)
        )
    if "\n" in text or "\t" in text:
        raise InvalidInputError(
            _("the {what} spans several lines: give it on one line").format(what=_(what))
        )
    return check_text(name, what)


def closest(word: str, candidates: Iterable[str], n: int = 3) -> list[str]:
    """Candidates that contain ``word`` or look like it, best first (by :func:`name_key`)."""
    by_key: dict[str, str] = {}
    for candidate in candidates:
        by_key.setdefault(name_key(candidate), candidate)
    wanted = name_key(word)
    containing = [key for key in by_key if len(wanted) >= 3 and wanted in key]
    alike = difflib.get_close_matches(wanted, by_key, n=n, cutoff=0.6)
    return [by_key[key] for key in dict.fromkeys(containing + alike)][:n]


def check_label(text: str, what: str) -> str:
    """A tag or alias: a name that may not hold ``;``, which joins several of them in CSV."""
    label = check_name(text, what)
    if ";" in label:
        raise InvalidInputError(
            _(
                "the {what} '{label}' contains ';', which separates several in CSV: "
                "give each {what} on its own"
            ).format(what=_(what), label=label)
        )
    return label


def tag_name(tag: str) -> str:
    """Tags are stored in their comparison form, so ``Drechtsteden`` and ``drechtsteden`` agree."""
    return name_key(check_label(tag, N_("tag")))
