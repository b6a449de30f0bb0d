"""Counts and amounts for people: written as Babel's locale data writes them, without loading
Babel for the common currencies."""

from decimal import Decimal

from babel.numbers import format_currency, format_decimal
from hypothesis import given
from hypothesis import strategies as st

from wederkerig.core import i18n, money
from wederkerig.core.vocabulary import MAX_AMOUNT


@given(
    language=st.sampled_from([("en", "en"), ("nl", "nl_NL")]),
    value=st.integers(min_value=-(10**12), max_value=10**12),
)
def test_a_count_is_grouped_as_the_locale_data_says(language: tuple[str, str], value: int) -> None:
    code, locale = language
    i18n.use(code)
    try:
        assert money.number(value) == format_decimal(value, locale=locale)
    finally:
        i18n.use("en")


@given(
    language=st.sampled_from([("en", "en"), ("nl", "nl_NL")]),
    code=st.sampled_from(sorted({code for _language, code in money.WRITTEN})),
    amount=st.decimals(min_value=0, max_value=MAX_AMOUNT, places=2),
)
def test_an_amount_is_written_as_the_locale_data_says(
    language: tuple[str, str], code: str, amount: Decimal
) -> None:
    language_code, locale = language
    i18n.use(language_code)
    money.use(code)
    try:
        assert money.show(amount) == format_currency(amount, code, locale=locale)
    finally:
        i18n.use("en")
        money.use(None)
