"""How SQLite plans the listings in date order: through the date index, stopping at the rows a
table shows, not by sorting every done entry (1.3-1.6 s at a million entries, issue #15).
SQLite keeps no statistics, so these plans are the same for any number of entries."""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from itertools import islice
from typing import Any

import pytest
from sqlalchemy import event
from sqlmodel import Session

from helpers import NOW
from wederkerig.core.vocabulary import Status
from wederkerig.store.filters import Selection
from wederkerig.usecases.balances import balance_rows
from wederkerig.usecases.cadence import due_items
from wederkerig.usecases.contacts import add_contact, resolve_contact
from wederkerig.usecases.entries import iter_entries, newest_entries

pytestmark = pytest.mark.sqlite_only(reason="the plans of SQLite's query planner")
TODAY = date(2026, 12, 3)


@contextmanager
def plans(session: Session) -> Iterator[list[tuple[str, str]]]:
    """Every statement that reads entries, with its query plan, as it runs."""
    found: list[tuple[str, str]] = []
    connection = session.connection()

    def explain(conn: object, cursor: object, statement: str, params: Any, *_: object) -> None:
        if statement.lstrip().upper().startswith("SELECT") and "entry" in statement:
            rows = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", params)
            found.append((statement, "\n".join(row[3] for row in rows)))

    event.listen(connection, "before_cursor_execute", explain)
    try:
        yield found
    finally:
        event.remove(connection, "before_cursor_execute", explain)


# Each listing, and a word only its statement in date order holds.
LISTINGS: dict[str, tuple[Callable[[Session], object], str]] = {
    "entries, the newest 50": (
        lambda session: newest_entries(session, Selection(statuses=(Status.DONE,)), 50),
        "LIMIT",
    ),
    "due, what is left unanswered": (
        lambda session: list(islice(due_items(session, today=TODAY), 50)),
        "AS answer",
    ),
}


@pytest.mark.parametrize("listing", LISTINGS)
def test_a_listing_in_date_order_walks_the_date_index(session: Session, listing: str) -> None:
    run, marker = LISTINGS[listing]
    with plans(session) as found:
        run(session)
    (plan,) = [plan for statement, plan in found if marker in statement]
    assert "USING INDEX ix_entry_occurred_on" in plan, plan
    assert "TEMP B-TREE FOR ORDER BY" not in plan, plan


def test_the_balance_still_reads_only_done_entries_from_its_covering_index(
    session: Session,
) -> None:
    with plans(session) as found:
        balance_rows(session, Selection())
    assert any("COVERING INDEX ix_entry_balance (status=?)" in plan for _, plan in found), found


def test_one_contacts_entries_are_found_through_the_balance_index(session: Session) -> None:
    """Narrowed to one contact, the way in is (status, contact_id), not a walk of the date
    index over every entry (balance NAME at a million entries took 1.5 s that way)."""
    add_contact(session, "Anna", now=NOW)
    anna = resolve_contact(session, "Anna").id
    with plans(session) as found:
        list(iter_entries(session, Selection(contact_id=anna)))
    (plan,) = [plan for _, plan in found]
    assert "ix_entry_balance (status=? AND contact_id=?)" in plan, plan
