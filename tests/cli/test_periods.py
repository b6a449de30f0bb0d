"""--period: named stretches of time on every date filter, relative to the injected today."""

import json
from datetime import date

import pytest

from helpers import Refused, Run, ok

DATES = ["2025-12-31", "2026-01-01", "2026-03-31", "2026-04-01", "2026-08-28", "2026-08-29",
         "2026-10-01", "2026-10-31", "2026-11-01", "2026-11-26"]  # fmt: skip


@pytest.fixture
def spread(run: Run) -> Run:
    """One knowledge entry given on each of DATES (TODAY is 2026-11-26)."""
    ok(run("contact", "add", "Anna de Vries"))
    for day in DATES:
        ok(run("log", "Anna de Vries", "gave", "knowledge", day, "--on", day))
    return run


def dates_in(run: Run, *args: str) -> list[str]:
    rows = json.loads(ok(run("entries", *args, "--format", "json")).stdout)
    return [row["date"] for row in rows]


@pytest.mark.parametrize(
    ("period", "expected"),
    [
        ("2026", DATES[1:]),
        ("2025", ["2025-12-31"]),
        ("2026-Q1", ["2026-01-01", "2026-03-31"]),
        ("2026-q2", ["2026-04-01"]),
        ("2026-10", ["2026-10-01", "2026-10-31"]),
        ("this-month", ["2026-11-01", "2026-11-26"]),
        ("last-month", ["2026-10-01", "2026-10-31"]),
        ("this-quarter", ["2026-10-01", "2026-10-31", "2026-11-01", "2026-11-26"]),
        ("last-quarter", ["2026-08-28", "2026-08-29"]),
        ("last-year", ["2025-12-31"]),
        ("last-90-days", ["2026-08-29", "2026-10-01", "2026-10-31", "2026-11-01", "2026-11-26"]),
    ],
)
def test_period_selects_exactly_its_days(spread: Run, period: str, expected: list[str]) -> None:
    assert dates_in(spread, "--period", period) == expected


def test_period_follows_the_injected_today(spread: Run) -> None:
    assert dates_in(spread, "--period", "this-month") == ["2026-11-01", "2026-11-26"]
    january = dates_in(
        lambda *a, **k: spread(*a, today=date(2026, 1, 15), **k), "--period", "last-month"
    )
    assert january == ["2025-12-31"]


def test_balance_of_the_four_quarters_adds_up_to_the_year(spread: Run) -> None:
    def given(period: str) -> int:
        rows = json.loads(ok(spread("balance", "--period", period, "--format", "json")).stdout)
        return sum(row["gave"] for row in rows)

    quarters = [given(f"2026-Q{quarter}") for quarter in range(1, 5)]
    assert sum(quarters) == given("2026") == len(DATES) - 1


@pytest.mark.parametrize("period", ["2026-13", "2026-Q5", "last-0-days", "soon", ""])
def test_unreadable_periods_are_refused(spread: Run, refused: Refused, period: str) -> None:
    result = refused(2, "balance", "--period", period)
    assert "period" in result.stderr


def test_period_excludes_since_and_until(spread: Run, refused: Refused) -> None:
    result = refused(2, "entries", "--period", "2026", "--since", "2026-02-01")
    assert "--period" in result.stderr
