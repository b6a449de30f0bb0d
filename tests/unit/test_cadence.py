"""Staying in touch: a cadence per contact or tag, and what is due today."""

from datetime import timedelta

import pytest
from sqlmodel import Session

from helpers import NOW, TODAY, ago, logged
from wederkerig.core.errors import NotFoundError
from wederkerig.core.vocabulary import Direction
from wederkerig.usecases.cadence import (
    Reason,
    TagRow,
    due_items,
    list_tags,
    set_contact_cadence,
    set_tag_cadence,
)
from wederkerig.usecases.contacts import add_contact, contact_cadence, resolve_contact


def due(session: Session, **options: int) -> list[tuple[Reason, str, int]]:
    return [
        (item.reason, item.contact, item.days_late)
        for item in due_items(session, today=TODAY, **options)
    ]


def test_a_contact_is_due_once_their_cadence_has_passed(session: Session) -> None:
    logged(session, "Anna", on=ago(40))
    logged(session, "Bram", on=ago(10))
    set_contact_cadence(session, "Anna", 30)
    set_contact_cadence(session, "Bram", 30)
    assert due(session) == [(Reason.CADENCE, "Anna", 10)]
    assert due(session, within_days=20) == [
        (Reason.CADENCE, "Anna", 10),
        (Reason.CADENCE, "Bram", -20),
    ]


def test_clearing_a_cadence_makes_nobody_due(session: Session) -> None:
    logged(session, "Anna", on=ago(40))
    set_contact_cadence(session, "Anna", 30)
    set_contact_cadence(session, "Anna", None)
    assert due(session) == []


def test_a_tag_cadence_applies_unless_the_contact_has_their_own(session: Session) -> None:
    add_contact(session, "Anna", tags=["partner"], now=NOW)
    add_contact(session, "Bram", tags=["Partner"], now=NOW)
    logged(session, "Anna", on=ago(45))
    logged(session, "Bram", on=ago(45))
    set_tag_cadence(session, "PARTNER", 30)
    set_contact_cadence(session, "Bram", 60)
    assert due(session) == [(Reason.CADENCE, "Anna", 15)]
    assert list_tags(session) == [TagRow("partner", 2, 30)]
    assert contact_cadence(session, resolve_contact(session, "Anna").id or 0) == 30


def test_a_tag_nobody_carries_is_refused(session: Session) -> None:
    with pytest.raises(NotFoundError, match="no contact has the tag 'vrienden'"):
        set_tag_cadence(session, "Vrienden", 30)


def test_overdue_promises_are_due_mine_first(session: Session) -> None:
    logged(session, "Anna", Direction.RECEIVED, on=ago(20), promise=True, due=ago(5))
    logged(session, "Bram", Direction.GAVE, on=ago(20), promise=True, due=ago(2))
    logged(session, "Cees", Direction.GAVE, on=ago(20), promise=True, due=TODAY + timedelta(9))
    assert due(session) == [(Reason.MY_PROMISE, "Bram", 2), (Reason.THEIR_PROMISE, "Anna", 5)]


def test_what_was_received_long_ago_and_not_answered_is_due(session: Session) -> None:
    logged(session, "Anna", Direction.RECEIVED, on=ago(45))
    logged(session, "Bram", Direction.RECEIVED, on=ago(10))
    assert due(session, unanswered_after_days=30) == [(Reason.UNANSWERED, "Anna", 15)]
