"""What a balance is: net = gave − received in points; money amounts are summed apart."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import Session

from helpers import NOW, TODAY, Fresh, logged
from wederkerig.core.dates import Every
from wederkerig.core.vocabulary import By, Direction, Kind
from wederkerig.store.filters import Selection
from wederkerig.usecases.balances import (
    BalanceRow,
    Tally,
    balance_report,
    balance_rows,
    contact_balance,
    in_words,
    largest_imbalances,
    total,
)
from wederkerig.usecases.contacts import add_contact
from wederkerig.usecases.groups import add_group, join_group
from wederkerig.usecases.periods import period_balances

GAVE, RECEIVED = Direction.GAVE, Direction.RECEIVED


def test_net_is_what_i_gave_minus_what_i_received(session: Session) -> None:
    logged(session, "Anna", GAVE, value=3)
    logged(session, "Anna", RECEIVED, value=5)
    (anna,) = balance_rows(session, Selection())
    assert (anna.label, anna.gave, anna.received, anna.net, anna.entries) == ("Anna", 3, 5, -2, 2)


def test_money_amounts_are_never_added_to_points(session: Session) -> None:
    logged(session, "Bram", GAVE, Kind.MONEY, 2, amount="250.00")
    logged(session, "Bram", RECEIVED, Kind.MONEY, 1, amount="12.50")
    (bram,) = balance_rows(session, Selection())
    assert (bram.gave, bram.received) == (2, 1)
    assert (bram.amount_gave, bram.amount_received) == (Decimal("250.00"), Decimal("12.50"))


def test_promises_count_only_once_kept(session: Session) -> None:
    logged(session, "Anna", GAVE, value=4, promise=True)
    assert balance_rows(session, Selection()) == []


def test_per_kind_tallies_add_up_to_the_row(session: Session) -> None:
    logged(session, "Anna", GAVE, Kind.TALENT, 2)
    logged(session, "Anna", RECEIVED, Kind.KNOWLEDGE, 3)
    (anna,) = balance_rows(session, Selection())
    assert anna.by_kind[Kind.TALENT] == Tally(2, 0)
    assert anna.by_kind[Kind.KNOWLEDGE] == Tally(0, 3)
    assert sum(anna.by_kind.values(), Tally()).net == anna.net
    by_kind = balance_rows(session, Selection(), by_kind=True)
    assert {(row.kind, row.net) for row in by_kind} >= {(Kind.TALENT, 2), (Kind.KNOWLEDGE, -3)}


def test_a_selection_limits_what_counts(session: Session) -> None:
    logged(session, "Anna", GAVE, value=2, on=TODAY - timedelta(days=40))
    logged(session, "Anna", GAVE, value=7)
    (recent,) = balance_rows(session, Selection(since=TODAY - timedelta(days=7)))
    assert recent.gave == 7
    assert recent.last_date == TODAY


def test_contact_balance_shows_one_person_and_their_entries(session: Session) -> None:
    logged(session, "Anna", GAVE, value=2, on=TODAY - timedelta(days=10))
    logged(session, "Anna", RECEIVED, value=1, on=TODAY - timedelta(days=3))
    logged(session, "Bram", GAVE, value=9)
    anna = contact_balance(session, "anna", Selection(), today=TODAY)
    assert anna.contact.name == "Anna"
    assert (anna.tally.net, anna.days_since) == (1, 3)
    assert [row.value for row in anna.entries] == [2, 1]  # date order


def test_a_contact_with_only_a_promise_has_an_empty_balance(session: Session) -> None:
    """A promise counts nothing, but making it was contact (one 'last contact', issue #14)."""
    logged(session, "Anna", promise=True)
    anna = contact_balance(session, "Anna", Selection(), today=TODAY)
    assert (anna.tally, anna.last_date, anna.days_since) == (Tally(), TODAY, 0)


def test_largest_imbalances_come_first(session: Session) -> None:
    logged(session, "Anna", GAVE, value=1)
    logged(session, "Bram", RECEIVED, value=6)
    logged(session, "Cees", GAVE, value=3)
    ranked = largest_imbalances(balance_rows(session, Selection()), 2)
    assert [row.label for row in ranked] == ["Bram", "Cees"]


def test_in_words_says_which_way_the_balance_leans() -> None:
    assert in_words(Tally(3, 1)) == "you gave 2 more points than you received"
    assert in_words(Tally(0, 1), Kind.TALENT) == "you received 1 more point of talent than you gave"
    assert in_words(Tally(2, 2)) == "even: 2 points each way"
    assert in_words(Tally()) == "nothing either way"


entries = st.lists(
    st.tuples(
        st.sampled_from(["Anna", "Bram", "Cees"]),
        st.sampled_from(Direction),
        st.sampled_from([Kind.KNOWLEDGE, Kind.TALENT, Kind.ACCESS]),
        st.integers(1, 50),
    ),
    max_size=12,
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(entries)
def test_per_contact_nets_sum_to_the_total_net(
    fresh: Fresh, written: list[tuple[str, Direction, Kind, int]]
) -> None:
    with fresh() as session:
        for contact, direction, kind, value in written:
            logged(session, contact, direction, kind, value)
        rows = balance_rows(session, Selection())
        everything = total(rows)
        assert sum(row.net for row in rows) == everything.net
        gave = sum(value for _c, d, _k, value in written if d is GAVE)
        received = sum(value for _c, d, _k, value in written if d is RECEIVED)
        assert (everything.gave, everything.received, everything.entries) == (
            gave,
            received,
            len(written),
        )


every_kind = st.lists(
    st.tuples(
        st.sampled_from(["Anna", "Bram"]),
        st.sampled_from(Direction),
        st.sampled_from(Kind),
        st.integers(1, 9),
        st.integers(0, 400),  # days ago
        st.integers(1, 99_999),  # cents, for money
    ),
    max_size=14,
)


@dataclass
class Folded:
    """A balance row's figures, folded entry by entry in the plainest way."""

    points: dict[tuple[Kind, Direction], int] = field(
        default_factory=lambda: {(kind, way): 0 for kind in Kind for way in Direction}
    )
    entries: int = 0
    last: date | None = None
    last_gave: date | None = None
    cents: dict[Direction, int] = field(default_factory=lambda: dict.fromkeys(Direction, 0))

    def add(self, direction: Direction, kind: Kind, value: int, on: date, cents: int) -> None:
        self.points[kind, direction] += value
        self.entries += 1
        self.last = max(self.last or on, on)
        if direction is GAVE:
            self.last_gave = max(self.last_gave or on, on)
        self.cents[direction] += cents

    @classmethod
    def of(cls, row: BalanceRow) -> "Folded":
        return cls(
            {(kind, way): getattr(row.by_kind[kind], way.value) for kind in Kind
             for way in Direction},
            row.entries,
            row.last_date,
            row.last_gave,
            {GAVE: int(row.amount_gave * 100), RECEIVED: int(row.amount_received * 100)},
        )  # fmt: skip


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(every_kind)
def test_every_figure_of_a_balance_row_is_the_fold_of_its_entries(
    fresh: Fresh, written: list[tuple[str, Direction, Kind, int, int, int]]
) -> None:
    """Points per kind and way, counts, last dates (given, and either way), money amounts
    and the footer: the fold of the GROUP BY's rows against a plain loop over the entries."""
    with fresh() as session:
        expected: dict[tuple[str, Kind | None], Folded] = defaultdict(Folded)
        for contact, direction, kind, value, days_ago, cents in written:
            on = TODAY - timedelta(days=days_ago)
            money = kind is Kind.MONEY
            logged(session, contact, direction, kind, value, on=on,
                   amount=f"{cents / 100:.2f}" if money else None)  # fmt: skip
            for key in ((contact, None), (contact, kind)):
                expected[key].add(direction, kind, value, on, cents if money else 0)

        rows = balance_rows(session, Selection())
        assert {(row.label, None): Folded.of(row) for row in rows} == {
            key: folded for key, folded in expected.items() if key[1] is None
        }
        for row in rows:
            assert (row.gave, row.received) == (
                sum(tally.gave for tally in row.by_kind.values()),
                sum(tally.received for tally in row.by_kind.values()),
            )
        by_kind = balance_rows(session, Selection(), by_kind=True)
        assert {(row.label, row.kind): Folded.of(row) for row in by_kind} == {
            key: folded for key, folded in expected.items() if key[1] is not None
        }
        footer = total(by_kind)
        assert footer == total(rows)
        assert footer.by_kind == {
            kind: Tally(
                sum(v for _c, d, k, v, *_rest in written if k is kind and d is GAVE),
                sum(v for _c, d, k, v, *_rest in written if k is kind and d is RECEIVED),
            )
            for kind in Kind
        }


def test_a_contact_in_two_groups_counts_once_in_the_total(session: Session) -> None:
    for group in ("Haven", "Regio"):
        add_group(session, group)
    logged(session, "Anna", GAVE, value=3, on=date(2026, 10, 5))
    logged(session, "Bram", RECEIVED, value=1, on=date(2026, 11, 2))
    join_group(session, "Haven", ["Anna", "Bram"])
    join_group(session, "Regio", ["Anna"])
    found = period_balances(session, Selection(), Every.MONTH, by=By.GROUP, today=TODAY)
    assert found.periods == ("2026-10", "2026-11")
    assert [(row.label, row.nets) for row in found.rows] == [
        ("Haven", (3, -1)),
        ("Regio", (3, 0)),
    ]
    assert found.total.nets == (3, -1)


def test_a_balance_report_counts_overlapping_groups_once_and_shows_older_promises(
    session: Session,
) -> None:
    for group in ("Haven", "Regio"):
        add_group(session, group)
    logged(session, "Anna", GAVE, value=3)
    logged(session, "Bram", RECEIVED, promise=True, on=TODAY - timedelta(days=60))
    join_group(session, "Haven", ["Anna", "Bram"])
    join_group(session, "Regio", ["Anna"])
    this_week = Selection(since=TODAY - timedelta(days=7))
    report = balance_report(session, this_week, by=By.GROUP, today=TODAY)
    assert [(row.label, row.gave) for row in report.rows] == [("Haven", 3), ("Regio", 3)]
    assert report.total.gave == 3
    assert [promise.entry.contact for promise in report.promises] == ["Bram"]
    bram = contact_balance(session, "Bram", this_week, today=TODAY)
    assert [promise.entry.contact for promise in bram.promises] == ["Bram"]


def test_balances_by_organisation_put_those_without_one_last(session: Session) -> None:
    add_contact(session, "Anna", organisation="Gemeente", now=NOW)
    add_contact(session, "Bram", organisation="Gemeente", now=NOW)
    logged(session, "Anna", value=2)
    logged(session, "Bram", value=3)
    logged(session, "Cees", value=4)
    rows = balance_rows(session, Selection(), by=By.ORGANISATION)
    assert [(row.label, row.gave) for row in rows] == [("Gemeente", 5), ("(no organisation)", 4)]
