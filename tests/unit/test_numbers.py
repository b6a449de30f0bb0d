"""Counts for people: grouped as Babel's locale data groups them, without loading Babel."""

from babel.numbers import format_decimal
from hypothesis import given
from hypothesis import strategies as st

from wederkerig.core import i18n, money


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
