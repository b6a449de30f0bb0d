"""Storage: open a ledger (creating or upgrading it, see :mod:`wederkerig.store.schema`), and
run one transaction per command.

Everything that knows about engines, pragmas, locks and driver errors lives here, so that the
use cases only ever see a :class:`~sqlmodel.Session`.
"""

import math
import os
import shlex
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Connection, Engine, create_engine, event, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, IntegrityError
from sqlmodel import Session

from wederkerig.core.errors import NotFoundError, RefusedError, StorageError
from wederkerig.core.i18n import _
from wederkerig.settings import paths
from wederkerig.store import schema
from wederkerig.store.schema import SCHEMA_HEAD, WRITE
from wederkerig.store.search import register_fold

BUSY_TIMEOUT_ENV = "WEDERKERIG_BUSY_TIMEOUT"
DEFAULT_BUSY_TIMEOUT = 30.0  # seconds a command waits for another process's write lock
SQLITE_HEADER = b"SQLite format 3\x00"


class Database:
    """One opened ledger: its engine and where it lives, ready to hand out transactions."""

    def __init__(self, engine: Engine, where: str) -> None:
        self.engine = engine
        self.where = where
        self.upgrade: schema.Upgrade | None = None  # set when opening changed an older schema
        self.created = False  # set when opening made a new ledger
        self.file: Path | None = None  # the SQLite file; None on a database server

    @contextmanager
    def transaction(self, *, write: bool = False, dry_run: bool = False) -> Iterator[Session]:
        """One command's unit of work: committed as a whole on success, rolled back otherwise
        (and always, for a ``dry_run``, which does everything and keeps nothing).

        A writing transaction takes SQLite's write lock up front (``BEGIN IMMEDIATE``), so two
        processes never both read and then fail to upgrade their lock: the second one waits.
        """
        bind = self.engine.execution_options(**{WRITE: write})
        try:
            with Session(bind, expire_on_commit=False) as session:
                yield session
                if dry_run:
                    session.rollback()
                else:
                    session.commit()
        except IntegrityError as error:
            if "name_key" in _reason(error):  # two members adding one name at the same moment
                raise RefusedError(
                    _(
                        "that name is already in the ledger {ledger} (someone may have added "
                        "it just now); nothing was written: use the existing one"
                    ).format(ledger=self.where)
                ) from None
            raise RefusedError(
                _(
                    "the change conflicts with what the ledger {ledger} already holds "
                    "({reason}); nothing was written"
                ).format(ledger=self.where, reason=_reason(error))
            ) from None
        except DBAPIError as error:
            raise storage_error(error, self.where) from None

    def dispose(self) -> None:
        self.engine.dispose()


def open_ledger(target: str, *, create: bool = False, upgrade_shared: bool = False) -> Database:
    """Open the ledger at ``target`` (a file path or a SQLAlchemy URL), ready for use.

    A missing file or an empty database becomes a new ledger at the newest schema only when
    ``create`` (``init`` and writing commands): otherwise it is refused with
    :class:`NotFoundError`, and nothing is made, so a mistyped path cannot pass for an empty
    ledger. An older ledger file is backed up and upgraded; anything else (another program's
    database, a newer ledger, a damaged file) is refused with :class:`StorageError` and left
    untouched.

    A ledger on a database server is shared by a team: it is upgraded only when asked
    (``upgrade_shared``, from ``wederkerig db upgrade``), never as a side effect of one
    member's ordinary command.
    """
    where = paths.describe(target)
    path = paths.sqlite_file(target)
    read_only = False
    url: str | URL = target
    created = False
    if path is not None:
        if not path.exists():
            if not create:
                raise missing_ledger(target)
            _create_sqlite_ledger(path)
            created = True
        _check_sqlite_file(path)
        read_only = _read_only(path)
        url = _sqlite_url(path, read_only=read_only)
    engine = _engine(url, where)
    ledger = Database(engine, where)
    ledger.created = created
    ledger.file = path
    try:
        shared = engine.dialect.name != "sqlite"
        with engine.connect() as connection:
            revision = schema.schema_revision(connection, where)
            if revision is not None and not shared:
                _probe_pages(connection)
        if revision is None and not create:  # an empty database: no ledger yet
            raise missing_ledger(target)
        if revision != SCHEMA_HEAD and shared and revision is not None and not upgrade_shared:
            schema.refuse_newer(revision, schema.known_revisions(), where)
            raise StorageError(
                _(
                    "the shared ledger {ledger} is at schema {revision} and this wederkerig needs "
                    "{head}: back it up (pg_dump), then run 'wederkerig db upgrade' once "
                    "for the whole team"
                ).format(ledger=where, revision=revision, head=SCHEMA_HEAD)
            )
        if revision is None:
            schema.upgrade(engine, where)
            ledger.created = True
        elif revision != SCHEMA_HEAD:
            ledger.upgrade = schema.upgrade(engine, where, path)
        elif engine.dialect.name == "sqlite" and not read_only:
            schema.ensure_wal(engine)
    except DBAPIError as error:
        engine.dispose()
        raise storage_error(error, where) from None
    except BaseException:
        engine.dispose()
        raise
    return ledger


def create_ledger(target: str) -> bool:
    """Make a new ledger at ``target`` (``wederkerig init``); ``False``, changing nothing (no
    upgrade either), when there is one already. An empty SQLite file or database becomes one;
    another program's database is refused, as by every command."""
    where = paths.describe(target)
    path = paths.sqlite_file(target)
    if path is None or path.exists():
        url: str | URL = target
        if path is not None:
            _check_sqlite_file(path)
            url = _sqlite_url(path, read_only=_read_only(path))
        engine = _engine(url, where)
        try:
            with engine.connect() as connection:
                if schema.schema_revision(connection, where) is not None:
                    return False
        except DBAPIError as error:
            raise storage_error(error, where) from None
        finally:
            engine.dispose()
    ledger = open_ledger(target, create=True)
    ledger.dispose()
    return ledger.created


def _engine(url: str | URL, where: str) -> Engine:
    """The engine for ``url``; a URL SQLAlchemy cannot use is the user's to fix."""
    try:
        return _create_engine(url)
    except (ArgumentError, ImportError) as error:
        raise StorageError(
            _(
                "cannot use {ledger}: {error}. Give a file path or a SQLAlchemy URL whose driver "
                "is installed (for PostgreSQL: pip install 'wederkerig[postgres]')"
            ).format(ledger=where, error=error)
        ) from None


def missing_ledger(target: str) -> NotFoundError:
    """There is no ledger at ``target``: say where, and how to make one."""
    command = "wederkerig init"
    if target != paths.default_target():
        command += f" --db {shlex.quote(paths.describe(target))}"
    where = paths.describe(target)
    path = paths.sqlite_file(target)
    if path is not None and str(path) != target:  # sqlite:///a/b is a/b under this folder
        where += f" ({path})"
    return NotFoundError(
        _("there is no ledger at {ledger}: check the path, or create one with '{command}'").format(
            ledger=where, command=command
        )
    )


def busy_timeout() -> float:
    raw = os.environ.get(BUSY_TIMEOUT_ENV)
    if raw is None:
        return DEFAULT_BUSY_TIMEOUT
    try:
        seconds = float(raw)
    except ValueError:
        seconds = math.nan
    if not 0 <= seconds <= 86_400:  # also refuses nan and inf
        raise StorageError(
            _("{variable}={value} is not a number of seconds from 0 to 86400").format(
                variable=BUSY_TIMEOUT_ENV, value=repr(raw)
            )
        ) from None
    return seconds


def _sqlite_url(path: Path, *, read_only: bool = False) -> URL:
    """The engine URL of a ledger file, built from its parts: a path written into a URL string
    lost everything from a ``?`` or ``#`` on, and a ``%41`` became an ``A``."""
    if not read_only:  # a plain file name: pysqlite hands it to sqlite3 as it is
        return URL.create("sqlite", database=str(path))
    return URL.create(
        "sqlite",
        database=paths.sqlite_uri(path),
        query={"mode": "ro", "immutable": "1", "uri": "true"},
    )


def _create_engine(url: str | URL) -> Engine:
    timeout_ms = int(busy_timeout() * 1000)
    if make_url(url).get_driver_name() in {"psycopg", "psycopg2"}:  # libpq's options
        # A server's lock_timeout is the busy timeout's twin (0 there means 'wait forever').
        lock_timeout = {"options": f"-c lock_timeout={max(timeout_ms, 1)}"}
        return create_engine(
            url, hide_parameters=True, pool_pre_ping=True, connect_args=lock_timeout
        )
    if make_url(url).get_backend_name() != "sqlite":
        return create_engine(url, hide_parameters=True, pool_pre_ping=True)
    engine = create_engine(url, hide_parameters=True)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        # Leave transaction control to the "begin" hook below instead of the sqlite3 module.
        dbapi_connection.isolation_level = None
        dbapi_connection.execute(f"PRAGMA busy_timeout = {timeout_ms}")
        dbapi_connection.execute("PRAGMA foreign_keys = ON")
        # Deleted rows are overwritten, not just unlinked: the file holds third parties' data.
        dbapi_connection.execute("PRAGMA secure_delete = ON")
        register_fold(dbapi_connection)  # for 'search' (store/search.py)

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        writing = connection.get_execution_options().get(WRITE, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")

    return engine


def _read_only(path: Path) -> bool:
    """A ledger file we may read but not write, with nothing in a write-ahead log: opened so
    that SQLite writes nothing beside it either (no -shm with the file's mode, which would
    outlive a later chmod and keep the ledger read-only). Writes then fail as read-only."""
    return not os.access(path, os.W_OK) and not Path(f"{path}-wal").exists()


def _check_sqlite_file(path: Path) -> None:
    """Check that an existing file is a SQLite database, writing nothing to it: another
    program's file must stay untouched."""
    if path.is_dir():
        raise StorageError(
            _("{path} is a directory: point --db at a ledger file inside it").format(path=path)
        )
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise StorageError(
            _("cannot read the ledger {path}: {error}").format(path=path, error=error.strerror)
        ) from None
    if not header:
        raise StorageError(
            _(
                "{path} is an empty file, not a wederkerig ledger: remove it or choose another --db"
            ).format(path=path)
        )
    if header != SQLITE_HEADER:
        raise StorageError(
            _(
                "{path} is not a wederkerig ledger (not a SQLite database): choose another --db"
            ).format(path=path)
        )


def _create_sqlite_ledger(path: Path) -> None:
    """Build a complete new ledger beside ``path`` and link it into place in one step.

    Other processes therefore see either no file or a ledger at head, never a half-made one;
    when two create the same ledger at once, the first link wins and the other copy is dropped.
    """
    if not path.parent.exists():
        paths.make_private_dir(path.parent)
    draft = path.with_name(f".{path.name}.new-{os.getpid()}")
    try:
        os.close(os.open(draft, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        engine = _create_engine(_sqlite_url(draft))
        try:
            schema.upgrade(engine, str(path))
        finally:
            engine.dispose()
        os.link(draft, path)
    except FileExistsError:
        pass  # another process linked its new ledger first: use that one
    except OSError as error:
        raise StorageError(
            _("cannot create the ledger {path}: {error}").format(path=path, error=error.strerror)
        ) from None
    except DBAPIError as error:  # the disk filled up while the schema was written
        raise storage_error(error, str(path)) from None
    finally:
        for leftover in (draft, Path(f"{draft}-wal"), Path(f"{draft}-shm")):
            leftover.unlink(missing_ok=True)


def _probe_pages(connection: Connection) -> None:
    """Read the root and first leaf of every table and index, so that a damaged page there
    fails now (SQLITE_CORRUPT, reported as damage) instead of being read past or written to.

    About 0.3 ms on a 100,000-entry ledger; ``PRAGMA quick_check`` reads every page (100 ms
    there), so deeper damage is found by the statement that reaches it, or by ``doctor``.
    """
    trees = connection.exec_driver_sql(
        "SELECT type, name, tbl_name FROM sqlite_master "
        "WHERE type IN ('table', 'index') AND rootpage > 0"
    ).all()
    quoted = connection.dialect.identifier_preparer.quote_identifier
    for kind, name, table in trees:
        using = f" INDEXED BY {quoted(name)}" if kind == "index" else ""
        connection.exec_driver_sql(f"SELECT 1 FROM {quoted(table)}{using} LIMIT 1").all()  # noqa: S608 (quoted names from sqlite_master)


def storage_error(error: DBAPIError, where: str) -> StorageError:
    """Translate a driver error into one line that names the ledger and what to do."""
    reason = _reason(error)
    lowered = reason.lower()
    if "locked" in lowered or "busy" in lowered or "lock timeout" in lowered:
        message = _(
            "the ledger {ledger} stayed locked by another process for more than "
            "{seconds} s: try again when it has finished"
        ).format(ledger=where, seconds=f"{busy_timeout():g}")
    elif "readonly" in lowered or "read-only" in lowered:
        message = _(
            "the ledger {ledger} is read-only: check the permissions of the file and folder"
        ).format(ledger=where)
    elif "full" in lowered or "disk i/o" in lowered:
        message = _(
            "cannot write the ledger {ledger}: the disk is full or failing; nothing was saved"
        ).format(ledger=where)
    elif "not a database" in lowered or "malformed" in lowered or "corrupt" in lowered:
        message = _(
            "{ledger} is damaged or not a wederkerig ledger ({reason}): "
            "restore it from a backup or choose another --db"
        ).format(ledger=where, reason=reason)
    elif "unable to open" in lowered:
        message = _(
            "cannot open the ledger {ledger}: check that its folder exists and is writable"
        ).format(ledger=where)
    else:
        message = _("the ledger {ledger} cannot be used: {reason}").format(
            ledger=where, reason=reason
        )
    return StorageError(message)


def _reason(error: DBAPIError) -> str:
    """The driver's own words, which never include the statement's parameters."""
    return str(error.orig).strip().splitlines()[0] if error.orig else type(error).__name__
