"""The ledger's schema: which revision a ledger is at, and bringing it to the newest one
(Alembic, under SQLite's write lock or a PostgreSQL advisory lock), after copying an older
ledger file aside. :mod:`wederkerig.store.database` decides when; this module knows how."""

import os
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, inspect, text

from wederkerig.core.errors import StorageError
from wederkerig.core.i18n import _
from wederkerig.settings import paths

SCHEMA_HEAD = "0010"  # the newest revision in migrations/versions; a test keeps them equal
# The execution option that makes a transaction a writing one (BEGIN IMMEDIATE on SQLite).
WRITE = "wederkerig_write"
_UPGRADE_LOCK = 0x77656465  # 'wede': the PostgreSQL advisory lock schema changes take


@dataclass(frozen=True)
class Upgrade:
    """An older ledger brought to the current schema, and where its old copy was kept."""

    old: str
    new: str
    backup: Path | None


def schema_revision(connection: Connection, where: str) -> str | None:
    """The ledger's schema revision; ``None`` for an empty database. Reads only."""
    tables = set(inspect(connection).get_table_names())
    if not tables:
        return None
    if "alembic_version" not in tables or "entry" not in tables:
        raise StorageError(
            _(
                "{ledger} belongs to another program (it has no wederkerig tables): "
                "choose another --db"
            ).format(ledger=where)
        )
    revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    return str(revision) if revision is not None else None


def upgrade(engine: Engine, where: str, path: Path | None = None) -> Upgrade | None:
    """Bring the schema to head, exactly once even when several processes try at the same time;
    an older ledger file at ``path`` is copied aside first."""
    from alembic import command  # only paid for when the schema changes

    config = alembic_config()
    known = known_revisions()
    with engine.connect() as connection:
        refuse_newer(schema_revision(connection, where), known, where)
    sqlite = engine.dialect.name == "sqlite"
    with engine.execution_options(**{WRITE: True}).connect() as connection:
        if sqlite:  # see _foreign_keys; set before the transaction, as SQLite requires
            _foreign_keys(connection, on=False)
        try:
            with connection.begin():
                if not sqlite:  # members upgrading at once: one migrates, the others wait
                    connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_UPGRADE_LOCK})")
                revision = schema_revision(connection, where)  # again, under the write lock
                if revision == SCHEMA_HEAD:
                    return None  # another process upgraded it while this one waited
                refuse_newer(revision, known, where)
                backup = None
                if revision is not None and path is not None:
                    backup = _backup_before_upgrade(path, revision)
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
                if sqlite and connection.exec_driver_sql("PRAGMA foreign_key_check").first():
                    raise StorageError(
                        _(
                            "upgrading {ledger} would leave rows pointing at missing rows; "
                            "it was left as it was: restore it from a backup"
                        ).format(ledger=where)
                    )
        finally:  # the connection goes back to the pool: never with foreign keys off
            if sqlite:
                _foreign_keys(connection, on=True)
    if engine.dialect.name == "sqlite":
        ensure_wal(engine)
    return None if revision is None else Upgrade(revision, SCHEMA_HEAD, backup)


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(alembic_config())
    return {script.revision for script in scripts.walk_revisions()}


def _foreign_keys(connection: Connection, *, on: bool) -> None:
    """Switch SQLite's foreign-key enforcement for this connection.

    Migrations that rebuild a table (copy, drop the old, rename) must run with it off: with it
    on, dropping the old table checks every row against the new one, which took longer than
    twenty minutes for a million entries. The whole result is checked once afterwards.
    """
    driver = connection.connection.driver_connection
    assert isinstance(driver, sqlite3.Connection)
    driver.execute(f"PRAGMA foreign_keys = {'ON' if on else 'OFF'}")


def ensure_wal(engine: Engine) -> None:
    """WAL: readers never block the writer. The setting persists in the file, but a restored
    backup (written in rollback-journal mode, to be one self-contained file) lacks it."""
    raw = engine.raw_connection()
    try:
        cursor = raw.driver_connection.execute("PRAGMA journal_mode")  # type: ignore[union-attr]
        if cursor.fetchone()[0] != "wal":
            raw.driver_connection.execute("PRAGMA journal_mode = WAL")  # type: ignore[union-attr]
    finally:
        raw.close()


def refuse_newer(revision: str | None, known: set[str], where: str) -> None:
    if revision is not None and revision not in known:
        raise StorageError(
            _(
                "{ledger} was written by a newer wederkerig (schema {revision}): "
                "upgrade wederkerig to use it"
            ).format(ledger=where, revision=revision)
        )


def alembic_config() -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", "wederkerig.store:migrations")
    return config


def _backup_before_upgrade(database: Path, revision: str) -> Path:
    """Copy an old ledger aside (0600) before its schema changes, through SQLite's backup API.

    It reads through a connection of its own: the upgrading one holds the write lock, and
    SQLite refuses to back up from a connection that is writing. The copy is written as a
    draft and linked to a free name only when complete, so a kill leaves no empty ``.bak``;
    drafts that killed upgrades left are removed first.
    """
    ledger = Path(database)
    for stale in paths.stale_drafts(ledger.parent):
        stale.unlink(missing_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    name = f"{ledger.name}.schema-{revision}-{stamp}"
    descriptor, draft = paths.open_draft(ledger.with_name(f"{name}.bak"))
    os.close(descriptor)
    try:
        source = sqlite3.connect(paths.sqlite_uri(database, mode="ro"), uri=True)
        copy = sqlite3.connect(draft)
        try:
            source.backup(copy)
        finally:
            copy.close()
            source.close()
        return _link_free(draft, ledger.parent, name)
    except (OSError, sqlite3.Error) as error:  # the disk filled up: the ledger is untouched
        reason = error.strerror if isinstance(error, OSError) and error.strerror else error
        raise StorageError(
            _(
                "cannot copy {ledger} aside before upgrading it ({error}); it was left as it "
                "was: free some disk space and try again"
            ).format(ledger=database, error=reason)
        ) from None
    finally:
        for leftover in (draft, Path(f"{draft}-journal")):
            leftover.unlink(missing_ok=True)


def _link_free(draft: Path, folder: Path, name: str) -> Path:
    """Give ``draft`` the name ``<name>.bak``, or ``<name>-2.bak`` and so on when taken (a
    retry within the same second): a link never replaces a file that is there."""
    number = 1
    while True:
        target = folder / (f"{name}.bak" if number == 1 else f"{name}-{number}.bak")
        try:
            os.link(draft, target)
        except FileExistsError:
            number += 1
            continue
        return target
