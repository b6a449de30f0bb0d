"""Shared fixtures and hooks: every test gets its own ledger, data directory and a fixed 'today'.

The suite runs on either engine (see helpers.py). Tests see the ledger through
``helpers.LedgerUnderTest`` (the ``db`` fixture): what ``--db`` names, and engine-neutral
``count``, ``snapshot`` and ``exists``. Tests about the SQLite file itself carry
``@pytest.mark.sqlite_only(reason=...)`` and are skipped, saying why, on PostgreSQL. Without a
server the PostgreSQL run is skipped with the reason, unless ``WEDERKERIG_REQUIRE_POSTGRES=1``
(as in ``.ci/run``), where it fails instead. Every test in tests/system is ``slow``.
"""

import json
import os
import subprocess
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

# The tests read English, whatever the developer's locale (help is translated at import).
os.environ["WEDERKERIG_LANG"] = "en"

from helpers import (
    ENGINE,
    ENGINE_ENV,
    KEEP_LEDGERS,
    POSTGRES,
    REQUIRE_POSTGRES,
    TODAY,
    LedgerUnderTest,
    MakeLedger,
    NewLedger,
    PostgresLedger,
    PostgresServer,
    Refused,
    Run,
    SqliteLedger,
    Templates,
    on,
    one_line,
    wederkerig_executable,
)
from wederkerig.cli.app import app
from wederkerig.cli.context import AppContext


def pytest_configure(config: pytest.Config) -> None:
    if ENGINE not in {"sqlite", "postgresql"}:
        raise pytest.UsageError(f"{ENGINE_ENV}={ENGINE!r}: use sqlite (the default) or postgresql")


def pytest_report_header(config: pytest.Config) -> str:
    where = " (libpq's environment: PGHOST, PGPORT, PGUSER)" if POSTGRES else ""
    return f"ledger engine: {ENGINE}{where}; set {ENGINE_ENV}=postgresql|sqlite to choose"


SYSTEM_TIER = Path(__file__).resolve().parent / "system"


@pytest.hookimpl(tryfirst=True)  # before ``-m`` deselects by marker
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Every test in tests/system is ``slow`` (the default run leaves them out); every
    ``sqlite_only`` test says why, and on PostgreSQL it is skipped with that reason."""
    for item in items:
        if item.path.is_relative_to(SYSTEM_TIER):
            item.add_marker(pytest.mark.slow)
        marker = item.get_closest_marker("sqlite_only")
        if marker is None:
            continue
        reason = marker.kwargs.get("reason")
        if not reason:
            raise pytest.UsageError(f"{item.nodeid}: sqlite_only needs reason='why'")
        if POSTGRES:
            item.add_marker(pytest.mark.skip(reason=f"SQLite only: {reason}"))


# --- the ledger under test, on either engine ---------------------------------------------------


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
# (databases cloned, seconds spent) per process: with pytest-xdist each worker has a server
# connection of its own, and sends its count to the controller when it ends.
_cloned: list[tuple[int, float]] = []


@pytest.hookimpl(trylast=True)  # after the session fixtures closed the servers
def pytest_sessionfinish(session: pytest.Session) -> None:
    costs = [(server.created, server.creating) for server in _servers if server.created]
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is None:
        _cloned.extend(costs)
    else:
        workeroutput["postgres_clones"] = costs


@pytest.hookimpl(optionalhook=True)  # a pytest-xdist hook: the controller hears a worker end
def pytest_testnodedown(node: Any, error: Any) -> None:
    _cloned.extend(getattr(node, "workeroutput", {}).get("postgres_clones", []))


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """What the throwaway databases cost: the PostgreSQL run's overhead per test."""
    created = sum(count for count, _ in _cloned)
    seconds = sum(spent for _, spent in _cloned)
    if created:
        terminalreporter.write_line(
            f"PostgreSQL: {created} databases cloned from templates and dropped in "
            f"{seconds:.1f} s, {1000 * seconds / created:.0f} ms per database"
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
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[LedgerUnderTest]:
    """The test's own ledger, empty at the newest schema: a file in its temporary folder, or a
    fresh server database."""
    if not POSTGRES:
        yield SqliteLedger(tmp_path / "ledger.db", request.getfixturevalue("head_file"))
        return
    server: PostgresServer = request.getfixturevalue("postgres_server")
    ledger = server.new_ledger()
    yield ledger
    server.drop(ledger.name)


@pytest.fixture
def new_ledger(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[MakeLedger]:
    """Another ledger on the same engine, as many as the test asks for (an empty ledger at the
    schema head), each distinct.

    On PostgreSQL only the newest ``KEEP_LEDGERS`` stay; older ones are dropped (a Hypothesis
    test asks for a few per example, and may run hundreds of examples while shrinking)."""
    made: list[PostgresLedger] = []

    def new() -> LedgerUnderTest:
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


@pytest.fixture
def run(db: LedgerUnderTest) -> Run:
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


@pytest.fixture
def cli(db: LedgerUnderTest, tmp_path: Path) -> Callable[..., subprocess.CompletedProcess[str]]:
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


@pytest.fixture
def fresh_ledger(run: Run, db: LedgerUnderTest, new_ledger: MakeLedger) -> Iterator[NewLedger]:
    """A runner on a new ledger each time it is called, so each Hypothesis example starts
    empty. The global ``--db`` given last wins; the test's own ledger must never change."""

    def new() -> Run:
        return on(run, new_ledger())

    yield new
    assert db.untouched(), "a command used the test's ledger instead of the example's"


@pytest.fixture
def refused(run: Run, db: LedgerUnderTest) -> Refused:
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


@pytest.fixture(scope="module")
def templates(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Templates]:
    """A place per test module for ledgers built once and copied into each test."""
    server = request.getfixturevalue("postgres_server") if POSTGRES else None
    made = Templates(tmp_path_factory.mktemp("templates"), server)
    yield made
    made.close()
