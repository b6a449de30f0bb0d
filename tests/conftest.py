"""Shared fixtures: every test gets its own ledger, data directory and a fixed 'today'.

The suite runs on either engine. By default every test's ledger is a SQLite file; with
``WEDERKERIG_TEST_ENGINE=postgresql`` it is a throwaway database on the PostgreSQL server
that libpq's environment (PGHOST, PGPORT, PGUSER, PGPASSWORD) points at, as ``pg_virtualenv``
provides. Tests see the ledger through :class:`Ledger` (the ``db`` fixture): what ``--db``
names, and engine-neutral ``count``, ``snapshot`` and ``exists``. Tests about the SQLite file
itself carry ``@pytest.mark.sqlite_only(reason=...)`` and are skipped, saying why, on
PostgreSQL. Without a server the PostgreSQL run is skipped with the reason, unless
``WEDERKERIG_REQUIRE_POSTGRES=1`` (as in ``.ci/run``), where it fails instead.
"""

import csv
import io
import itertools
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import closing
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

# The tests read English, whatever the developer's locale (help is translated at import).
os.environ["WEDERKERIG_LANG"] = "en"

from wederkerig.cli.app import app
from wederkerig.cli.context import AppContext

TODAY = date(2026, 11, 26)  # a Thursday; tests pass it in instead of patching the clock

# The entry export's columns: a contract scripts rely on, so spelled out here, not imported.
ENTRY_COLUMNS = [
    "id", "date", "contact", "direction", "kind", "value", "amount", "description", "event",
    "created_at", "status", "due", "answers", "introduction", "member", "dropped_reason",
    "outcome",
]  # fmt: skip

ENGINE_ENV = "WEDERKERIG_TEST_ENGINE"
ENGINE = os.environ.get(ENGINE_ENV, "sqlite")
POSTGRES = ENGINE == "postgresql"
REQUIRE_POSTGRES = os.environ.get("WEDERKERIG_REQUIRE_POSTGRES") == "1"


def pytest_configure(config: pytest.Config) -> None:
    if ENGINE not in {"sqlite", "postgresql"}:
        raise pytest.UsageError(f"{ENGINE_ENV}={ENGINE!r}: use sqlite (the default) or postgresql")


def pytest_report_header(config: pytest.Config) -> str:
    where = " (libpq's environment: PGHOST, PGPORT, PGUSER)" if POSTGRES else ""
    return f"ledger engine: {ENGINE}{where}; set {ENGINE_ENV}=postgresql|sqlite to choose"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Every ``sqlite_only`` test says why; on PostgreSQL it is skipped with that reason."""
    for item in items:
        marker = item.get_closest_marker("sqlite_only")
        if marker is None:
            continue
        reason = marker.kwargs.get("reason")
        if not reason:
            raise pytest.UsageError(f"{item.nodeid}: sqlite_only needs reason='why'")
        if POSTGRES:
            item.add_marker(pytest.mark.skip(reason=f"SQLite only: {reason}"))


# --- the ledger under test, on either engine ---------------------------------------------------


class Ledger:
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
        ((count,),) = self.query(f"SELECT count(*) FROM {table}")
        return int(count)

    def __str__(self) -> str:
        return self.target


class SqliteLedger(Ledger):
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


class PostgresLedger(Ledger):
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
                rows = connection.execute(f'SELECT * FROM "{table}"').fetchall()
                lines += sorted(f"{table} {row!r}" for row in rows)
        return lines


def _pg_statement(statement: str, params: Sequence[Any]) -> tuple[Any, ...]:
    """A sqlite3-style statement for psycopg: ``?`` becomes ``%s`` when there are params."""
    return (statement.replace("?", "%s"), tuple(params)) if params else (statement,)


class PostgresServer:
    """The server libpq's environment points at: throwaway databases, cloned from templates.

    A template at the schema head is built once per session through the CLI; each test's
    ledger is ``CREATE DATABASE ... TEMPLATE`` of it (a file copy, milliseconds), dropped after.
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


@pytest.fixture(scope="session")
def postgres_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PostgresServer]:
    """The PostgreSQL server, with the session's template ledger; skipped (or, when
    WEDERKERIG_REQUIRE_POSTGRES=1, failed) when there is none."""
    try:
        import psycopg
    except ImportError as error:
        if REQUIRE_POSTGRES:
            raise
        pytest.skip(f"no PostgreSQL driver ({error}): pip install 'wederkerig[postgres]'")
    try:
        server = PostgresServer(psycopg)
    except psycopg.OperationalError as error:
        if REQUIRE_POSTGRES:
            raise
        pytest.skip(
            f"no PostgreSQL server to test against ({str(error).strip()}): run the suite "
            "under pg_virtualenv, as .ci/run does"
        )
    _servers.append(server)
    try:
        server.build_head(tmp_path_factory.mktemp("postgres-template"))
        yield server
    finally:
        server.close()


_servers: list[PostgresServer] = []


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """What the throwaway databases cost: the PostgreSQL run's overhead per test."""
    for server in _servers:
        if server.created:
            terminalreporter.write_line(
                f"PostgreSQL: {server.created} databases cloned from templates and dropped "
                f"in {server.creating:.1f} s, {1000 * server.creating / server.created:.0f} ms "
                "per database"
            )


@pytest.fixture(scope="session")
def head_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty ledger file at the newest schema, made once (as ``wederkerig init`` does) and
    copied for each test: reading commands refuse a ledger that does not exist."""
    from wederkerig.store.database import create_ledger

    path = tmp_path_factory.mktemp("head") / "ledger.db"
    assert create_ledger(str(path))
    return path


@pytest.fixture
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Ledger]:
    """The test's own ledger, empty at the newest schema: a file in its temporary folder, or a
    fresh server database."""
    if not POSTGRES:
        yield SqliteLedger(tmp_path / "ledger.db", request.getfixturevalue("head_file"))
        return
    server: PostgresServer = request.getfixturevalue("postgres_server")
    ledger = server.new_ledger()
    yield ledger
    server.drop(ledger.name)


MakeLedger = Callable[[], Ledger]


@pytest.fixture
def new_ledger(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[MakeLedger]:
    """Another ledger on the same engine, as many as the test asks for (an empty ledger at the
    schema head), each distinct.

    On PostgreSQL only the newest ``KEEP_LEDGERS`` stay; older ones are dropped (a Hypothesis
    test asks for a few per example, and may run hundreds of examples while shrinking)."""
    made: list[PostgresLedger] = []

    def new() -> Ledger:
        if not POSTGRES:
            head = request.getfixturevalue("head_file")
            return SqliteLedger(tmp_path_factory.mktemp("ledger") / "ledger.db", head)
        server: PostgresServer = request.getfixturevalue("postgres_server")
        made.append(server.new_ledger())
        while len(made) > KEEP_LEDGERS:
            server.drop(made.pop(0).name)
        return made[-1]

    yield new
    for ledger in made:
        ledger.server.drop(ledger.name)


KEEP_LEDGERS = 10


@pytest.fixture
def ledger_path(tmp_path: Path) -> Path:
    """The test's ledger file, for tests about the SQLite file itself (``sqlite_only``)."""
    if POSTGRES:
        pytest.fail(
            "this test reads the ledger file: use the db fixture, or mark it "
            "@pytest.mark.sqlite_only(reason=...) if it is about the SQLite file",
            pytrace=False,
        )
    return tmp_path / "ledger.db"


# --- the CLI on the test's ledger --------------------------------------------------------------


@pytest.fixture(autouse=True)
def private_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Never touch the real user directories; no ledger chosen through the environment."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("WEDERKERIG_DB", raising=False)
    monkeypatch.delenv("WEDERKERIG_BUSY_TIMEOUT", raising=False)
    monkeypatch.delenv("WEDERKERIG_CONFIG", raising=False)
    monkeypatch.delenv("WEDERKERIG_ME", raising=False)
    monkeypatch.setenv("COLUMNS", "120")
    return tmp_path / "data" / "wederkerig"


Run = Callable[..., Result]


@pytest.fixture
def run(db: Ledger) -> Run:
    """Invoke the CLI in-process on the test's ledger: ``run("log", "Anna", "gave", ...)``."""

    def invoke(*args: str, today: date = TODAY, input: str | None = None, **env: str) -> Result:
        return CliRunner().invoke(
            app,
            ["--db", db.target, *args],
            obj=AppContext(today=today),
            input=input,
            env=env or None,
        )

    return invoke


@pytest.fixture
def run_json(run: Run) -> Callable[..., Any]:
    """Run a command with ``--format json`` and return the parsed document."""

    def invoke(*args: str) -> Any:
        result = run(*args, "--format", "json")
        assert result.exit_code == 0, result.stderr
        return json.loads(result.stdout)

    return invoke


def wederkerig_executable() -> str:
    """The installed console script (the thing users run), next to this interpreter."""
    found = shutil.which("wederkerig", path=str(Path(sys.executable).parent)) or shutil.which(
        "wederkerig"
    )
    assert found, "install the package first: python3 -m pip install -e '.[test]'"
    return found


@pytest.fixture
def cli(db: Ledger, tmp_path: Path) -> Callable[..., subprocess.CompletedProcess[str]]:
    """Run the installed ``wederkerig`` as a real process on the test's ledger."""
    executable, ledger = wederkerig_executable(), db

    def invoke(
        *args: str, input: str | None = None, env: dict[str, str] | None = None, db: bool = True
    ) -> subprocess.CompletedProcess[str]:
        environment = {
            **os.environ,
            "XDG_DATA_HOME": str(tmp_path / "data"),
            "XDG_CONFIG_HOME": str(tmp_path / "config"),
            **(env or {}),
        }
        prefix: Sequence[str] = ("--db", ledger.target) if db else ()
        return subprocess.run(
            [executable, *prefix, *args],
            input=input,
            env=environment,
            capture_output=True,
            text=True,
            timeout=120,
        )

    return invoke


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


def on(run: Run, ledger: Ledger | Path | str) -> Run:
    """A runner on another ledger: the global ``--db`` given last wins."""
    target = ledger.target if isinstance(ledger, Ledger) else str(ledger)
    return lambda *args, **options: run("--db", target, *args, **options)


NewLedger = Callable[[], Run]


@pytest.fixture
def fresh_ledger(run: Run, db: Ledger, new_ledger: MakeLedger) -> Iterator[NewLedger]:
    """A runner on a new ledger each time it is called, so each Hypothesis example starts
    empty. The global ``--db`` given last wins; the test's own ledger must never change."""

    def new() -> Run:
        return on(run, new_ledger())

    yield new
    assert db.untouched(), "a command used the test's ledger instead of the example's"


Refused = Callable[..., Result]


@pytest.fixture
def refused(run: Run, db: Ledger) -> Refused:
    """Run a command that must fail with ``code``: one line on stderr, nothing on stdout, no
    traceback, and the ledger exactly as it was."""

    def check(code: int, *args: str, **options: Any) -> Result:
        before = db.snapshot()
        result = run(*args, **options)
        assert result.exit_code == code, (result.stdout, result.stderr)
        assert "Traceback" not in result.stderr
        assert result.stdout == ""
        one_line(result.stderr)
        assert db.snapshot() == before
        return result

    return check


class Templates:
    """Ledgers built once per test module through the CLI, then copied into each test's."""

    def __init__(self, folder: Path, server: PostgresServer | None) -> None:
        self.folder = folder
        self.server = server
        self.built: dict[str, str] = {}  # name -> its template database (PostgreSQL)

    def once(self, name: str, ledger: Ledger, build: Callable[[], object]) -> None:
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

    def copy(self, name: str, ledger: Ledger) -> None:
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


@pytest.fixture(scope="module")
def templates(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Templates]:
    """A place per test module for ledgers built once and copied into each test."""
    server = request.getfixturevalue("postgres_server") if POSTGRES else None
    made = Templates(tmp_path_factory.mktemp("templates"), server)
    yield made
    made.close()


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
