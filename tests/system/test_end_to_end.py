"""The installed ``wederkerig`` as users and shell scripts run it: real processes, real pipes.

Everything here goes through the console script in a subprocess, because pipes, exit codes,
file modes, locks between processes and import costs only show up there.
"""

import csv
import io
import os
import re
import shutil
import sqlite3
import stat
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from helpers import ENTRY_COLUMNS, LedgerUnderTest, count_rows, wederkerig_executable

Cli = Callable[..., subprocess.CompletedProcess[str]]

CONTACT = "Anna de Vries"  # the one contact in the template ledger
SQLITE_HEADER = b"SQLite format 3\x00"
# SGR parameters that set a colour (foreground, background, bright, 256/true colour).
COLOUR_SGR = re.compile(r"\x1b\[(?:[0-9;]*;)?(?:3[0-9]|4[0-9]|9[0-7]|10[0-7])(?:;[0-9;]*)?m")
DATABASE_MODULES = {"sqlalchemy", "sqlmodel", "alembic"}


def clean_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """The test's private environment for processes started without the ``cli`` fixture."""
    return {
        **os.environ,
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        **extra,
    }


def assert_one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    """A refused command: nothing on stdout, one line on stderr, no traceback."""
    assert "Traceback" not in result.stderr, result.stderr
    assert result.stdout == "", result.stdout
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.fixture(scope="session")
def template_ledger(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real ledger file with one contact and one entry, made once by the CLI."""
    where = tmp_path_factory.mktemp("template")
    path = where / "ledger.db"
    result = subprocess.run(
        [
            wederkerig_executable(),
            "--db",
            str(path),
            "log",
            CONTACT,
            "gave",
            "knowledge",
            "tip",
            "--create",
        ],
        env=clean_env(where),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return path


# 1. Pipes: data on stdout, escape-free unless colour is forced, messages on stderr.


def test_log_prints_only_the_id_on_stdout_and_the_message_on_stderr(cli: Cli) -> None:
    result = cli("log", "Bram Jansen", "received", "talent", "hielp met de verhuizing", "--create")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "1\n"
    assert "Bram Jansen" in result.stderr
    assert "Traceback" not in result.stderr


def test_table_output_in_a_pipe_has_no_escape_sequences(
    cli: Cli, one_entry: LedgerUnderTest
) -> None:
    result = cli("entries")
    assert result.returncode == 0, result.stderr
    assert CONTACT in result.stdout
    assert "\x1b" not in result.stdout
    assert "\x1b" not in result.stderr


def test_force_color_colours_the_table_even_in_a_pipe(cli: Cli, one_entry: LedgerUnderTest) -> None:
    result = cli("entries", env={"FORCE_COLOR": "1"})
    assert result.returncode == 0, result.stderr
    assert COLOUR_SGR.search(result.stdout), result.stdout


def test_no_color_wins_over_force_color(cli: Cli, one_entry: LedgerUnderTest) -> None:
    """NO_COLOR (no-color.org) forbids colour; Rich may still emit bold/dim, which is not colour."""
    result = cli("entries", env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert result.returncode == 0, result.stderr
    assert CONTACT in result.stdout
    assert not COLOUR_SGR.search(result.stdout), repr(result.stdout)


# 2. Which ledger: --db, then WEDERKERIG_DB, then the private default.


def test_db_flag_beats_the_environment_variable(
    cli: Cli, db: LedgerUnderTest, tmp_path: Path
) -> None:
    from_env = tmp_path / "from-env.db"
    result = cli("log", CONTACT, "gave", "money", "--create", env={"WEDERKERIG_DB": str(from_env)})
    assert result.returncode == 0, result.stderr
    assert db.count() == 1
    assert not from_env.exists()


def test_environment_variable_alone_selects_the_ledger(
    cli: Cli, db: LedgerUnderTest, tmp_path: Path, private_dirs: Path
) -> None:
    from_env = tmp_path / "elsewhere" / "from-env.db"
    result = cli(
        "log", CONTACT, "gave", "money", "--create", env={"WEDERKERIG_DB": str(from_env)}, db=False
    )
    assert result.returncode == 0, result.stderr
    assert count_rows(from_env) == 1
    assert db.untouched()
    assert not (private_dirs / "ledger.db").exists()


@pytest.mark.sqlite_only(reason="the default ledger is a file, with modes 0700 and 0600")
def test_default_ledger_is_private_in_the_user_data_directory(cli: Cli, private_dirs: Path) -> None:
    assert not private_dirs.exists()
    result = cli("log", CONTACT, "received", "access", "--create", db=False)
    assert result.returncode == 0, result.stderr
    default = private_dirs / "ledger.db"
    assert count_rows(default) == 1
    assert stat.S_IMODE(private_dirs.stat().st_mode) == 0o700
    assert stat.S_IMODE(default.stat().st_mode) == 0o600


# 3. Exit codes, each with exactly one line on stderr.


def test_success_exits_0(cli: Cli, one_entry: LedgerUnderTest) -> None:
    result = cli("log", CONTACT, "kreeg", "kennis", "--on", "gisteren")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "2\n"
    assert len(result.stderr.splitlines()) == 1
    assert one_entry.count() == 2


@pytest.mark.parametrize(
    ("args", "code", "says"),
    [
        pytest.param(
            ("log", "Ana de Vries", "gave", "knowledge"), 1, CONTACT, id="unknown-contact"
        ),
        pytest.param(("log", CONTACT, "gave", "gossip"), 2, "gossip", id="bad-kind"),
        pytest.param(("log", CONTACT, "sideways", "talent"), 2, "sideways", id="bad-direction"),
        pytest.param(
            ("log", CONTACT, "gave", "talent", "--on", "2026-02-30"), 2, "2026-02-30", id="bad-date"
        ),
        pytest.param(
            ("log", CONTACT, "gave", "talent", "--on", "2099-01-01"), 2, "future", id="future-date"
        ),
    ],
)
def test_refused_command_exits_with_its_code_and_one_line(
    cli: Cli, one_entry: LedgerUnderTest, args: tuple[str, ...], code: int, says: str
) -> None:
    before = one_entry.state()
    result = cli(*args)
    assert result.returncode == code, result.stderr
    assert says in assert_one_line_error(result)
    assert one_entry.state() == before


def test_bad_option_value_exits_2_with_one_line(cli: Cli, one_entry: LedgerUnderTest) -> None:
    """The contract: every error is one line on stderr, Click's usage errors included."""
    result = cli("log", CONTACT, "gave", "talent", "--value", "lots")
    assert result.returncode == 2, result.stderr
    assert "--value" in assert_one_line_error(result)


@pytest.mark.sqlite_only(reason="a file of text where the ledger file should be")
def test_database_problem_exits_3(cli: Cli, ledger_path: Path) -> None:
    ledger_path.write_text("these are my shopping notes\n")
    result = cli("entries")
    assert result.returncode == 3, result.stderr
    assert str(ledger_path) in assert_one_line_error(result)


# 4. Closing the pipe early.


@pytest.mark.parametrize("file_format", ["csv", "json"])
def test_export_into_head_closes_quietly(
    one_entry: LedgerUnderTest, tmp_path: Path, file_format: str
) -> None:
    ((contact_id,),) = one_entry.query("SELECT id FROM contact")
    one_entry.executemany(
        "INSERT INTO entry (contact_id, direction, kind, value, amount_cents, description,"
        " occurred_on, event_id, created_at) VALUES (?, ?, ?, ?, NULL, ?, ?, NULL, ?)",
        (
            (contact_id, "gave", "knowledge", 1 + n % 5, f"entry number {n}, with some text",
             "2026-01-01", "2026-01-01 12:00:00.000000")
            for n in range(3000)
        ),
    )  # fmt: skip
    assert one_entry.count() == 3001

    export = subprocess.Popen(
        [wederkerig_executable(), "--db", one_entry.target, "export", "--format", file_format],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=clean_env(tmp_path),
    )
    assert export.stdout is not None
    assert export.stderr is not None
    head = subprocess.Popen(["head", "-n", "1"], stdin=export.stdout, stdout=subprocess.PIPE)
    export.stdout.close()  # head alone holds the read end: when it exits, the pipe closes
    first_line, _ = head.communicate(timeout=60)
    errors = export.stderr.read().decode()
    export.stderr.close()
    export.wait(timeout=60)

    header = ",".join(ENTRY_COLUMNS).encode()
    assert first_line.strip() == (header if file_format == "csv" else b"[")
    assert "Traceback" not in errors, errors
    assert "BrokenPipeError" not in errors, errors
    assert "Exception ignored" not in errors, errors


# 5. Parallel writers: tests/system/test_faults.py (8 processes x 50 logs).


# 6. Files that are not (usable) ledgers are refused and never modified.


def _garbage(path: Path, template: Path) -> None:
    path.write_text("Dear diary,\nno SQLite here.\n")


def _empty_file(path: Path, template: Path) -> None:
    path.write_bytes(b"")


def _truncated(path: Path, template: Path) -> None:
    path.write_bytes(template.read_bytes()[:1000])


def _other_program(path: Path, template: Path) -> None:
    path.unlink(missing_ok=True)  # the test's empty ledger: this file is another program's
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
        connection.execute("INSERT INTO notes (body) VALUES ('buy milk')")
    connection.close()


def _newer_schema(path: Path, template: Path) -> None:
    shutil.copyfile(template, path)
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.close()


@pytest.mark.sqlite_only(reason="files that are not ledgers, where the ledger file should be")
@pytest.mark.parametrize(
    ("make", "says"),
    [
        pytest.param(_garbage, "not", id="garbage-text"),
        pytest.param(_empty_file, "empty", id="empty-file"),
        pytest.param(_truncated, "damaged", id="truncated-ledger"),
        pytest.param(_other_program, "another program", id="other-programs-database"),
        pytest.param(_newer_schema, "upgrade wederkerig", id="newer-schema"),
    ],
)
def test_not_a_usable_ledger_is_refused_and_left_untouched(
    cli: Cli,
    ledger_path: Path,
    template_ledger: Path,
    make: Callable[[Path, Path], None],
    says: str,
) -> None:
    make(ledger_path, template_ledger)
    before = ledger_path.read_bytes()
    neighbours = sorted(ledger_path.parent.iterdir())

    result = cli("log", CONTACT, "gave", "talent", "--create")  # the write path: most at risk

    assert result.returncode == 3, result.stderr
    line = assert_one_line_error(result)
    assert str(ledger_path) in line
    assert says in line
    assert ledger_path.read_bytes() == before
    assert sorted(ledger_path.parent.iterdir()) == neighbours  # no journal, WAL or backup left


# 7. An empty SQLite database becomes a ledger.


@pytest.mark.sqlite_only(reason="an empty SQLite file; tests/cli/test_postgres.py has the server's")
def test_empty_sqlite_database_becomes_a_ledger(cli: Cli, ledger_path: Path) -> None:
    sqlite3.connect(ledger_path).execute("VACUUM").connection.close()
    assert ledger_path.read_bytes().startswith(SQLITE_HEADER)

    result = cli("log", CONTACT, "gave", "access", "een introductie", "--create")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "1\n"
    assert count_rows(ledger_path) == 1


# 8. Help stays fast: the database stack is not imported.


def test_importing_the_cli_does_not_import_the_database_stack() -> None:
    code = (
        "import sys, wederkerig.cli.app\n"
        "loaded = sorted({m.split('.')[0] for m in sys.modules} & "
        f"set({sorted(DATABASE_MODULES | {'pydantic'})!r}))\n"
        "assert not loaded, loaded\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("args", [("--help",), ("contact", "--help")], ids=" ".join)
def test_help_does_not_import_the_database_stack(tmp_path: Path, args: tuple[str, ...]) -> None:
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "wederkerig", *args],
        capture_output=True,
        text=True,
        env=clean_env(tmp_path),
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Usage" in result.stdout
    imported = {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines()}
    assert "wederkerig.cli.app" in imported  # the import log is really there
    heavy = sorted(m for m in imported if m.split(".")[0] in DATABASE_MODULES)
    assert not heavy, heavy


# 9. Waiting for another process's write lock.

SQLITE_LOCK = pytest.mark.sqlite_only(reason="SQLite's write lock and WEDERKERIG_BUSY_TIMEOUT")

HOLD_LOCK = """
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN IMMEDIATE")
print("holding", flush=True)
sys.stdin.readline()
connection.execute("COMMIT")
connection.close()
"""


def _hold_write_lock(one_entry: LedgerUnderTest) -> subprocess.Popen[str]:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, one_entry.target],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None
    assert holder.stdout.readline() == "holding\n"
    return holder


def _release(holder: subprocess.Popen[str]) -> None:
    holder.communicate("\n", timeout=30)
    assert holder.returncode == 0


@SQLITE_LOCK
def test_lock_held_longer_than_the_busy_timeout_exits_3(
    cli: Cli, one_entry: LedgerUnderTest
) -> None:
    holder = _hold_write_lock(one_entry)
    try:
        result = cli("log", CONTACT, "gave", "talent", env={"WEDERKERIG_BUSY_TIMEOUT": "1"})
    finally:
        _release(holder)
    assert result.returncode == 3, result.stderr
    assert "locked" in assert_one_line_error(result)
    assert one_entry.count() == 1


@SQLITE_LOCK
def test_log_waits_for_a_lock_released_within_the_busy_timeout(
    one_entry: LedgerUnderTest, tmp_path: Path
) -> None:
    holder = _hold_write_lock(one_entry)
    try:
        log = subprocess.Popen(
            [wederkerig_executable(), "--db", one_entry.target, "log", CONTACT, "gave", "talent"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=clean_env(tmp_path),
        )
        time.sleep(1.0)
        assert log.poll() is None, log.communicate()  # still waiting for the lock
    finally:
        _release(holder)
    out, errors = log.communicate(timeout=60)
    assert log.returncode == 0, errors
    assert out == "2\n"
    assert one_entry.count() == 2


# 10. Unicode names survive a pipe.

NAMES = ["Ülkü Yılmaz", "李娜", "محمد"]


def test_unicode_names_survive_log_and_csv_export(
    cli: Cli, db: LedgerUnderTest, tmp_path: Path
) -> None:
    for name in NAMES:
        result = cli("log", name, "received", "knowledge", f"advies van {name}", "--create")
        assert result.returncode == 0, result.stderr

    for locale in ({}, {"LC_ALL": "C", "LANG": "C"}):
        exported = subprocess.run(
            [wederkerig_executable(), "--db", db.target, "export"],
            capture_output=True,
            env=clean_env(tmp_path, **locale),
            timeout=60,
            check=False,
        )
        assert exported.returncode == 0, exported.stderr
        assert not exported.stdout.startswith(b"\xef\xbb\xbf")  # UTF-8 without BOM
        rows = list(csv.DictReader(io.StringIO(exported.stdout.decode("utf-8"), newline="")))
        assert [row["contact"] for row in rows] == NAMES
        assert [row["description"] for row in rows] == [f"advies van {n}" for n in NAMES]
