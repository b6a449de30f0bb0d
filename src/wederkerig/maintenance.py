"""Upkeep of a SQLite ledger file: consistent backups, scrubbing erased data, health checks.

These work on the file itself with the stdlib ``sqlite3`` module: a backup must be a page-level
copy, and a health check must read a ledger without upgrading or otherwise changing it.
"""

import os
import sqlite3
import stat
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from wederkerig import paths
from wederkerig.errors import StorageError

BACKUP_PREFIX = "ledger-"
BACKUP_SUFFIX = ".db"


def backup_dir() -> Path:
    return paths.data_dir() / "backups"


def sqlite_path(target: str) -> Path:
    """The file behind a target, or a clear refusal for a server database."""
    path = paths.sqlite_file(target)
    if path is None:
        raise StorageError(
            f"{paths.describe(target)} is a database server: back it up and check it with its "
            "own tools (for PostgreSQL, pg_dump)"
        )
    return path


def backup(ledger: Path, destination: Path | None = None, *, now: datetime) -> Path:
    """Copy the ledger page by page while others may write, verify the copy, keep it private.

    The copy is written beside its destination and renamed into place only once it passed
    ``integrity_check``, so a backup file is always complete.
    """
    if destination is None:
        paths.make_private_dir(backup_dir())
        destination = _fresh_name(backup_dir(), now)
    destination = destination.expanduser()
    if destination.is_dir():
        destination = _fresh_name(destination, now)
    draft = destination.with_name(f".{destination.name}.part")
    try:
        os.close(os.open(draft, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600))
        source = sqlite3.connect(f"file:{ledger}?mode=ro", uri=True)
        copy = sqlite3.connect(draft)
        try:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")  # a backup is one self-contained file
            (verdict,) = copy.execute("PRAGMA integrity_check").fetchone()
        finally:
            copy.close()
            source.close()
        if verdict != "ok":
            raise StorageError(f"the backup of {ledger} failed its integrity check: {verdict}")
        os.replace(draft, destination)
    except (OSError, sqlite3.Error) as error:
        raise StorageError(f"cannot back up {ledger} to {destination}: {error}") from None
    finally:
        draft.unlink(missing_ok=True)
    return destination


def _fresh_name(directory: Path, now: datetime) -> Path:
    """A timestamped name that sorts by age and never overwrites an earlier backup."""
    stamp = f"{now.astimezone(UTC):%Y%m%dT%H%M%SZ}"
    candidate = directory / f"{BACKUP_PREFIX}{stamp}{BACKUP_SUFFIX}"
    number = 1
    while candidate.exists():
        number += 1
        candidate = directory / f"{BACKUP_PREFIX}{stamp}-{number}{BACKUP_SUFFIX}"
    return candidate


def prune_backups(keep: int, directory: Path | None = None) -> list[Path]:
    """Remove all but the ``keep`` newest backups that wederkerig made; returns the removed."""
    made = known_backups(directory)
    doomed = made[: max(0, len(made) - keep)]
    for path in doomed:
        path.unlink()
    return doomed


def known_backups(directory: Path | None = None, ledger: Path | None = None) -> list[Path]:
    """Backups wederkerig made (by ``backup`` and before schema upgrades), oldest first."""
    found = sorted((directory or backup_dir()).glob(f"{BACKUP_PREFIX}*{BACKUP_SUFFIX}"))
    if ledger is not None:
        found += sorted(ledger.parent.glob(f"{ledger.name}.schema-*.bak"))
    return found


def scrub(ledger: Path, *, busy_timeout: float) -> None:
    """Make deleted rows unrecoverable from the file: fold the WAL in, rebuild, empty the WAL.

    Deletions already overwrite their pages (``secure_delete`` is on for every connection);
    VACUUM also drops free pages and stale copies, and the final checkpoint truncates the WAL.
    """
    connection = sqlite3.connect(ledger, isolation_level=None, timeout=busy_timeout)
    try:
        connection.execute("PRAGMA secure_delete = ON")
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.execute("VACUUM")
        (blocked, _, _) = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    except sqlite3.Error as error:
        raise StorageError(f"cannot scrub {ledger}: {error}") from None
    finally:
        connection.close()
    if blocked:
        raise StorageError(
            f"the data is deleted, but another process reading {ledger} kept old copies in its "
            "write-ahead log: close other wederkerig processes and run 'wederkerig doctor' "
            "(any command that writes then clears it)"
        )


@dataclass
class Diagnosis:
    """What ``doctor`` found; ``problems`` empty means healthy."""

    facts: list[tuple[str, str]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def diagnose(ledger: Path, *, head: str) -> Diagnosis:
    """Read a ledger file's state without changing anything in it."""
    found = Diagnosis()
    found.facts.append(("ledger", str(ledger)))
    if not ledger.exists():
        found.problems.append(f"{ledger} does not exist yet (it is created on first use)")
        return found
    found.facts.append(("size", f"{ledger.stat().st_size:,} bytes"))
    _check_mode(found, ledger, 0o600)
    if ledger.parent == paths.data_dir():  # a folder the user chose for --db is theirs to set
        _check_mode(found, ledger.parent, 0o700)
    try:
        connection = sqlite3.connect(f"file:{ledger}?mode=ro", uri=True)
    except sqlite3.Error as error:
        found.problems.append(f"cannot open {ledger}: {error}")
        return found
    try:
        _inspect(found, connection, head)
    except sqlite3.Error as error:
        found.problems.append(f"{ledger} is damaged or not a wederkerig ledger: {error}")
    finally:
        connection.close()
    wal = Path(f"{ledger}-wal")
    found.facts.append(
        ("write-ahead log", f"{wal.stat().st_size:,} bytes" if wal.exists() else "none")
    )
    backups = known_backups(ledger=ledger)
    found.facts.append(("backups by wederkerig", str(len(backups))))
    return found


def _check_mode(found: Diagnosis, path: Path, private: int) -> None:
    mode = stat.S_IMODE(path.stat().st_mode)
    found.facts.append((f"mode of {path.name or path}", oct(mode)))
    if mode & ~private:
        found.problems.append(
            f"{path} is open to others (mode {oct(mode)}): run chmod {oct(private)[2:]} '{path}'"
        )


def _inspect(found: Diagnosis, connection: sqlite3.Connection, head: str) -> None:
    tables = {
        row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    if "alembic_version" not in tables or "entry" not in tables:
        found.problems.append("this is not a wederkerig ledger (no wederkerig tables)")
        return
    (revision,) = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    found.facts.append(("schema", f"{revision} (this wederkerig: {head})"))
    if revision != head:
        found.problems.append(
            f"schema {revision} differs from {head}: any other command upgrades an older ledger "
            "(after a backup); a newer one needs a newer wederkerig"
        )
    for table in ("contact", "entry", "event"):
        (count,) = connection.execute(f"SELECT count(*) FROM {table}").fetchone()
        found.facts.append((f"{table} rows", f"{count:,}"))
    (journal,) = connection.execute("PRAGMA journal_mode").fetchone()
    found.facts.append(("journal mode", journal))
    (verdict,) = connection.execute("PRAGMA integrity_check").fetchone()
    found.facts.append(("integrity check", verdict))
    if verdict != "ok":
        found.problems.append(f"integrity check failed: {verdict}; restore from a backup")
    broken = connection.execute("PRAGMA foreign_key_check").fetchall()
    if broken:
        found.problems.append(f"{len(broken)} rows point at missing rows (foreign_key_check)")
