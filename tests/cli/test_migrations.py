"""Schema versions: models and migrations agree, and every older ledger upgrades with its data.

tests/fixtures holds the demo ledger at every schema version (ledger-<revision>.db); add one
for each new migration, made with the code of that revision, so every path up stays tested.
"""

import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine
from sqlmodel import SQLModel

from helpers import (
    FIXTURES,
    LedgerUnderTest,
    Run,
    SqliteLedger,
    count_rows,
    killed_draft,
)
from wederkerig.store import database, models, schema  # noqa: F401  (models registers the tables)

OLD_FILES = pytest.mark.sqlite_only(reason="the older ledgers in tests/fixtures are SQLite files")


def test_schema_head_constant_is_the_newest_migration() -> None:
    scripts = ScriptDirectory.from_config(schema.alembic_config())
    assert scripts.get_current_head() == schema.SCHEMA_HEAD


def test_models_and_migrations_agree(db: LedgerUnderTest, run: Run) -> None:
    """No model change can land without its migration (and the other way round)."""
    assert run("contact", "list").exit_code == 0  # the test's ledger was made by the migrations
    engine = create_engine(db.url)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, SQLModel.metadata) == []
    engine.dispose()


@OLD_FILES
@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("ledger-*.db")), ids=lambda p: p.stem)
def test_older_ledger_upgrades_with_its_data(fixture: Path, ledger_path: Path, run: Run) -> None:
    shutil.copy(fixture, ledger_path)
    before = count_rows(ledger_path)

    result = run("balance", "Anneke de Vries", "--format", "json")

    assert result.exit_code == 0, result.stderr
    assert '"net": -1' in result.stdout  # the demo's known balance for Anneke survived
    assert count_rows(ledger_path) == before >= 28  # the demo, plus what later versions add
    assert count_rows(ledger_path, "contact") == 10
    with sqlite3.connect(ledger_path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        (version,) = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        amount = connection.execute(
            "SELECT amount_cents FROM entry WHERE description LIKE 'Sponsorship%'"
        ).fetchone()
    connection.close()
    assert version == schema.SCHEMA_HEAD
    assert amount == (250000,)
    backups = list(ledger_path.parent.glob(f"{ledger_path.name}.schema-*.bak"))
    if fixture.stem == f"ledger-{schema.SCHEMA_HEAD}":
        assert backups == [], "a ledger at the current schema is not upgraded or copied"
        return
    assert len(backups) == 1, "an upgrade first copies the old ledger aside"
    assert backups[0].stat().st_mode & 0o777 == 0o600
    assert count_rows(backups[0]) == before


@pytest.mark.sqlite_only(reason="a ledger file's upgrade copies it aside (*.bak)")
def test_current_ledger_is_not_backed_up_again(ledger_path: Path, run: Run) -> None:
    run("contact", "add", "Anna")
    run("contact", "list")
    assert list(ledger_path.parent.glob("*.bak")) == []


@OLD_FILES
def test_a_failing_migration_leaves_the_old_version_usable(ledger_path: Path, run: Run) -> None:
    shutil.copy(FIXTURES / "ledger-0001.db", ledger_path)
    with sqlite3.connect(ledger_path) as connection:  # 0002 starts by dropping this index
        connection.execute("DROP INDEX ix_entry_balance")
    connection.close()

    result = run("balance")

    assert result.exit_code == 3
    assert "ix_entry_balance" in result.stderr
    assert "Traceback" not in result.stderr
    with sqlite3.connect(ledger_path) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert connection.execute("SELECT count(*) FROM entry").fetchone() == (28,)
    connection.close()


@pytest.mark.parametrize(
    "start",
    [
        "new",
        *(pytest.param(p.stem, marks=OLD_FILES) for p in sorted(FIXTURES.glob("ledger-*.db"))),
    ],
)
def test_entry_ids_are_never_reused_after_any_upgrade(
    start: str, db: LedgerUnderTest, run: Run
) -> None:
    """SQLite rebuilds tables in some migrations; AUTOINCREMENT must survive every rebuild."""
    if start != "new":
        assert isinstance(db, SqliteLedger)
        shutil.copy(FIXTURES / f"{start}.db", db.path)
    run("log", "--create", "Anna", "gave", "talent")
    newest = int(run("log", "Anna", "gave", "talent").stdout)
    assert run("rm", str(newest)).exit_code == 0
    assert int(run("log", "Anna", "gave", "talent").stdout) == newest + 1


@OLD_FILES
def test_db_upgrade_on_a_ledger_file_upgrades_it_or_says_nothing_to_do(
    ledger_path: Path, run: Run
) -> None:
    """A ledger file upgrades itself on first use anyway; the command still tells the truth."""
    shutil.copy(FIXTURES / "ledger-0005.db", ledger_path)
    first = run("db", "upgrade")
    assert first.exit_code == 0, first.stderr
    assert f"to {schema.SCHEMA_HEAD}" in first.stderr
    again = run("db", "upgrade")
    assert again.exit_code == 0
    assert "nothing to do" in again.stderr


@OLD_FILES
def test_an_upgrade_whose_copy_name_is_taken_chooses_a_free_one(
    ledger_path: Path, run: Run
) -> None:
    """A retry within the same second finds the first attempt's copy under the same name."""
    shutil.copy(FIXTURES / "ledger-0001.db", ledger_path)
    now = datetime.now(UTC)
    stamps = [f"{now + timedelta(seconds=s):%Y%m%dT%H%M%SZ}" for s in range(5)]
    taken = [ledger_path.parent / f"ledger.db.schema-0001-{stamp}.bak" for stamp in stamps]
    for path in taken:
        path.write_text("an earlier attempt's copy")
    result = run("contact", "list")
    assert result.exit_code == 0, result.stderr
    copies = sorted(ledger_path.parent.glob("ledger.db.schema-0001-*.bak"))
    (made,) = set(copies) - set(taken)
    assert count_rows(made) >= 28
    assert all(path.read_text() == "an earlier attempt's copy" for path in taken)


@OLD_FILES
def test_an_upgrade_removes_the_draft_copy_a_killed_upgrade_left(
    ledger_path: Path, run: Run
) -> None:
    shutil.copy(FIXTURES / "ledger-0001.db", ledger_path)
    draft = killed_draft(ledger_path.parent, "ledger.db.schema-0001-20261126T090000Z.bak")
    assert run("contact", "list").exit_code == 0
    assert not draft.exists()
    assert len(list(ledger_path.parent.glob("ledger.db.schema-0001-*.bak"))) == 1
