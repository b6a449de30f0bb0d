"""What tests import: the ledger under test on either engine, the CLI's result checks, and
the constants scripts rely on. Fixtures and hooks live in ``conftest.py``; this module holds
plain functions and classes only (``from helpers import ...``).

By default every test's ledger is a SQLite file; with ``WEDERKERIG_TEST_ENGINE=postgresql`` it
is a throwaway database on the PostgreSQL server that libpq's environment (PGHOST, PGPORT,
PGUSER, PGPASSWORD) points at, as ``pg_virtualenv`` provides.
"""

import csv
import io
import itertools
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, closing
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pexpect
import typer
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po
from sqlmodel import Session
from typer.testing import Result

from wederkerig.core.vocabulary import Direction, Kind
from wederkerig.usecases.entries import EntryRow, log_entry

ROOT = Path(__file__).resolve().parent.parent  # the project: README, docs, src
FIXTURES = Path(__file__).resolve().parent / "fixtures"  # ledgers made by older versions
DUTCH = ROOT / "src" / "wederkerig" / "locale" / "nl" / "LC_MESSAGES" / "wederkerig.po"

TODAY = date(2026, 11, 26)  # a Thursday; tests pass it in instead of patching the clock

# The entry export's columns: a contract scripts rely on, so spelled out here, not imported.
ENTRY_COLUMNS = [
    "id", "date", "contact", "direction", "kind", "value", "amount", "description", "event",
    "created_at", "status", "due", "answers", "introduction", "member", "dropped_reason",
    "outcome", "outcome_note", "group",
]  # fmt: skip


def entry_row(**cells: str) -> list[str]:
    """A row of an entries CSV file: the named columns filled, every other one empty."""
    assert set(cells) <= set(ENTRY_COLUMNS), set(cells) - set(ENTRY_COLUMNS)
    return [cells.get(column, "") for column in ENTRY_COLUMNS]


ENGINE_ENV = "WEDERKERIG_TEST_ENGINE"
ENGINE = os.environ.get(ENGINE_ENV, "sqlite")
POSTGRES = ENGINE == "postgresql"
REQUIRE_POSTGRES = os.environ.get("WEDERKERIG_REQUIRE_POSTGRES") == "1"
# The real shells Tab completion is proven in (tests/system): a missing one skips, saying why,
# unless WEDERKERIG_REQUIRE_SHELLS=1 (as in .ci/run), where it fails instead.
REQUIRE_SHELLS = os.environ.get("WEDERKERIG_REQUIRE_SHELLS") == "1"


class LedgerUnderTest:
    """A test's ledger as seen from outside the CLI, on the engine under test.

    ``target`` is what ``--db`` names (and what messages about the ledger show). SQL given to
    ``query`` and ``execute`` is written with ``?`` placeholders, as for sqlite3.
    """

    engine: str
    target: str
    url: str  # a SQLAlchemy URL for the same ledger

    def query(self, statement: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        raise NotImplementedError

    def execute(self, statement: str, params: Sequence[Any] = ()) -> None:
        self.executemany(statement, [params])

    def executemany(self, statement: str, rows: Any) -> None:
        raise NotImplementedError

    def exists(self) -> bool:
        """Whether the ledger is there (SQLite: the file; PostgreSQL: its tables)."""
        raise NotImplementedError

    def untouched(self) -> bool:
        """Whether no command has made or changed this ledger."""
        raise NotImplementedError

    def snapshot(self) -> list[str]:
        """Every row of every table, schema and schema version included: equal before and
        after a command that must change nothing."""
        raise NotImplementedError

    def state(self) -> Any:
        """All a command that must change nothing has to leave as it was: on SQLite the file,
        byte for byte; on PostgreSQL the snapshot."""
        return self.snapshot()

    def count(self, table: str = "entry") -> int:
        ((count,),) = self.query(f"SELECT count(*) FROM {table}")  # noqa: S608 (a test's own name)
        return int(count)

    def __str__(self) -> str:
        return self.target


class SqliteLedger(LedgerUnderTest):
    engine = "sqlite"

    def __init__(self, path: Path, template: Path | None = None) -> None:
        """A ledger file; made as a copy of ``template`` (an empty ledger at head) if given."""
        self.path = path
        self.target = str(path)
        self.url = f"sqlite:///{path}"
        self.template = template
        if template is not None:
            shutil.copy2(template, path)

    def query(self, statement: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with closing(sqlite3.connect(self.path)) as connection:
            return connection.execute(statement, tuple(params)).fetchall()

    def executemany(self, statement: str, rows: Any) -> None:
        with closing(sqlite3.connect(self.path)) as connection, connection:
            connection.executemany(statement, rows)

    def exists(self) -> bool:
        return self.path.exists()

    def untouched(self) -> bool:
        if not self.path.exists():
            return True
        return self.template is not None and self.snapshot() == snapshot(self.template)

    def snapshot(self) -> list[str]:
        with closing(sqlite3.connect(self.path)) as connection:
            return list(connection.iterdump())

    def state(self) -> Any:
        return self.path.read_bytes()


# What a PostgreSQL ledger's snapshot holds besides the rows (sequence positions are left out:
# a refused INSERT still moves a sequence, since sequences are not transactional).
PG_SCHEMA = {
    "column": "SELECT table_name, column_name, data_type, is_nullable, column_default "
    "FROM information_schema.columns WHERE table_schema = 'public' "
    "ORDER BY table_name, ordinal_position",
    "constraint": "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) "
    "FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY 1, 2",
    "index": "SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1",
    "trigger": "SELECT event_object_table, trigger_name, action_timing, event_manipulation, "
    "action_statement FROM information_schema.triggers ORDER BY 1, 2, 4",
}


class PostgresLedger(LedgerUnderTest):
    engine = "postgresql"

    def __init__(self, server: "PostgresServer", name: str) -> None:
        self.server = server
        self.name = name
        self.target = self.url = f"postgresql+psycopg:///{name}"

    def _connect(self) -> Any:
        return self.server.psycopg.connect(dbname=self.name, autocommit=True)

    def query(self, statement: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self._connect() as connection:
            cursor = connection.execute(*_pg_statement(statement, params))
            return cursor.fetchall() if cursor.description else []

    def execute(self, statement: str, params: Sequence[Any] = ()) -> None:
        with self._connect() as connection:
            connection.execute(*_pg_statement(statement, params))

    def executemany(self, statement: str, rows: Any) -> None:
        with self._connect() as connection, connection.transaction():
            connection.cursor().executemany(statement.replace("?", "%s"), list(rows))

    def exists(self) -> bool:
        if not self.server.has_database(self.name):
            return False
        return bool(self.query("SELECT to_regclass('public.alembic_version') IS NOT NULL")[0][0])

    def untouched(self) -> bool:
        return self.snapshot() == self.server.pristine

    def snapshot(self) -> list[str]:
        lines: list[str] = []
        with self._connect() as connection:
            for what, statement in PG_SCHEMA.items():
                lines += [f"{what} {row!r}" for row in connection.execute(statement)]
            tables = [
                name
                for (name,) in connection.execute(
                    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
                )
            ]
            for table in tables:
                rows = connection.execute(f'SELECT * FROM "{table}"').fetchall()  # noqa: S608
                lines += sorted(f"{table} {row!r}" for row in rows)
        return lines


def _pg_statement(statement: str, params: Sequence[Any]) -> tuple[Any, ...]:
    """A sqlite3-style statement for psycopg: ``?`` becomes ``%s`` when there are params."""
    return (statement.replace("?", "%s"), tuple(params)) if params else (statement,)


class PostgresServer:
    """The server libpq's environment points at: throwaway databases, cloned from templates.

    A template at the schema head is built once per session through the CLI; each test's
    ledger is ``CREATE DATABASE ... TEMPLATE`` of it (a file copy, milliseconds), dropped after.
    Every name carries a token of its own per process, so pytest-xdist's workers (each a
    session with its own server connection) never clone from, or drop, another's template.
    """

    def __init__(self, psycopg: Any) -> None:
        self.psycopg = psycopg
        self.admin = psycopg.connect(dbname="postgres", autocommit=True, connect_timeout=3)
        version = int(self.admin.execute("SHOW server_version_num").fetchone()[0])
        # FILE_COPY (PostgreSQL 15+) copies a small database faster than logging every page.
        self.strategy = " STRATEGY FILE_COPY" if version >= 150000 else ""
        self.token = uuid.uuid4().hex[:8]
        self.numbers = itertools.count(1)
        self.made: list[str] = []
        self.head = self.fresh_name("head")
        self.admin.execute(f'CREATE DATABASE "{self.head}"')
        self.made.append(self.head)
        self.pristine: list[str] = []
        self.created = 0
        self.creating = 0.0  # seconds spent creating and dropping test databases

    def fresh_name(self, kind: str) -> str:
        return f"wederkerig_test_{self.token}_{kind}_{next(self.numbers)}"

    def build_head(self, home: Path) -> None:
        """The session's template: an empty ledger at the newest schema, made by the CLI."""
        url = f"postgresql+psycopg:///{self.head}"
        made = subprocess.run(
            [wederkerig_executable(), "--db", url, "init"],
            env={**os.environ, "XDG_DATA_HOME": str(home), "XDG_CONFIG_HOME": str(home)},
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert made.returncode == 0, made.stderr
        self.pristine = PostgresLedger(self, self.head).snapshot()

    def has_database(self, name: str) -> bool:
        found = self.admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,))
        return found.fetchone() is not None

    def clone(self, template: str, name: str) -> None:
        """``name`` becomes a copy of ``template``, which no session may be connected to."""
        started = time.perf_counter()
        self.admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s",
            (template,),
        )
        self.admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"{self.strategy}')
        self.creating += time.perf_counter() - started
        self.created += 1

    def drop(self, name: str) -> None:
        started = time.perf_counter()
        self.admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self.creating += time.perf_counter() - started

    def new_ledger(self, template: str | None = None) -> PostgresLedger:
        name = self.fresh_name("ledger")
        self.clone(template or self.head, name)
        return PostgresLedger(self, name)

    def close(self) -> None:
        for name in self.made:
            self.drop(name)
        self.admin.close()


MakeLedger = Callable[[], LedgerUnderTest]


KEEP_LEDGERS = 10


Run = Callable[..., Result]


def every_command(
    command: Any, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], Any]]:
    """Every command and group under ``command`` by its words on the command line, asked for
    as Click asks (the root builds a command only when asked for it)."""
    context = typer.Context(command)
    for name in command.list_commands(context) if hasattr(command, "list_commands") else ():
        sub = command.get_command(context, name)
        yield (*path, name), sub
        yield from every_command(sub, (*path, name))


def wederkerig_executable() -> str:
    """The installed console script (the thing users run), next to this interpreter."""
    found = shutil.which("wederkerig", path=str(Path(sys.executable).parent)) or shutil.which(
        "wederkerig"
    )
    assert found, "install the package first: python3 -m pip install -e '.[test]'"
    return found


def count_rows(path: Path, table: str = "entry") -> int:
    """Rows in a ledger *file* (a backup, a fixture): for the test's ledger use ``db.count``."""
    return SqliteLedger(path).count(table)


def ok(result: Result) -> Result:
    """The command succeeded, without a traceback."""
    assert result.exit_code == 0, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    return result


def log(run: Run, *args: str, today: date = TODAY) -> int:
    """Log an entry (or promise) and return the id it printed, as a script would read it."""
    result = ok(run("log", *args, today=today))
    assert re.fullmatch(r"\d+\n", result.stdout), result.stdout
    return int(result.stdout)


def one_line(text: str) -> str:
    lines = text.strip().splitlines()
    assert len(lines) == 1, text
    return lines[0]


def snapshot(ledger: Path) -> list[str]:
    """Every row of a ledger *file*, schema included: for the test's ledger use
    ``db.snapshot``."""
    return SqliteLedger(ledger).snapshot()


def on(run: Run, ledger: LedgerUnderTest | Path | str) -> Run:
    """A runner on another ledger: the global ``--db`` given last wins."""
    target = ledger.target if isinstance(ledger, LedgerUnderTest) else str(ledger)
    return lambda *args, **options: run("--db", target, *args, **options)


NewLedger = Callable[[], Run]


Refused = Callable[..., Result]
Spawn = Callable[..., pexpect.spawn]  # tests/system/conftest.py: a CLI in a terminal


class Templates:
    """Ledgers built once per test module through the CLI, then copied into each test's."""

    def __init__(self, folder: Path, server: PostgresServer | None) -> None:
        self.folder = folder
        self.server = server
        self.built: dict[str, str] = {}  # name -> its template database (PostgreSQL)

    def once(self, name: str, ledger: LedgerUnderTest, build: Callable[[], object]) -> None:
        """Build ``ledger`` once (the first test to ask); every later one gets a copy."""
        if isinstance(ledger, SqliteLedger):
            template = self.folder / f"{name}.db"
            if template.exists():
                shutil.copy2(template, ledger.path)
                return
            build()
            sidecars = [p.name for p in ledger.path.parent.glob(f"{ledger.path.name}*")]
            assert sidecars == [ledger.path.name]  # the file alone is the whole ledger
            shutil.copy2(ledger.path, template)
            return
        assert isinstance(ledger, PostgresLedger)
        assert self.server is not None
        if name in self.built:
            self.server.drop(ledger.name)
            self.server.clone(self.built[name], ledger.name)
            return
        build()
        template_db = self.server.fresh_name("template")
        self.server.clone(ledger.name, template_db)
        self.built[name] = template_db

    def copy(self, name: str, ledger: LedgerUnderTest) -> None:
        """Give ``ledger`` (not yet made) another copy of a template already built."""
        if isinstance(ledger, SqliteLedger):
            shutil.copy2(self.folder / f"{name}.db", ledger.path)
            return
        assert isinstance(ledger, PostgresLedger)
        assert self.server is not None
        self.server.drop(ledger.name)
        self.server.clone(self.built[name], ledger.name)

    def close(self) -> None:
        if self.server is not None:
            for template in self.built.values():
                self.server.drop(template)


def parse_csv(text: str) -> list[dict[str, str]]:
    """CSV output read back strictly, as a script's csv module would."""
    return list(csv.DictReader(io.StringIO(text, newline=""), strict=True))


def csv_header(text: str) -> list[str]:
    return next(csv.reader(io.StringIO(text, newline="")))


def killed_draft(folder: Path, name: str, content: bytes = b"") -> Path:
    """A draft as a killed wederkerig leaves it beside ``name``: the documented name pattern
    (docs/data.md) with the id of a process that has ended, holding ``content``."""
    ended = subprocess.Popen(["true"])
    ended.wait()
    folder.mkdir(parents=True, exist_ok=True)
    draft = folder / f".{name}.{ended.pid}-k1ll3d00.wederkerig-draft"
    draft.write_bytes(content)
    return draft


def read_catalogue(path: Path) -> Catalog:
    """A gettext catalogue (.po or .pot) as Babel reads it."""
    with path.open("rb") as stream:
        return read_po(stream)


def texts(message: Message) -> tuple[str, ...]:
    """A message's text(s): one, or singular and plural."""
    value = message.string if message.string else message.id
    return tuple(value) if isinstance(value, tuple | list) else (value,)


# --- the unit tier: the library called directly ------------------------------------------------

NOW = datetime.combine(TODAY, datetime.min.time(), tzinfo=UTC).replace(hour=12)


def ago(days: int) -> date:
    """The day ``days`` before the tests' today."""
    return TODAY - timedelta(days=days)


Fresh = Callable[[], AbstractContextManager[Session]]


def logged(
    session: Session,
    contact: str,
    direction: Direction = Direction.GAVE,
    kind: Kind = Kind.KNOWLEDGE,
    value: int = 1,
    *,
    on: date = TODAY,
    amount: str | None = None,
    description: str = "",
    **options: object,
) -> EntryRow:
    """Log one entry with everyday defaults; an unknown contact is added (as ``--create``)."""
    return log_entry(
        session,
        contact=contact,
        direction=direction,
        kind=kind,
        value=value,
        amount=None if amount is None else Decimal(amount),
        on=on,
        description=description,
        create=True,
        now=NOW,
        **options,  # type: ignore[arg-type]
    )
