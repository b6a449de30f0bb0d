"""The demo fills a consistent ledger: every entry belongs to a demo contact, nothing lies in
the future, and the reports agree with one another."""

from datetime import date

import pytest
from sqlmodel import Session

from helpers import NOW, TODAY
from wederkerig.core.vocabulary import Status
from wederkerig.store.filters import Selection
from wederkerig.usecases.balances import balance_rows, total
from wederkerig.usecases.contacts import list_contacts
from wederkerig.usecases.demo import CONTACTS, fill_demo_ledger
from wederkerig.usecases.entries import iter_entries
from wederkerig.usecases.groups import list_groups
from wederkerig.usecases.introductions import list_introductions


@pytest.mark.parametrize("today", [TODAY, date(2026, 1, 3)], ids=["november", "new-year"])
def test_the_demo_ledger_is_consistent(session: Session, today: date) -> None:
    written = fill_demo_ledger(session, today=today, now=NOW)
    everything = list(iter_entries(session, Selection(statuses=None)))
    assert len(everything) == written
    assert {card.name for card in list_contacts(session)} == {c.name for c in CONTACTS}
    assert all(row.date <= today for row in everything)
    assert all(row.due is None or row.due >= row.date for row in everything)
    assert {row.status for row in everything} == {Status.DONE, Status.PROMISED}
    done = [row for row in everything if row.status == Status.DONE]
    rows = balance_rows(session, Selection())
    assert total(rows).entries == len(done)
    assert sum(row.net for row in rows) == sum(
        row.value if row.direction == "gave" else -row.value for row in done
    )
    for introduction in list_introductions(session):
        assert len(introduction.entries.split(";")) == 2  # one access entry per side
    assert [(group.name, group.members) for group in list_groups(session)] == [("Drechtsteden", 4)]
