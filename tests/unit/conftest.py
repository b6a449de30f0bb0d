"""A fresh ledger session per test, cheaply, on the engine under test.

The ledger is the suite's ``db`` fixture (tests/conftest.py): on SQLite a copy of the empty
ledger made once per session (copying takes milliseconds, creating the schema a third of a
second); on PostgreSQL a database cloned from the server's template. Each test's session is
one write transaction that is rolled back at the end, so nothing a test does outlives it.
"""

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlmodel import Session

from helpers import Fresh, LedgerUnderTest
from wederkerig.store import database


@pytest.fixture
def ledger(db: LedgerUnderTest) -> Iterator[database.Database]:
    """The test's own empty ledger, opened the one way the CLI opens it."""
    opened = database.open_ledger(db.target)
    yield opened
    opened.dispose()


@pytest.fixture
def session(ledger: database.Database) -> Iterator[Session]:
    """One write transaction on the test's ledger, rolled back when the test ends."""
    with ledger.transaction(write=True, dry_run=True) as session:
        yield session


@pytest.fixture
def fresh(session: Session) -> Fresh:
    """For Hypothesis: each example works inside a savepoint that is rolled back after it,
    so every example starts from the same ledger without making a new one."""

    @contextmanager
    def example() -> Iterator[Session]:
        savepoint = session.begin_nested()
        try:
            yield session
        finally:
            savepoint.rollback()
            session.expunge_all()

    return example
