"""Shared fixtures: every test gets its own ledger, data directory and a fixed 'today'."""

import csv
import io
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import closing
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from wederkerig.cli.app import app
from wederkerig.cli.context import AppContext

TODAY = date(2026, 11, 26)  # a Thursday; tests pass it in instead of patching the clock

# The entry export's columns: a contract scripts rely on, so spelled out here, not imported.
ENTRY_COLUMNS = [
    "id", "date", "contact", "direction", "kind", "value", "amount", "description", "event",
    "created_at", "status", "due", "answers", "introduction", "member",
]  # fmt: skip


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
def ledger_path(tmp_path: Path) -> Path:
    return tmp_path / "ledger.db"


Run = Callable[..., Result]


@pytest.fixture
def run(ledger_path: Path) -> Run:
    """Invoke the CLI in-process on the test's ledger: ``run("log", "Anna", "gave", ...)``."""

    def invoke(*args: str, today: date = TODAY, input: str | None = None, **env: str) -> Result:
        return CliRunner().invoke(
            app,
            ["--db", str(ledger_path), *args],
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
def cli(ledger_path: Path, tmp_path: Path) -> Callable[..., subprocess.CompletedProcess[str]]:
    """Run the installed ``wederkerig`` as a real process on the test's ledger."""
    executable = wederkerig_executable()

    def invoke(
        *args: str, input: str | None = None, env: dict[str, str] | None = None, db: bool = True
    ) -> subprocess.CompletedProcess[str]:
        environment = {
            **os.environ,
            "XDG_DATA_HOME": str(tmp_path / "data"),
            "XDG_CONFIG_HOME": str(tmp_path / "config"),
            **(env or {}),
        }
        prefix: Sequence[str] = ("--db", str(ledger_path)) if db else ()
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
    with sqlite3.connect(path) as connection:
        (count,) = connection.execute(f"SELECT count(*) FROM {table}").fetchone()
    connection.close()
    return int(count)


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
    """Every row of every table, schema included: equal before and after a refused command."""
    with closing(sqlite3.connect(ledger)) as connection:
        return list(connection.iterdump())


def on(run: Run, path: Path) -> Run:
    """A runner on another ledger: the global ``--db`` given last wins."""
    return lambda *args, **options: run("--db", str(path), *args, **options)


NewLedger = Callable[[], Run]


@pytest.fixture
def fresh_ledger(
    run: Run, ledger_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[NewLedger]:
    """A runner on a new ledger each time it is called, so each Hypothesis example starts
    empty. The global ``--db`` given last wins; the test's own ledger must never appear."""

    def new() -> Run:
        return on(run, tmp_path_factory.mktemp("example") / "ledger.db")

    yield new
    assert not ledger_path.exists(), "a command used the test's ledger instead of the example's"


Refused = Callable[..., Result]


@pytest.fixture
def refused(run: Run, ledger_path: Path) -> Refused:
    """Run a command that must fail with ``code``: one line on stderr, nothing on stdout, no
    traceback, and the ledger exactly as it was."""

    def check(code: int, *args: str, **options: Any) -> Result:
        if not ledger_path.exists():
            ok(run("contact", "list"))  # create it, so there is a before
        before = snapshot(ledger_path)
        result = run(*args, **options)
        assert result.exit_code == code, (result.stdout, result.stderr)
        assert "Traceback" not in result.stderr
        assert result.stdout == ""
        one_line(result.stderr)
        assert snapshot(ledger_path) == before
        return result

    return check


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder per test module for ledgers built once and copied into each test."""
    return tmp_path_factory.mktemp("templates")


def once_per_module(template: Path, ledger_path: Path, build: Callable[[], None]) -> None:
    """Build a ledger through the CLI once, then give every later test its own copy of it."""
    if template.exists():
        shutil.copy2(template, ledger_path)
        return
    build()
    assert [p.name for p in ledger_path.parent.glob(f"{ledger_path.name}*")] == [ledger_path.name]
    shutil.copy2(ledger_path, template)


def parse_csv(text: str) -> list[dict[str, str]]:
    """CSV output read back strictly, as a script's csv module would."""
    return list(csv.DictReader(io.StringIO(text, newline=""), strict=True))


def csv_header(text: str) -> list[str]:
    return next(csv.reader(io.StringIO(text, newline="")))
