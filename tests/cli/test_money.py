"""Amounts of money: one currency per ledger (the 'currency' setting, euros by default), typed
with or without its sign, shown the way the reader's language writes amounts, never converted."""

from collections.abc import Iterator

import pytest

from helpers import Refused, Run, ok, parse_csv
from wederkerig.core import i18n


@pytest.fixture
def anna(run: Run) -> Run:
    ok(run("contact", "add", "Anna de Vries", "--alias", "Anna"))
    return run


def amounts(run: Run) -> list[str]:
    """The amounts as the entries export writes them: bare numbers, whatever the currency."""
    return [row["amount"] for row in parse_csv(ok(run("export")).stdout)]


@pytest.mark.parametrize("typed", ["12,50", "€ 12,50", "€12.50", "12.50 EUR", "eur 12,50"])
def test_an_amount_in_euros_is_read_with_or_without_its_sign(anna: Run, typed: str) -> None:
    ok(anna("log", "Anna", "gave", "money", "--amount", typed))
    assert amounts(anna) == ["12.50"]


@pytest.mark.parametrize("typed", ["1 250,00", "€ 1 250", "€\N{NO-BREAK SPACE}1.250,00"])
def test_spaces_may_group_thousands(anna: Run, typed: str) -> None:
    ok(anna("log", "Anna", "gave", "money", "--amount", typed))
    assert amounts(anna) == ["1250.00"]


@pytest.mark.parametrize("typed", ["12 50", "-12", "+5", "1 2500"])
def test_what_is_no_amount_is_called_so_not_another_currency(
    anna: Run, refused: Refused, typed: str
) -> None:
    result = refused(2, "log", "Anna", "gave", "money", "--amount", typed)
    assert f"amount '{typed}' is not an amount of money" in result.stderr


@pytest.mark.parametrize("typed", ["$12", "12 USD", "£ 5", "CHF 20"])
def test_an_amount_in_another_currency_is_refused_not_converted(
    anna: Run, refused: Refused, typed: str
) -> None:
    result = refused(2, "log", "Anna", "gave", "money", "--amount", typed)
    assert "in EUR (the 'currency' setting) and are never converted" in result.stderr


def test_the_currency_setting_changes_what_is_read_and_shown(anna: Run) -> None:
    assert ok(anna("config", "set", "currency", "usd")).stderr  # stored in capitals
    assert ok(anna("config", "get", "currency")).stdout == "USD\n"
    ok(anna("log", "Anna", "received", "money", "--amount", "$2,500.00"))
    ok(anna("log", "Anna", "gave", "money", "--amount", "US$ 12,50"))
    assert amounts(anna) == ["2500.00", "12.50"]
    table = ok(anna("balance")).stdout
    assert "you gave $12.50 and received $2,500.00" in table
    refusal = anna("log", "Anna", "gave", "money", "--amount", "€5")
    assert refusal.exit_code == 2
    assert "in USD (the 'currency' setting)" in refusal.stderr


def test_changing_the_currency_relabels_what_was_logged_and_converts_nothing(anna: Run) -> None:
    """The currency is a user setting, not stored in the ledger (docs/concepts.md)."""
    ok(anna("log", "Anna", "gave", "money", "--amount", "12,50"))
    assert "you gave €12.50 and received €0.00" in ok(anna("balance")).stdout
    ok(anna("config", "set", "currency", "GBP"))
    assert "you gave £12.50 and received £0.00" in ok(anna("balance")).stdout
    assert amounts(anna) == ["12.50"]


def test_an_unknown_currency_code_is_refused_with_examples(run: Run) -> None:
    result = run("config", "set", "currency", "EURO")
    assert result.exit_code == 2
    assert "unknown currency 'EURO': give an ISO 4217 code such as EUR" in result.stderr
    assert ok(run("config", "get", "currency")).stdout == "EUR\n"  # the default, unchanged


@pytest.fixture
def back_to_english() -> Iterator[None]:
    """The console script chooses the language once per process; in here a test switches it
    with ``i18n.use``, and the next test speaks English again."""
    yield
    i18n.use("en")


def test_dutch_writes_amounts_the_dutch_way(anna: Run, back_to_english: None) -> None:
    ok(anna("log", "Anna", "received", "money", "--amount", "1.250,50"))
    english = ok(anna("balance")).stdout
    csv_english = ok(anna("export")).stdout
    i18n.use("nl")  # as main() does for WEDERKERIG_LANG=nl
    assert "€1,250.50" in english
    assert "€\N{NO-BREAK SPACE}1.250,50" in ok(anna("balance")).stdout  # the sign stays put
    assert ok(anna("export")).stdout == csv_english  # 1250.50 in both
