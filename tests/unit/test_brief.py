"""A brief on one contact before a meeting: their totals, what is open, and what to do."""

from decimal import Decimal

from sqlmodel import Session

from helpers import NOW, TODAY, ago, logged
from wederkerig.core.vocabulary import Direction, Kind
from wederkerig.usecases.balances import Tally
from wederkerig.usecases.brief import brief
from wederkerig.usecases.cadence import set_contact_cadence
from wederkerig.usecases.contacts import add_contact
from wederkerig.usecases.introductions import make_introduction

GAVE, RECEIVED = Direction.GAVE, Direction.RECEIVED


def test_the_brief_holds_their_totals_and_whats_open(session: Session) -> None:
    logged(session, "Anna", GAVE, Kind.TALENT, 2, on=ago(50))
    received = logged(session, "Anna", RECEIVED, Kind.MONEY, 1, amount="20", on=ago(12))
    mine = logged(session, "Anna", GAVE, on=ago(9), promise=True, due=ago(3), description="a CV")
    logged(session, "Bram", GAVE, value=9)
    found = brief(session, "anna", today=TODAY)
    # a promise is made in a conversation, so it counts as being in touch
    assert (found.contact.name, found.last_date, found.days_since) == ("Anna", ago(9), 9)
    assert found.tally == Tally(2, 1)
    assert (found.amount_gave, found.amount_received) == (Decimal("0.00"), Decimal("20.00"))
    assert [p.entry.id for p in found.promises] == [mine.id]
    assert [loop.entry.id for loop in found.loops if loop.entry.direction == RECEIVED] == [
        received.id
    ]
    assert [row.contact for row in found.recent] == ["Anna", "Anna"]
    assert sum(found.monthly.of(GAVE)) == 2


def test_suggestions_start_with_an_overdue_promise_of_mine(session: Session) -> None:
    logged(session, "Anna", RECEIVED, on=ago(12))
    promised = logged(
        session, "Anna", GAVE, on=ago(9), promise=True, due=ago(3), description="a CV"
    )
    said = brief(session, "Anna", today=TODAY).suggestions
    assert said[0].startswith('You promised "a CV" and it is 3 days overdue')
    assert f"keep {promised.id}" in said[0]
    assert any("still unanswered (12 days)" in line for line in said)


def test_a_quiet_contact_past_their_rhythm_gets_a_nudge(session: Session) -> None:
    logged(session, "Anna", on=ago(70))
    set_contact_cadence(session, "Anna", 30)
    said = brief(session, "Anna", today=TODAY).suggestions
    assert said == [
        "You have not been in touch for 70 days; your rhythm with them is every 30 days."
    ]


def test_an_introduction_without_an_outcome_is_followed_up(session: Session) -> None:
    add_contact(session, "Anna", now=NOW)
    add_contact(session, "Bram", now=NOW)
    make_introduction(session, "Anna", "Bram", on=ago(60), now=NOW)
    said = brief(session, "Anna", today=TODAY).suggestions
    assert any("with Bram went" in line for line in said)


def test_nobody_logged_yet_is_said_so(session: Session) -> None:
    add_contact(session, "Anna", now=NOW)
    found = brief(session, "Anna", today=TODAY)
    assert (found.last_date, found.tally, found.recent) == (None, Tally(), [])
    assert found.suggestions == [
        "Nothing is logged with them yet: after you meet, 'wederkerig log' it."
    ]
