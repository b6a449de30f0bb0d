"""Amounts of money: all in one currency (the ``currency`` setting, euros unless set), read as
people type them and shown the way the reader's language writes them (Babel's CLDR data:
€1,250.00 in English, € 1.250,00 in Dutch).

The ledger stores bare amounts, so it never converts: an amount typed in another currency
is refused rather than counted as if it were the ledger's own.
"""

from decimal import Decimal

from wederkerig.core import i18n

DEFAULT_CURRENCY = "EUR"
# The locale whose conventions each language writes amounts in.
NUMBER_LOCALES = {"en": "en", "nl": "nl_NL"}

_chosen = DEFAULT_CURRENCY


def use(code: str | None) -> None:
    """Use ``code`` (the ``currency`` setting, read by the caller; euros when unset) from now on."""
    global _chosen
    _chosen = code or DEFAULT_CURRENCY


def currency() -> str:
    return _chosen


# How each language groups thousands and writes the common currencies, as Babel's locale data
# does (tests/unit/test_numbers.py holds them to it): written out here because every report
# shows counts and most show amounts, and Babel's locale data costs ~35 ms to load (issue #15).
WRITTEN = {
    ("en", "EUR"): "€{}", ("nl", "EUR"): "€\xa0{}",
    ("en", "USD"): "${}", ("nl", "USD"): "US$\xa0{}",
    ("en", "GBP"): "£{}", ("nl", "GBP"): "£\xa0{}",
}  # fmt: skip
CENT = Decimal("0.01")


def show(amount: Decimal) -> str:
    """An amount as the reader's language writes it, with the currency's sign (Babel writes
    the rarer currencies, negative amounts and fractions of a cent)."""
    language = i18n.language()
    written = WRITTEN.get((language, currency()))
    if written and amount >= 0 and amount == amount.quantize(CENT):
        return written.format(_grouped(f"{amount:,.2f}", language))
    from babel.numbers import format_currency

    return format_currency(amount, currency(), locale=NUMBER_LOCALES[language])


def _grouped(digits: str, language: str) -> str:
    """Digits written the English way (1,250.50) as ``language`` writes them."""
    marks = _MARKS.get(language)
    return digits.translate(marks) if marks else digits


_MARKS = {"nl": str.maketrans(",.", ".,")}  # Dutch groups with dots, decimals after a comma


def number(value: int) -> str:
    """A count or a number of points for people, grouped the reader's way (300,008 in
    English, 300.008 in Dutch); CSV and JSON keep bare digits."""
    return _grouped(f"{value:,}", i18n.language())


def signs() -> set[str]:
    """What may stand beside an amount typed in the ledger's currency: its code, and its
    signs in both languages (€; for dollars '$' and 'US$')."""
    from babel.numbers import get_currency_symbol

    code = currency()
    return {code, *(get_currency_symbol(code, locale) for locale in NUMBER_LOCALES.values())}


def check_currency(text: str) -> str:
    """A currency code for the setting: one Babel knows (ISO 4217), in capitals."""
    from babel.numbers import is_currency

    from wederkerig.core.errors import InvalidInputError
    from wederkerig.core.i18n import _

    code = text.strip().upper()
    if not is_currency(code):
        raise InvalidInputError(
            _("unknown currency '{text}': give an ISO 4217 code such as EUR, USD or GBP").format(
                text=text.strip()
            )
        )
    return code
