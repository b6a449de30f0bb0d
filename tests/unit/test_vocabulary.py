"""The ledger's words: kinds, directions, outcomes, points and amounts, in English and Dutch."""

from collections.abc import Iterator
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wederkerig.core import i18n
from wederkerig.core.errors import InvalidInputError
from wederkerig.core.vocabulary import (
    MAX_AMOUNT,
    MAX_VALUE,
    Direction,
    Kind,
    Outcome,
    check_value,
    format_amount,
    parse_amount,
    parse_direction,
    parse_kind,
    parse_outcome,
)
from wederkerig.core.words import DIRECTIONS, KINDS, offered


@pytest.mark.parametrize(
    ("typed", "kind"),
    [
        ("knowledge", Kind.KNOWLEDGE),
        ("Kennis", Kind.KNOWLEDGE),
        (" GELD ", Kind.MONEY),
        ("talent", Kind.TALENT),
        ("toegang", Kind.ACCESS),
        ("intro", Kind.ACCESS),
    ],
)
def test_a_kind_is_read_in_either_language(typed: str, kind: Kind) -> None:
    assert parse_kind(typed) is kind


@pytest.mark.parametrize(
    ("typed", "direction"),
    [
        ("gave", Direction.GAVE),
        ("gaf", Direction.GAVE),
        ("Gegeven", Direction.GAVE),
        ("got", Direction.RECEIVED),
        ("kreeg", Direction.RECEIVED),
        ("ontvangen", Direction.RECEIVED),
    ],
)
def test_a_direction_is_read_in_either_language(typed: str, direction: Direction) -> None:
    assert parse_direction(typed) is direction


def test_every_kind_and_direction_is_offered_and_each_offered_word_is_read_back() -> None:
    """Tab and the guided log offer words from the same tables the parsers read."""
    assert {parse_kind(word) for word in offered(KINDS)} == set(Kind)
    assert {parse_direction(word) for word in offered(DIRECTIONS)} == set(Direction)


def test_an_outcome_is_read_in_either_language() -> None:
    assert parse_outcome("samenwerking") is Outcome.COLLABORATION
    assert parse_outcome("Zaken") is Outcome.BUSINESS


def test_an_unknown_word_is_refused_with_the_close_one() -> None:
    with pytest.raises(InvalidInputError, match="Did you mean 'kennis'"):
        parse_kind("kenis")
    with pytest.raises(InvalidInputError, match="use gave or received"):
        parse_direction("took")


def test_points_are_a_whole_weight_within_bounds() -> None:
    assert check_value(1) == 1
    assert check_value(MAX_VALUE) == MAX_VALUE
    for value in (0, -3, MAX_VALUE + 1):
        with pytest.raises(InvalidInputError, match="out of range"):
            check_value(value)


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("12,50", "12.50"),
        ("12.5", "12.50"),
        ("1.250,00", "1250.00"),
        ("1,250.00", "1250.00"),
        ("€ 1.250,00", "1250.00"),
        ("EUR 7", "7.00"),
        ("1 250", "1250.00"),
        ("12\u00a0500,00", "12500.00"),  # the no-break space Dutch output groups with
    ],
)
def test_an_amount_is_read_as_dutch_or_english_write_it(typed: str, amount: str) -> None:
    assert parse_amount(typed) == Decimal(amount)


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        ("1.250", "unclear"),  # a thousand, or one and a quarter?
        ("0", "more than 0"),
        ("2000000000", "more than 0"),
        ("$ 5", "never converted"),
        ("twelve", "not an amount"),
        ("1 2", "not an amount"),
    ],
)
def test_an_amount_that_is_unclear_or_foreign_is_refused(typed: str, problem: str) -> None:
    with pytest.raises(InvalidInputError, match=problem):
        parse_amount(typed)


cents = st.integers(1, int(MAX_AMOUNT * 100)).map(lambda c: Decimal(c).scaleb(-2))


@given(cents)
def test_an_amount_reads_back_from_its_canonical_and_dutch_forms(amount: Decimal) -> None:
    canonical = format_amount(amount)
    assert parse_amount(canonical) == amount
    assert parse_amount(canonical.replace(".", ",")) == amount


@pytest.fixture
def in_dutch() -> Iterator[None]:
    """Read amounts as a Dutch reader writes them, then speak English again."""
    i18n.use("nl")
    yield
    i18n.use("en")


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("2.500", "2500.00"),  # a dot before three digits groups thousands in Dutch
        ("€ 2.500", "2500.00"),
        ("1.250,50", "1250.50"),
        ("75,50", "75.50"),
        ("€ 75,-", "75.00"),  # ',-': whole euros
        ("1.250,-", "1250.00"),
    ],
)
@pytest.mark.usefixtures("in_dutch")
def test_a_dutch_amount_reads_dots_as_thousands_and_dash_as_whole_euros(
    typed: str, amount: str
) -> None:
    assert parse_amount(typed) == Decimal(amount)


@pytest.mark.parametrize(("typed", "amount"), [("€ 75,-", "75.00"), ("1.250,- EUR", "1250.00")])
def test_whole_euros_with_a_dash_read_in_english_too(typed: str, amount: str) -> None:
    assert parse_amount(typed) == Decimal(amount)


@pytest.mark.parametrize("typed", ["2.500", "2,500"])
def test_a_lone_separator_before_three_digits_stays_unclear_in_english(typed: str) -> None:
    with pytest.raises(InvalidInputError, match="unclear"):
        parse_amount(typed)


@pytest.mark.parametrize("typed", ["2,500", "75,-,-", ",-", "2.50,-"])
@pytest.mark.usefixtures("in_dutch")
def test_a_dutch_amount_with_three_decimals_or_a_stray_dash_is_refused(typed: str) -> None:
    with pytest.raises(InvalidInputError):
        parse_amount(typed)


@given(st.integers(1, int(MAX_AMOUNT)))
def test_whole_euros_read_back_from_their_dutch_grouping(whole: int) -> None:
    grouped = f"{whole:,}".replace(",", ".")
    i18n.use("nl")
    try:
        assert parse_amount(grouped) == whole
        assert parse_amount(grouped + ",-") == whole
    finally:
        i18n.use("en")
