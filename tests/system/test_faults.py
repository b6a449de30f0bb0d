"""Faults from outside the command: many writers at once, a lock held too long, a kill in the
middle of an import, a full disk, read-only files and folders, damaged ledgers, and database
errors that must not repeat what the ledger holds.

Most of these run the installed executable as a real process, because locks between
processes, signals and resource limits only exist there. Each test says what it measured when
the figure matters (``pytest -s`` shows it).
"""

import csv
import io
import os
import random
import resource
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import time
import warnings
from collections.abc import Callable, Iterator, Sequence
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from helpers import (
    ENTRY_COLUMNS,
    FIXTURES,
    POSTGRES,
    TODAY,
    LedgerUnderTest,
    MakeLedger,
    Refused,
    Run,
    SqliteLedger,
    Templates,
    count_rows,
    ok,
    on,
    one_line,
    snapshot,
    wederkerig_executable,
)
from wederkerig.cli.app import app
from wederkerig.cli.context import AppContext

ROWS = 10_000  # entries in the big import
PEOPLE = 250  # contacts those rows name
SECRET_NOTE = "diagnose: burn-out, vertrouwelijk"
SECRET_NAME = "Zoë Geheimhouder"

Proc = subprocess.CompletedProcess[str]


# --- helpers ---------------------------------------------------------------------------------


def private_env(home: Path, **extra: str) -> dict[str, str]:
    """The environment of a real process: private data and config folders, nothing inherited
    that chooses a ledger or a busy timeout."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"WEDERKERIG_DB", "WEDERKERIG_BUSY_TIMEOUT"}
    }
    env.update(XDG_DATA_HOME=str(home / "data"), XDG_CONFIG_HOME=str(home / "config"))
    env.update(extra)
    return env


def wederkerig(
    db: Path | LedgerUnderTest,
    *args: str,
    home: Path,
    env: dict[str, str] | None = None,
    preexec_fn: Callable[[], None] | None = None,
    prefix: Sequence[str] = (),
    timeout: float = 120,
) -> Proc:
    """Run the installed executable on ``db`` (a ledger file or the test's ledger) as a real
    process."""
    return subprocess.run(
        [*prefix, wederkerig_executable(), "--db", str(db), *args],
        env=private_env(home, **(env or {})),
        capture_output=True,
        text=True,
        timeout=timeout,
        preexec_fn=preexec_fn,
        check=False,
    )


def refused_line(result: Proc, code: int) -> str:
    """A refused real process: exit ``code``, nothing on stdout, one line on stderr, no
    traceback; returns that line."""
    assert result.returncode == code, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.stdout == "", result.stdout
    return one_line(result.stderr)


def integrity(path: Path) -> str:
    with closing(sqlite3.connect(path)) as connection:
        (verdict,) = connection.execute("PRAGMA integrity_check").fetchone()
    return str(verdict)


def settle(path: Path) -> None:
    """Fold any write-ahead log into the file, so its bytes alone are the whole ledger."""
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def neighbours(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir())


def invoke(db: Path, *args: str, home: Path) -> None:
    """Build a ledger in-process (for module-wide templates, where ``run`` is not available)."""
    result = CliRunner().invoke(
        app,
        ["--db", str(db), *args],
        obj=AppContext(today=TODAY),
        env={"XDG_DATA_HOME": str(home / "data"), "XDG_CONFIG_HOME": str(home / "config")},
    )
    assert result.exit_code == 0, (result.stdout, result.stderr, result.exception)


def write_entries_csv(path: Path, header: list[str], rows: int, people: int = PEOPLE) -> Path:
    """``rows`` plain entries for ``people`` new contacts, in the columns 'export' writes."""
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=header, restval="")
    writer.writeheader()
    for n in range(1, rows + 1):
        money = n % 7 == 0
        writer.writerow(
            {
                "date": "2026-01-10",
                "contact": f"Persoon {n % people}",
                "direction": "gave" if n % 2 else "received",
                "kind": "money" if money else "knowledge",
                "value": str(1 + n % 5),
                "amount": "12.50" if money else "",
                "description": f"tip {n}",
                "created_at": "2026-01-10T09:00:00Z",
            }
        )
    path.write_text(buffer.getvalue(), encoding="utf-8", newline="")
    return path


@pytest.fixture(scope="module")
def csvs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Built once: entries files in the columns 'export' writes, of 10,000 rows and of 3."""
    folder = tmp_path_factory.mktemp("csv")
    return {
        "csv": write_entries_csv(folder / "entries-10000.csv", ENTRY_COLUMNS, ROWS),
        "small_csv": write_entries_csv(folder / "entries-3.csv", ENTRY_COLUMNS, 3, people=3),
    }


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory, csvs: dict[str, Path]) -> dict[str, Path]:
    """Built once: the entries files, and an empty but initialised ledger file."""
    folder = tmp_path_factory.mktemp("big")
    empty = folder / "empty.db"
    invoke(empty, "init", home=folder)
    settle(empty)
    return {**csvs, "empty": empty}


@pytest.fixture
def empty(run: Run, new_ledger: MakeLedger, templates: Templates) -> MakeLedger:
    """New empty ledgers, already initialised (so that an import starts importing at once)."""

    def make() -> LedgerUnderTest:
        ledger = new_ledger()
        templates.once("empty", ledger, lambda: ok(on(run, ledger)("contact", "list")))
        return ledger

    return make


@pytest.fixture
def full(
    run: Run, empty: MakeLedger, templates: Templates, csvs: dict[str, Path]
) -> LedgerUnderTest:
    """A ledger holding the 10,000 rows (imported once per module through the CLI)."""
    ledger = empty()

    def build() -> None:
        ok(on(run, ledger)("import", "entries", str(csvs["csv"]), "--create-contacts"))
        assert ledger.count() == ROWS

    templates.once("full", ledger, build)
    return ledger


@pytest.fixture
def anna(run: Run, db: LedgerUnderTest) -> LedgerUnderTest:
    """The test's ledger with two contacts and two entries (on SQLite settled into one file)."""
    ok(run("contact", "add", "Anna de Vries", "--alias", "Anna", "--note", SECRET_NOTE))
    ok(run("contact", "add", "Bram Bakker", "--alias", "Bram"))
    ok(run("log", "Anna", "gave", "knowledge", "tip over subsidie", "--on", "2026-10-01"))
    ok(run("log", "Bram", "received", "money", "lening", "--amount", "12,50"))
    if isinstance(db, SqliteLedger):
        settle(db.path)
    return db


@pytest.fixture
def anna_file(anna: LedgerUnderTest) -> Path:
    """The same ledger as its SQLite file, for the tests about the file."""
    assert isinstance(anna, SqliteLedger)
    return anna.path


# --- 1. many writers -------------------------------------------------------------------------

# SQLite's figure: eight writers queueing for its one write lock (about a minute of 400 real
# processes). A server has no such queue, and each process costs the same: 4 x 25 shows its
# concurrency in a quarter of the time.
WRITERS, LOGS = (4, 25) if POSTGRES else (8, 50)


@pytest.mark.parametrize(
    ("writers", "logs"), [(WRITERS, LOGS)], ids=[f"{WRITERS}_writers_x_{LOGS}_logs"]
)
def test_parallel_writers_all_land(
    run: Run, db: LedgerUnderTest, tmp_path: Path, writers: int, logs: int
) -> None:
    """``writers`` processes, each a shell loop of ``logs`` real ``log`` processes, on one
    ledger."""
    ok(run("contact", "add", "Anna de Vries"))
    script = (
        f'for i in $(seq {logs}); do "$WEDERKERIG" --db "$LEDGER" '
        'log "Anna de Vries" gave knowledge "worker $WORKER, log $i" || exit 1; done'
    )
    env = private_env(tmp_path, WEDERKERIG=wederkerig_executable(), LEDGER=db.target)
    started = time.monotonic()
    workers = [
        subprocess.Popen(
            ["bash", "-c", script],
            env={**env, "WORKER": str(worker)},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for worker in range(writers)
    ]
    outcomes = [(*worker.communicate(timeout=900), worker.returncode) for worker in workers]
    seconds = time.monotonic() - started
    print(f"\n{writers} writers x {logs} logs took {seconds:.1f} s")
    if seconds > 60 * writers * logs / 400:
        warnings.warn(
            f"{writers} writers x {logs} logs took {seconds:.0f} s "
            f"(budget ~{60 * writers * logs / 400:.0f} s): "
            f"{seconds / (writers * logs):.2f} s per log process on {os.cpu_count()} CPUs",
            stacklevel=1,
        )

    for _, errors, code in outcomes:
        assert code == 0, errors
        assert "database is locked" not in errors, errors
        assert "locked" not in errors, errors
        assert "Traceback" not in errors, errors
    ids = [int(line) for out, _, _ in outcomes for line in out.split()]
    assert sorted(ids) == list(range(1, writers * logs + 1))
    assert db.count() == writers * logs
    assert db.count("contact") == 1
    if isinstance(db, SqliteLedger):
        assert integrity(db.path) == "ok"
    found = {d for (d,) in db.query("SELECT description FROM entry")}
    assert found == {f"worker {w}, log {i}" for w in range(writers) for i in range(1, logs + 1)}


# --- 2. another process holding the write lock -----------------------------------------------

HOLD = """
import sqlite3, sys, time
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN IMMEDIATE")
if len(sys.argv) > 3:  # a contact that only exists once the holder commits
    connection.execute(
        "INSERT INTO contact (name, name_key, created_at) VALUES (?, ?, ?)",
        (sys.argv[3], sys.argv[3].casefold(), "2026-11-26 12:00:00.000000"),
    )
print("holding", flush=True)
time.sleep(float(sys.argv[2]))
connection.execute("COMMIT")
connection.close()
"""


SQLITE_LOCK = pytest.mark.sqlite_only(reason="SQLite's write lock and its busy timeout")


@pytest.fixture
def hold_lock() -> Iterator[Callable[..., subprocess.Popen[str]]]:
    """Start a process that takes the ledger's write lock, holds it for ``seconds`` and commits."""
    holders: list[subprocess.Popen[str]] = []

    def start(ledger: Path, seconds: float, *insert: str) -> subprocess.Popen[str]:
        holder = subprocess.Popen(
            [sys.executable, "-c", HOLD, str(ledger), str(seconds), *insert],
            stdout=subprocess.PIPE,
            text=True,
        )
        holders.append(holder)
        assert holder.stdout is not None
        assert holder.stdout.readline() == "holding\n"
        return holder

    yield start
    for holder in holders:
        holder.wait(timeout=60)
        assert holder.returncode == 0


@SQLITE_LOCK
def test_log_waits_for_a_holder_that_commits_within_the_busy_timeout_and_sees_its_work(
    anna_file: Path, tmp_path: Path, hold_lock: Callable[..., subprocess.Popen[str]]
) -> None:
    """The waiting ``log`` names a contact the holder adds: it can only succeed if it waited
    for the commit and then read the ledger afresh."""
    holder = hold_lock(anna_file, 2.0, "Holder Hanna")
    started = time.monotonic()
    result = wederkerig(
        anna_file, "log", "Holder Hanna", "gave", "talent", home=tmp_path,
        env={"WEDERKERIG_BUSY_TIMEOUT": "20"},
    )  # fmt: skip
    waited = time.monotonic() - started
    assert result.returncode == 0, result.stderr
    assert holder.poll() is not None, "log returned while the holder still held the lock"
    assert waited > 1.0, waited
    assert result.stdout == "3\n"
    assert "Holder Hanna" in result.stderr
    assert count_rows(anna_file) == 3


@SQLITE_LOCK
def test_busy_timeout_0_3_s_against_a_3_s_holder_exits_3_and_changes_nothing(
    anna_file: Path, tmp_path: Path, hold_lock: Callable[..., subprocess.Popen[str]]
) -> None:
    """WEDERKERIG_BUSY_TIMEOUT is in seconds (docs/scripting.md), so 300 ms is written 0.3."""
    before = snapshot(anna_file)
    holder = hold_lock(anna_file, 3.0)
    result = wederkerig(
        anna_file, "log", "Anna", "gave", "talent", "mag niet landen", home=tmp_path,
        env={"WEDERKERIG_BUSY_TIMEOUT": "0.3"},
    )  # fmt: skip
    still_holding = holder.poll() is None
    line = refused_line(result, 3)
    assert still_holding, "log only gave up after the holder let go: the timeout was not 0.3 s"
    assert "locked" in line
    assert "0.3 s" in line
    assert str(anna_file) in line
    holder.wait(timeout=30)
    assert snapshot(anna_file) == before
    assert integrity(anna_file) == "ok"


@SQLITE_LOCK
def test_reading_is_not_blocked_by_a_held_write_lock(
    anna_file: Path, tmp_path: Path, hold_lock: Callable[..., subprocess.Popen[str]]
) -> None:
    """WAL: readers never wait for the writer, even with a busy timeout of 0."""
    holder = hold_lock(anna_file, 3.0)
    result = wederkerig(
        anna_file, "balance", "--format", "csv", home=tmp_path, env={"WEDERKERIG_BUSY_TIMEOUT": "0"}
    )
    assert holder.poll() is None, "the holder was gone before the read: nothing was shown"
    assert result.returncode == 0, result.stderr
    assert "Anna de Vries" in result.stdout


@pytest.mark.parametrize("value", ["300ms", "abc", "inf", "nan"])
def test_a_busy_timeout_that_is_not_a_number_of_seconds_is_refused(
    anna: LedgerUnderTest, refused: Refused, value: str
) -> None:
    line = one_line(refused(3, "balance", WEDERKERIG_BUSY_TIMEOUT=value).stderr)
    assert "WEDERKERIG_BUSY_TIMEOUT" in line
    assert value in line


# --- 3. killed in the middle of an import ----------------------------------------------------

KILLS = 20


def test_sigkill_at_20_moments_during_a_10000_row_import_leaves_all_or_nothing(
    csvs: dict[str, Path], empty: MakeLedger, run: Run, tmp_path: Path
) -> None:
    command = [wederkerig_executable(), "import", "entries", str(csvs["csv"]), "--create-contacts"]
    env = private_env(tmp_path)

    measured = empty()
    started = time.monotonic()
    done = subprocess.run(
        [command[0], "--db", measured.target, *command[1:]],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    duration = time.monotonic() - started
    assert done.returncode == 0, done.stderr
    assert measured.count() == ROWS
    print(f"\none import of {ROWS:,} rows took {duration:.2f} s")

    chance = random.Random(20261126)
    moments = sorted(chance.uniform(0.0, duration) for _ in range(KILLS))
    outcomes = []
    for delay in moments:
        ledger = empty()
        process = subprocess.Popen(
            [command[0], "--db", ledger.target, *command[1:]],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        code = process.wait(timeout=60)

        opened = on(run, ledger)("balance", "--format", "csv")
        assert opened.exit_code == 0, (delay, opened.stderr)
        if isinstance(ledger, SqliteLedger):
            assert integrity(ledger.path) == "ok", delay
        entries, contacts = ledger.count(), ledger.count("contact")
        assert (entries, contacts) in {(0, 0), (ROWS, PEOPLE)}, (delay, code, entries, contacts)
        outcomes.append((round(delay, 3), code, entries))
    print(f"(moment, exit code, entries) after each kill: {outcomes}")
    interrupted = [outcome for outcome in outcomes if outcome[1] == -signal.SIGKILL]
    assert len(interrupted) >= KILLS // 2, outcomes  # most kills landed while it ran


# --- 4. a full disk, read-only files and folders ---------------------------------------------


DISK_FULL = pytest.mark.sqlite_only(reason="a full disk under the ledger file (a file size limit)")


def file_size_limit(limit: int) -> Callable[[], None]:
    """For preexec_fn: the child may write no file beyond ``limit`` bytes; a write past it
    fails with EFBIG instead of killing the process with SIGXFSZ."""

    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


@DISK_FULL
def test_disk_full_during_a_10000_row_import_exits_3_and_keeps_the_ledger(
    big: dict[str, Path], anna_file: Path, tmp_path: Path
) -> None:
    before, rows = anna_file.read_bytes(), snapshot(anna_file)
    result = wederkerig(
        anna_file, "import", "entries", str(big["csv"]), "--create-contacts", home=tmp_path,
        preexec_fn=file_size_limit(len(before) + 64 * 1024),
    )  # fmt: skip
    line = refused_line(result, 3)
    assert str(anna_file) in line
    assert "full" in line
    assert anna_file.read_bytes() == before
    assert integrity(anna_file) == "ok"
    assert snapshot(anna_file) == rows


@DISK_FULL
def test_disk_full_while_creating_a_new_ledger_exits_3_and_leaves_nothing(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "new"
    folder.mkdir()
    ledger = folder / "ledger.db"
    result = wederkerig(
        ledger, "contact", "add", "Anna de Vries", home=tmp_path,
        preexec_fn=file_size_limit(16 * 1024),
    )  # fmt: skip
    line = refused_line(result, 3)
    assert str(ledger) in line
    assert neighbours(ledger) == []  # no half-made ledger, no draft


@DISK_FULL
def test_disk_full_while_upgrading_an_old_ledger_exits_3_and_leaves_it_as_it_was(
    ledger_path: Path, tmp_path: Path
) -> None:
    shutil.copyfile(FIXTURES / "ledger-0001.db", ledger_path)
    before = ledger_path.read_bytes()
    result = wederkerig(
        ledger_path, "entries", home=tmp_path, preexec_fn=file_size_limit(len(before) // 2)
    )
    line = refused_line(result, 3)
    assert str(ledger_path) in line
    assert ledger_path.read_bytes() == before
    assert neighbours(ledger_path) == [ledger_path.name]  # no partial backup left beside it


def test_disk_full_during_export_to_a_file_is_one_line_and_leaves_no_file(
    full: LedgerUnderTest, tmp_path: Path
) -> None:
    """docs/scripting.md: a file that --output cannot write exits 1."""
    out = tmp_path / "out"
    out.mkdir()
    result = wederkerig(
        full, "export", "--output", str(out / "entries.csv"), home=tmp_path,
        preexec_fn=file_size_limit(64 * 1024),
    )  # fmt: skip
    line = refused_line(result, 1)
    assert str(out / "entries.csv") in line
    assert list(out.iterdir()) == []


@pytest.mark.sqlite_only(reason="backup copies the ledger file")
def test_disk_full_during_backup_exits_3_and_leaves_no_partial_files(
    full: LedgerUnderTest, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    result = wederkerig(
        full, "backup", str(out / "copy.db"), home=tmp_path,
        preexec_fn=file_size_limit(64 * 1024),
    )  # fmt: skip
    line = refused_line(result, 3)
    assert str(out / "copy.db") in line
    assert list(out.iterdir()) == []


READ_ONLY = pytest.mark.sqlite_only(
    reason="a read-only ledger file, or a read-only folder around it"
)


@pytest.fixture(scope="module")
def unprivileged() -> list[str]:
    """A command prefix that runs a process without the power to ignore file modes.

    As root, chmod alone proves nothing (root writes a 0444 file anyway), so the process runs
    as an ordinary user in a user namespace (``unshare``); without one the test is skipped.
    """
    if os.geteuid() != 0:
        return []
    prefix = ["unshare", "--user", "--map-user=1000", "--map-group=1000"]
    if shutil.which("unshare") is None:
        pytest.skip("running as root, where chmod cannot make a file read-only, and no unshare")
    probe = Path(f"/tmp/wederkerig-probe-{os.getpid()}")
    probe.write_text("x")
    probe.chmod(0o444)
    try:
        outcome = subprocess.run(
            [*prefix, "sh", "-c", f"echo y >> {probe}"], capture_output=True, timeout=30
        )
    finally:
        probe.unlink()
    if outcome.returncode == 0:
        pytest.skip(
            "running as root, where chmod cannot make a file read-only, and a user namespace "
            f"is not available to drop that power: {outcome.stderr!r}"
        )
    return prefix


WRITES = [
    pytest.param(("log", "Anna", "gave", "talent", "x"), id="log"),
    pytest.param(("contact", "add", "Cees Jansen"), id="contact-add"),
    pytest.param(("edit", "1", "--value", "3"), id="edit"),
    pytest.param(("import", "entries", "SMALL_CSV", "--create-contacts"), id="import"),
]
READS = [
    pytest.param(("balance", "--format", "csv"), id="balance"),
    pytest.param(("entries", "--format", "csv"), id="entries"),
    pytest.param(("export",), id="export"),
    pytest.param(("contact", "list", "--format", "json"), id="contact-list"),
]


def with_files(args: tuple[str, ...], big: dict[str, Path]) -> list[str]:
    return [str(big["small_csv"]) if arg == "SMALL_CSV" else arg for arg in args]


@READ_ONLY
@pytest.mark.parametrize("args", WRITES)
def test_a_write_to_a_read_only_ledger_file_is_refused_naming_it(
    anna_file: Path, tmp_path: Path, unprivileged: list[str], big: dict[str, Path], args: tuple[str]
) -> None:
    anna_file.chmod(0o444)
    before = anna_file.read_bytes()
    result = wederkerig(anna_file, *with_files(args, big), home=tmp_path, prefix=unprivileged)
    line = refused_line(result, 3)
    assert str(anna_file) in line
    assert "read-only" in line
    assert anna_file.read_bytes() == before


@READ_ONLY
@pytest.mark.parametrize("args", READS)
def test_reading_commands_work_on_a_read_only_ledger_file(
    anna_file: Path, tmp_path: Path, unprivileged: list[str], args: tuple[str]
) -> None:
    expected = wederkerig(anna_file, *args, home=tmp_path)
    assert expected.returncode == 0, expected.stderr
    settle(anna_file)
    anna_file.chmod(0o444)
    before = anna_file.read_bytes()
    result = wederkerig(anna_file, *args, home=tmp_path, prefix=unprivileged)
    assert result.returncode == 0, result.stderr
    assert result.stdout == expected.stdout
    assert anna_file.read_bytes() == before


@READ_ONLY
def test_a_ledger_made_writable_again_takes_writes_after_being_read_while_read_only(
    anna_file: Path, tmp_path: Path, unprivileged: list[str]
) -> None:
    """The fix the read-only message suggests must be enough: after ``chmod 600`` the ledger
    is writable, and nothing beside it stays readable by others."""
    anna_file.chmod(0o444)
    read = wederkerig(anna_file, "balance", home=tmp_path, prefix=unprivileged)
    assert read.returncode == 0, read.stderr
    anna_file.chmod(0o600)
    for sidecar in anna_file.parent.glob(f"{anna_file.name}-*"):
        assert stat.S_IMODE(sidecar.stat().st_mode) & 0o077 == 0, (
            sidecar,
            oct(sidecar.stat().st_mode),
        )
    result = wederkerig(
        anna_file, "log", "Anna", "gave", "talent", home=tmp_path, prefix=unprivileged
    )
    assert result.returncode == 0, result.stderr
    assert count_rows(anna_file) == 3


@pytest.fixture
def read_only_folder(anna_file: Path, tmp_path: Path) -> Iterator[Path]:
    """The ledger (0600) inside a folder of mode 0555."""
    folder = tmp_path / "folder"
    folder.mkdir()
    ledger = folder / "ledger.db"
    shutil.move(anna_file, ledger)
    folder.chmod(0o555)
    yield ledger
    folder.chmod(0o755)


@READ_ONLY
@pytest.mark.parametrize("args", WRITES)
def test_a_write_in_a_read_only_folder_is_refused_naming_the_ledger(
    read_only_folder: Path,
    tmp_path: Path,
    unprivileged: list[str],
    big: dict[str, Path],
    args: tuple[str],
) -> None:
    ledger = read_only_folder
    before = ledger.read_bytes()
    result = wederkerig(ledger, *with_files(args, big), home=tmp_path, prefix=unprivileged)
    line = refused_line(result, 3)
    assert str(ledger) in line
    assert "read-only" in line
    assert ledger.read_bytes() == before
    assert neighbours(ledger) == [ledger.name]


@READ_ONLY
def test_doctor_in_a_read_only_folder_says_read_only_not_damaged(
    read_only_folder: Path, tmp_path: Path, unprivileged: list[str]
) -> None:
    ledger = read_only_folder
    before = ledger.read_bytes()
    result = wederkerig(ledger, "doctor", home=tmp_path, prefix=unprivileged)
    assert result.returncode == 3, result.stderr
    line = one_line(result.stderr)
    assert "damaged" not in line
    assert "read-only" in line or "permission" in line.lower()
    assert ledger.read_bytes() == before


@DISK_FULL
def test_doctor_on_a_full_disk_says_the_disk_is_full_not_that_the_ledger_is_damaged(
    anna_file: Path, tmp_path: Path
) -> None:
    """Restoring a backup, as the damage advice says, would lose the newest entries."""
    crashed = tmp_path / "crashed" / "ledger.db"  # left with a write-ahead log, as by a crash
    crashed.parent.mkdir()
    with closing(sqlite3.connect(anna_file)) as writer:
        writer.execute("PRAGMA wal_autocheckpoint = 0")
        with writer:
            writer.execute("UPDATE contact SET note = note || '.'")
        for suffix in ("", "-wal"):
            shutil.copyfile(f"{anna_file}{suffix}", f"{crashed}{suffix}")
    crashed.chmod(0o600)
    before = crashed.read_bytes()
    result = wederkerig(crashed, "doctor", home=tmp_path, preexec_fn=file_size_limit(1024))
    assert result.returncode == 3, result.stderr
    line = one_line(result.stderr)
    assert "damaged" not in line
    assert "backup" not in line
    assert "full" in line
    assert "free" in line
    assert crashed.read_bytes() == before
    assert wederkerig(crashed, "doctor", home=tmp_path).returncode == 0


@READ_ONLY
def test_a_new_ledger_in_a_read_only_folder_is_refused_naming_it(
    tmp_path: Path, unprivileged: list[str]
) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        ledger = folder / "ledger.db"
        result = wederkerig(ledger, "contact", "add", "Anna", home=tmp_path, prefix=unprivileged)
        line = refused_line(result, 3)
        assert str(ledger) in line
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)


# --- 5. files given with --db that are not usable ledgers ------------------------------------


@pytest.fixture(scope="module")
def multi_page(tmp_path_factory: pytest.TempPathFactory, big: dict[str, Path]) -> bytes:
    """The bytes of a real ledger of a few hundred entries: several dozen pages."""
    folder = tmp_path_factory.mktemp("pages")
    ledger = folder / "ledger.db"
    shutil.copyfile(big["empty"], ledger)
    rows = folder / "rows.csv"
    with big["csv"].open(encoding="utf-8", newline="") as source:
        rows.write_text("".join(source.readlines()[:301]), encoding="utf-8", newline="")
    invoke(ledger, "import", "entries", str(rows), "--create-contacts", home=folder)
    settle(ledger)
    data = ledger.read_bytes()
    assert len(data) >= 16 * 4096
    return data


def _garbage(size: int) -> bytes:
    return random.Random(size).randbytes(size)


def _other_program(path: Path, data: bytes) -> None:
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
        connection.execute("INSERT INTO moz_places (url) VALUES ('https://example.org')")


def _newer(path: Path, data: bytes) -> None:
    path.write_bytes(data)
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    settle(path)


def _index_page_garbage(path: Path, data: bytes) -> None:
    """Random bytes over the root page of an index that reading commands do not use."""
    path.write_bytes(data)
    with closing(sqlite3.connect(path)) as connection:
        (root,) = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE type = 'index' AND tbl_name = 'entry' "
            "ORDER BY name LIMIT 1"
        ).fetchone()
    start = (root - 1) * PAGE
    path.write_bytes(data[:start] + _garbage(PAGE) + data[start + PAGE :])


PAGE = 4096
DAMAGE: dict[str, Callable[[Path, bytes], Any]] = {
    "random-bytes-over-an-index-page": _index_page_garbage,
    "truncated-to-half": lambda path, data: path.write_bytes(data[: len(data) // 2]),
    "truncated-to-the-first-page": lambda path, data: path.write_bytes(data[:PAGE]),
    "truncated-inside-the-header": lambda path, data: path.write_bytes(data[:60]),
    "last-page-missing": lambda path, data: path.write_bytes(data[:-PAGE]),
    "a-page-of-garbage-in-the-middle": lambda path, data: path.write_bytes(
        data[: 3 * PAGE] + _garbage(PAGE) + data[4 * PAGE :]
    ),
    "zeros-after-the-second-page": lambda path, data: path.write_bytes(
        data[: 2 * PAGE] + bytes(len(data) - 2 * PAGE)
    ),
    "random-bytes": lambda path, data: path.write_bytes(_garbage(64 * 1024)),
    "sqlite-header-then-garbage": lambda path, data: path.write_bytes(
        data[:16] + _garbage(8 * 1024)
    ),
    "empty-file": lambda path, data: path.write_bytes(b""),
    "another-programs-database": _other_program,
    "newer-wederkerig": _newer,
}
COMMANDS = [
    pytest.param(("balance", "--format", "csv"), id="balance"),
    pytest.param(("export",), id="export"),
    pytest.param(("contact", "add", "Nieuw Persoon"), id="contact-add"),
    pytest.param(("log", "Nieuw Persoon", "gave", "talent", "--create"), id="log"),
    pytest.param(("import", "entries", "SMALL_CSV", "--create-contacts"), id="import"),
    pytest.param(("doctor",), id="doctor"),
]


@pytest.mark.sqlite_only(reason="files that are not usable ledgers: damaged, foreign, newer")
@pytest.mark.parametrize("args", COMMANDS)
@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_a_file_that_is_not_a_usable_ledger_is_refused_and_left_byte_for_byte(
    run: Run,
    tmp_path: Path,
    multi_page: bytes,
    big: dict[str, Path],
    damage: str,
    args: tuple[str, ...],
) -> None:
    folder = tmp_path / "given"
    folder.mkdir()
    ledger = folder / "ledger.db"
    DAMAGE[damage](ledger, multi_page)
    ledger.chmod(0o600)  # so that doctor has nothing but the contents to complain about
    before = ledger.read_bytes()

    result = on(run, ledger)(*with_files(args, big))

    assert result.exit_code == 3, (result.stdout, result.stderr, result.exception)
    assert "Traceback" not in result.stderr
    line = one_line(result.stderr)
    assert line.startswith("error: ")
    if args[0] == "doctor":  # a report on stdout, which names the file, then the verdict
        assert str(ledger) in result.stdout.replace("\n", "") + line
    else:
        assert str(ledger) in line
        assert result.stdout == ""
    assert ledger.read_bytes() == before
    assert neighbours(ledger) == ["ledger.db"]  # no journal, WAL, shm or backup left beside it


# --- 6. errors from the database do not repeat what the ledger holds -------------------------


def leaks(result: Any, *secrets: str) -> list[str]:
    text = f"{result.stdout}\n{result.stderr}"
    return [secret for secret in secrets if secret in text]


def add_index(ledger: LedgerUnderTest, *statements: str) -> None:
    """Change the ledger's schema behind wederkerig's back."""
    for statement in statements:
        ledger.execute(statement)
    if isinstance(ledger, SqliteLedger):
        settle(ledger.path)


# A trigger that makes every contact update fail inside the database, in each engine's words.
FAILING_TRIGGER = {
    "sqlite": [
        "CREATE TRIGGER copy_note AFTER UPDATE ON contact "
        "BEGIN INSERT INTO missing_table VALUES (NEW.note); END"
    ],
    "postgresql": [
        "CREATE FUNCTION copy_note() RETURNS trigger LANGUAGE plpgsql AS "
        "$$ BEGIN INSERT INTO missing_table VALUES (NEW.note); RETURN NEW; END $$",
        "CREATE TRIGGER copy_note AFTER UPDATE ON contact "
        "FOR EACH ROW EXECUTE FUNCTION copy_note()",
    ],
}


@pytest.mark.parametrize(
    ("index", "args", "secrets"),
    [
        pytest.param(
            "CREATE UNIQUE INDEX one_note ON contact (note)",
            ("contact", "add", SECRET_NAME, "--note", SECRET_NOTE),
            (SECRET_NAME, SECRET_NOTE),
            id="contact-add-same-note",
        ),
        pytest.param(
            "CREATE UNIQUE INDEX one_note ON contact (note)",
            ("contact", "edit", "Bram", "--note", SECRET_NOTE),
            (SECRET_NOTE,),
            id="contact-edit-same-note",
        ),
        pytest.param(
            "CREATE UNIQUE INDEX one_description ON entry (description)",
            ("log", "Bram", "gave", "knowledge", "tip over subsidie"),
            ("tip over subsidie",),
            id="log-same-description",
        ),
        pytest.param(
            "CREATE UNIQUE INDEX one_description ON entry (description)",
            ("edit", "2", "--description", "tip over subsidie"),
            ("tip over subsidie",),
            id="edit-same-description",
        ),
    ],
)
def test_a_constraint_the_database_enforces_is_refused_without_the_data_involved(
    anna: LedgerUnderTest,
    refused: Refused,
    index: str,
    args: tuple[str, ...],
    secrets: tuple[str, ...],
) -> None:
    """An extra UNIQUE index makes the database itself refuse the INSERT or UPDATE (an
    IntegrityError from the driver): the message may name the constraint, not the values."""
    add_index(anna, index)
    result = refused(1, *args)
    assert "nothing was written" in result.stderr
    assert "constraint" in result.stderr.lower()
    assert leaks(result, *secrets) == []
    assert "[SQL" not in result.stderr
    assert "parameters" not in result.stderr


def test_an_operational_error_from_the_database_does_not_repeat_the_change(
    anna: LedgerUnderTest, refused: Refused
) -> None:
    add_index(anna, *FAILING_TRIGGER[anna.engine])
    result = refused(3, "contact", "edit", "Bram", "--note", SECRET_NOTE)
    assert leaks(result, SECRET_NOTE) == []
    assert "[SQL" not in result.stderr


def test_a_failing_statement_in_a_real_process_shows_one_line_and_no_data(
    anna: LedgerUnderTest, tmp_path: Path
) -> None:
    add_index(anna, "CREATE UNIQUE INDEX one_note ON contact (note)")
    result = wederkerig(anna, "contact", "add", SECRET_NAME, "--note", SECRET_NOTE, home=tmp_path)
    refused_line(result, 1)
    assert leaks(result, SECRET_NAME, SECRET_NOTE) == []
    assert anna.count("contact") == 2


# What the losers are told. SQLite queues writers, so they always meet the ledger's own check;
# on a server two may pass that check together, and the loser meets the unique key instead,
# worded as docs/team.md shows.
ALREADY = {
    "sqlite": ("already exists",),
    "postgresql": ("already exists", "that name is already in the ledger"),
}


def test_6_processes_adding_the_same_contact_at_once_one_wins_and_none_leaks(
    anna: LedgerUnderTest, tmp_path: Path
) -> None:
    command = [
        wederkerig_executable(), "--db", anna.target, "contact", "add", SECRET_NAME,
        "--note", "een tweede geheim",
    ]  # fmt: skip
    racers = [
        subprocess.Popen(
            command,
            env=private_env(tmp_path),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(6)
    ]
    outcomes = [(*racer.communicate(timeout=120), racer.returncode) for racer in racers]
    codes = sorted(code for _, _, code in outcomes)
    assert codes == [0, 1, 1, 1, 1, 1], outcomes
    for out, errors, code in outcomes:
        assert "Traceback" not in errors
        assert "een tweede geheim" not in out + errors
        assert "constraint" not in errors.lower(), errors  # refused by the ledger, not SQLite
        if code == 1:
            line = one_line(errors)
            assert any(words in line for words in ALREADY[anna.engine]), line
    assert anna.count("contact") == 3


@pytest.mark.parametrize(
    ("args", "env"),
    [
        pytest.param(("rm", "99999999999999999999"), {}, id="id-beyond-64-bits"),
        pytest.param(("entries", "--period", "0000"), {}, id="period-in-the-year-0"),
        pytest.param(("balance",), {"WEDERKERIG_BUSY_TIMEOUT": "inf"}, id="busy-timeout-inf"),
        pytest.param(("log", "Anna", "gave", "gossip"), {}, id="unknown-kind"),
        pytest.param(("contact", "show", "Anne"), {}, id="unknown-contact"),
        pytest.param(("edit", "1", "--on", "2026-02-30"), {}, id="bad-date"),
    ],
)
def test_no_real_process_output_holds_a_traceback_or_local_variables(
    anna: LedgerUnderTest, tmp_path: Path, args: tuple[str, ...], env: dict[str, str]
) -> None:
    result = wederkerig(anna, *args, home=tmp_path, env={**env, "FORCE_COLOR": "1"})
    assert result.returncode in {1, 2, 3}, result.stderr
    for marker in ("Traceback", 'File "', "locals", "╭", "sqlalchemy", "[SQL"):
        assert marker not in result.stderr, result.stderr
    assert leaks(result, SECRET_NOTE) == []
    one_line(result.stderr)


# --- signals while writing a file beside the ledger ------------------------------------------


def signal_once_writing(
    db: LedgerUnderTest, args: Sequence[str], folder: Path, signum: int, *, home: Path
) -> tuple[int, str]:
    """Start a real process writing into ``folder``, send it ``signum`` as soon as a file
    appears there (its draft), and return its exit status and stderr."""
    process = subprocess.Popen(
        [wederkerig_executable(), "--db", str(db), *args],
        env=private_env(home),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while not any(folder.iterdir()):
        assert process.poll() is None, "it finished before it was seen writing"
        assert time.monotonic() < deadline
        time.sleep(0.001)
    process.send_signal(signum)
    _, stderr = process.communicate(timeout=60)
    return process.returncode, stderr


def test_sigterm_during_export_to_a_file_leaves_no_file(
    full: LedgerUnderTest, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    args = ("export", "--output", str(out / "entries.csv"))
    status, stderr = signal_once_writing(full, args, out, signal.SIGTERM, home=tmp_path)
    assert status == 128 + signal.SIGTERM, stderr
    assert "Traceback" not in stderr
    assert list(out.iterdir()) == []


@pytest.mark.sqlite_only(reason="backup copies the ledger file")
def test_a_backup_killed_midway_leaves_a_draft_the_next_backup_removes(
    full: LedgerUnderTest, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    args = ("backup", str(out / "first.db"))
    status, _ = signal_once_writing(full, args, out, signal.SIGKILL, home=tmp_path)
    assert status == -signal.SIGKILL
    assert list(out.iterdir()) != []  # what a kill leaves: no code runs after it
    done = wederkerig(full, "backup", str(out / "second.db"), home=tmp_path)
    assert done.returncode == 0, done.stderr
    assert neighbours(out / "second.db") == ["second.db"]
