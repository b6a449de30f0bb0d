"""Upkeep of a SQLite ledger file: consistent backups, scrubbing erased data, health checks.

These work on the file itself with the stdlib ``sqlite3`` module: a backup must be a page-level
copy, and a health check must read a ledger without upgrading or otherwise changing it.
"""

import glob
import os
import re
import sqlite3
import stat
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from wederkerig.core import money
from wederkerig.core.errors import StorageError
from wederkerig.core.i18n import N_, _, ngettext
from wederkerig.settings import paths

BACKUP_SUFFIX = ".db"
# The tables doctor counts, and the labels it shows for them.
_COUNTED = {"contact": N_("contact rows"), "entry": N_("entry rows"), "event": N_("event rows")}


def backup_dir() -> Path:
    return paths.data_dir() / "backups"


def sqlite_path(target: str) -> Path:
    """The file behind a target, or a clear refusal for a server database."""
    path = paths.sqlite_file(target)
    if path is None:
        raise StorageError(
            _(
                "{ledger} is a database server: back it up and check it with its "
                "own tools (for PostgreSQL, pg_dump)"
            ).format(ledger=paths.describe(target))
        )
    return path


@dataclass(frozen=True)
class Backup:
    """Where ``backup`` wrote the copy, and the unfinished copies of killed runs it removed."""

    path: Path
    removed: list[Path]


def backup(ledger: Path, destination: Path | None = None, *, now: datetime) -> Backup:
    """Copy the ledger page by page while others may write, verify the copy, keep it private.

    The copy is written to a draft beside its destination and renamed into place only once it
    passed ``integrity_check``, so a backup file is always complete. Drafts that killed runs
    left (full copies of the ledger) are removed first, so that pruning and ``forget`` are not
    undone by a hidden copy.
    """
    if destination is None:
        paths.make_private_dir(backup_dir())
        destination = _fresh_name(backup_dir(), ledger, now)
    destination = destination.expanduser()
    if destination.is_dir():
        destination = _fresh_name(destination, ledger, now)
    elif destination.exists():
        raise StorageError(
            _("{path} already exists: give a new file name, or a folder to write into").format(
                path=destination
            )
        )
    removed = remove_leftovers(ledger, destination.parent)
    draft: Path | None = None
    try:
        descriptor, draft = paths.open_draft(destination)
        os.close(descriptor)
        source = sqlite3.connect(paths.sqlite_uri(ledger, mode="ro"), uri=True)
        copy = sqlite3.connect(draft)
        try:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")  # a backup is one self-contained file
            (verdict,) = copy.execute("PRAGMA integrity_check").fetchone()
        finally:
            copy.close()
            source.close()
        if verdict != "ok":
            raise StorageError(
                _("the backup of {ledger} failed its integrity check: {verdict}").format(
                    ledger=ledger, verdict=verdict
                )
            )
        os.replace(draft, destination)
    except (OSError, sqlite3.Error) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else error
        raise StorageError(
            _("cannot back up {ledger} to {path}: {reason}").format(
                ledger=ledger, path=destination, reason=reason
            )
        ) from None
    finally:
        if draft is not None:  # with SQLite's journal, if it stopped midway
            for leftover in (draft, Path(f"{draft}-journal")):
                leftover.unlink(missing_ok=True)
    return Backup(destination, removed)


def leftover_drafts(ledger: Path) -> list[Path]:
    """Unfinished copies that a killed backup or upgrade left in the backup folder or beside
    the ledger: hidden, but each may hold the whole ledger."""
    folders = dict.fromkeys([backup_dir(), ledger.parent])
    return [draft for folder in folders for draft in paths.stale_drafts(folder)]


def remove_leftovers(ledger: Path, *folders: Path) -> list[Path]:
    """Remove the leftover drafts (see :func:`leftover_drafts`), also those in ``folders``."""
    found = leftover_drafts(ledger) + [d for f in folders for d in paths.stale_drafts(f)]
    removed = list(dict.fromkeys(found))
    for draft in removed:
        draft.unlink(missing_ok=True)
    return removed


def _fresh_name(directory: Path, ledger: Path, now: datetime) -> Path:
    """``<ledger name>-<UTC time>.db``: sorts by age, tells ledgers apart, never overwrites."""
    stamp = f"{now.astimezone(UTC):%Y%m%dT%H%M%SZ}"
    candidate = directory / f"{ledger.stem}-{stamp}{BACKUP_SUFFIX}"
    number = 1
    while candidate.exists():
        number += 1
        candidate = directory / f"{ledger.stem}-{stamp}-{number}{BACKUP_SUFFIX}"
    return candidate


def _made_by_backup(ledger: Path) -> list[Path]:
    """This ledger's backups in the default folder, oldest first."""
    name = re.compile(rf"{re.escape(ledger.stem)}-(\d{{8}}T\d{{6}}Z)(?:-(\d+))?{BACKUP_SUFFIX}")
    found = [(name.fullmatch(path.name), path) for path in backup_dir().glob("*")]
    by_age = sorted((match[1], int(match[2] or 1), path) for match, path in found if match)
    return [path for _, _, path in by_age]


def prune_backups(ledger: Path, keep: int) -> list[Path]:
    """Remove all but this ledger's ``keep`` newest default backups; returns the removed."""
    made = _made_by_backup(ledger)
    doomed = made[: max(0, len(made) - keep)]
    for path in doomed:
        path.unlink()
    return doomed


def known_backups(ledger: Path) -> list[Path]:
    """Copies of this ledger wederkerig made: by ``backup``, and before schema upgrades."""
    return _made_by_backup(ledger) + sorted(
        ledger.parent.glob(f"{glob.escape(ledger.name)}.schema-*.bak")
    )


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
        (blocked, *_counts) = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    except sqlite3.Error as error:
        raise StorageError(
            _("cannot scrub {ledger}: {error}").format(ledger=ledger, error=error)
        ) from None
    finally:
        connection.close()
    if blocked:
        raise StorageError(
            _(
                "the data is deleted, but another process reading {ledger} kept old copies in "
                "the write-ahead log; they are overwritten once that process has finished and the "
                "next command writes"
            ).format(ledger=ledger)
        )


@dataclass
class Diagnosis:
    """What ``doctor`` found; ``problems`` empty means healthy."""

    facts: list[tuple[str, str]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def diagnose(ledger: Path, *, head: str) -> Diagnosis:
    """Read an existing ledger file's state without changing anything in it."""
    found = Diagnosis()
    found.facts.append((_("ledger"), str(ledger)))
    found.facts.append((_("size"), _bytes(ledger.stat().st_size)))
    # With no write-ahead log to read, 'immutable' reads the file alone: SQLite then leaves
    # no -wal or -shm beside a file it could not use, and needs no writable folder.
    quiet = {"immutable": "1"} if not Path(f"{ledger}-wal").exists() else {}
    try:
        connection = sqlite3.connect(paths.sqlite_uri(ledger, mode="ro", **quiet), uri=True)
    except sqlite3.Error as error:
        found.problems.append(_("cannot open {ledger}: {error}").format(ledger=ledger, error=error))
        return found
    try:
        _inspect(found, connection, head)
    except sqlite3.Error as error:
        if out_of_space(error):
            found.problems.append(
                _(
                    "{ledger} could not be checked: the disk is full or failing ({error}); "
                    "this says nothing about the ledger: free some space, then run doctor again"
                ).format(ledger=ledger, error=error)
            )
        else:
            found.problems.append(
                _("{ledger} is damaged or not a wederkerig ledger: {error}").format(
                    ledger=ledger, error=error
                )
            )
    finally:
        connection.close()
    if not os.access(ledger, os.W_OK):
        found.problems.append(
            _("{ledger} is read-only: run chmod 600 '{ledger}' to log again").format(ledger=ledger)
        )
    elif not os.access(ledger.parent, os.W_OK):
        found.problems.append(
            _(
                "the folder {folder} is read-only: wederkerig writes its journal beside the "
                "ledger, so check the folder's permissions"
            ).format(folder=ledger.parent)
        )
    _check_mode(found, ledger, 0o600)  # after what the file is: that is the first problem
    if ledger.parent == paths.data_dir():  # a folder the user chose for --db is theirs to set
        _check_mode(found, ledger.parent, 0o700)
    wal = Path(f"{ledger}-wal")
    found.facts.append(
        (_("write-ahead log"), _bytes(wal.stat().st_size) if wal.exists() else _("none"))
    )
    backups = known_backups(ledger)
    found.facts.append((_("backups by wederkerig"), str(len(backups))))
    drafts = leftover_drafts(ledger)
    found.facts.append((_("unfinished copies"), str(len(drafts))))
    if drafts:
        found.problems.append(
            ngettext(
                "{count} unfinished copy of the ledger, left by an interrupted backup or upgrade, "
                "may hold erased data: run 'wederkerig backup' to remove it ({paths})",
                "{count} unfinished copies of the ledger, left by an interrupted backup or "
                "upgrade, may hold erased data: run 'wederkerig backup' to remove them ({paths})",
                len(drafts),
            ).format(count=len(drafts), paths=", ".join(str(path) for path in drafts))
        )
    return found


def out_of_space(error: sqlite3.Error) -> bool:
    """A full or failing disk (SQLITE_FULL, SQLITE_IOERR and its extended codes): the file may
    be healthy, and restoring a backup would lose what was written since."""
    code = getattr(error, "sqlite_errorcode", None)
    return code is not None and code & 0xFF in {sqlite3.SQLITE_FULL, sqlite3.SQLITE_IOERR}


def _bytes(size: int) -> str:
    return _("{size} bytes").format(size=money.number(size))


def _check_mode(found: Diagnosis, path: Path, private: int) -> None:
    mode = stat.S_IMODE(path.stat().st_mode)
    found.facts.append((_("mode of {name}").format(name=path.name or path), oct(mode)))
    if mode & ~private:
        found.problems.append(
            _("{path} is open to others (mode {mode}): run chmod {private} '{path}'").format(
                path=path, mode=oct(mode), private=oct(private)[2:]
            )
        )


def _inspect(found: Diagnosis, connection: sqlite3.Connection, head: str) -> None:
    tables = {
        row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    if "alembic_version" not in tables or "entry" not in tables:
        found.problems.append(_("this is not a wederkerig ledger (no wederkerig tables)"))
        return
    (revision,) = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    schema = _("{revision} (this wederkerig: {head})").format(revision=revision, head=head)
    found.facts.append((_("schema"), schema))
    if revision != head:
        found.problems.append(
            _(
                "schema {revision} differs from {head}: any other command upgrades an older "
                "ledger (after a backup); a newer one needs a newer wederkerig"
            ).format(revision=revision, head=head)
        )
    for table, label in _COUNTED.items():
        (count,) = connection.execute(f"SELECT count(*) FROM {table}").fetchone()  # noqa: S608 (our own table names)
        found.facts.append((_(label), money.number(count)))
    (journal,) = connection.execute("PRAGMA journal_mode").fetchone()
    found.facts.append((_("journal mode"), journal))
    (verdict,) = connection.execute("PRAGMA integrity_check").fetchone()
    found.facts.append((_("integrity check"), verdict))
    if verdict != "ok":
        found.problems.append(
            _("integrity check failed: {verdict}; restore from a backup").format(verdict=verdict)
        )
    broken = connection.execute("PRAGMA foreign_key_check").fetchall()
    if broken:
        found.problems.append(
            ngettext(
                "{count} row points at a missing row (foreign_key_check)",
                "{count} rows point at missing rows (foreign_key_check)",
                len(broken),
            ).format(count=len(broken))
        )
