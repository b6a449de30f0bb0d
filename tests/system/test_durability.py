"""`backup` and `doctor`: consistent private copies, even while others write, and health checks."""

import os
import re
import sqlite3
import stat
import subprocess
import time
from collections.abc import Callable
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from helpers import TODAY, Run, count_rows, killed_draft, ok, wederkerig_executable
from wederkerig.cli.app import app
from wederkerig.cli.context import AppContext

pytestmark = pytest.mark.sqlite_only(reason="backup and doctor work on the ledger file")

BACKUP_NAME = re.compile(r"ledger-\d{8}T\d{6}Z(-\d+)?\.db")
WRITES = 40  # entries the concurrent writer logs


def integrity(path: Path) -> str:
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as connection:
        (verdict,) = connection.execute("PRAGMA integrity_check").fetchone()
    return str(verdict)


def descriptions(path: Path) -> list[str]:
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as connection:
        return [row[0] for row in connection.execute("SELECT description FROM entry")]


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


class FrozenClock(AppContext):
    """An AppContext whose clock stands still: two commands 'in the same second'."""

    def __init__(self, moment: datetime) -> None:
        super().__init__(today=TODAY)
        self.moment = moment

    def now(self) -> datetime:
        return self.moment


@pytest.fixture
def at(ledger_path: Path) -> Callable[..., Result]:
    """Run a command on the test's ledger with the clock at ``moment``."""

    def invoke(moment: datetime, *args: str) -> Result:
        return CliRunner().invoke(app, ["--db", str(ledger_path), *args], obj=FrozenClock(moment))

    return invoke


@pytest.fixture
def ledger(run: Run) -> Run:
    ok(run("contact", "add", "Anna de Vries", "--alias", "Anna"))
    for number in range(1, 6):
        ok(run("log", "Anna", "gave", "talent", f"n{number}"))
    return run


# --- backup ----------------------------------------------------------------------------------


def test_backup_by_default_goes_to_the_data_directory(
    ledger: Run, ledger_path: Path, private_dirs: Path
) -> None:
    result = ok(ledger("backup"))
    written = Path(result.stdout.strip())
    assert written.parent == private_dirs / "backups"
    assert BACKUP_NAME.fullmatch(written.name), written.name
    assert mode(written) == 0o600
    assert mode(written.parent) == 0o700
    assert integrity(written) == "ok"
    assert count_rows(written) == count_rows(ledger_path) == 5
    assert descriptions(written) == descriptions(ledger_path)
    assert str(written) in result.stderr
    assert sorted(p.name for p in written.parent.iterdir()) == [written.name]  # no .part left


def test_backup_name_carries_the_time_in_utc(at: Callable[..., Result], ledger: Run) -> None:
    moment = datetime(2026, 11, 26, 21, 5, 9, tzinfo=UTC)
    written = Path(ok(at(moment, "backup")).stdout.strip())
    assert written.name == "ledger-20261126T210509Z.db"


def test_backup_to_a_path(ledger: Run, ledger_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "elsewhere" / "copy.db"
    target.parent.mkdir()
    result = ok(ledger("backup", str(target)))
    assert Path(result.stdout.strip()) == target
    assert mode(target) == 0o600
    assert integrity(target) == "ok"
    assert count_rows(target) == 5
    assert [p.name for p in target.parent.iterdir()] == ["copy.db"]
    assert not (tmp_path / "data" / "wederkerig" / "backups").exists()


def test_a_backup_is_a_standalone_ledger(ledger: Run, tmp_path: Path, cli: Any) -> None:
    target = tmp_path / "copy.db"
    ok(ledger("backup", str(target)))
    assert [p.name for p in tmp_path.glob("copy.db*")] == ["copy.db"]  # no -wal needed
    shown = cli("--db", str(target), "export", db=False)
    assert shown.returncode == 0, shown.stderr
    assert len(shown.stdout.splitlines()) == 1 + 5
    assert ",n5," in shown.stdout


def test_two_backups_in_the_same_second_do_not_overwrite_each_other(
    at: Callable[..., Result], ledger: Run, private_dirs: Path
) -> None:
    moment = datetime(2026, 11, 26, 21, 0, 0, tzinfo=UTC)
    first = Path(ok(at(moment, "backup")).stdout.strip())
    ok(ledger("log", "Anna", "gave", "talent", "n6"))
    second = Path(ok(at(moment, "backup")).stdout.strip())
    assert first != second
    assert first.exists()
    assert second.exists()
    assert BACKUP_NAME.fullmatch(second.name), second.name
    assert (count_rows(first), count_rows(second)) == (5, 6)
    assert len(list((private_dirs / "backups").iterdir())) == 2


def test_keep_leaves_the_newest(at: Callable[..., Result], ledger: Run, private_dirs: Path) -> None:
    start = datetime(2026, 11, 20, 8, 0, 0, tzinfo=UTC)
    folder = private_dirs / "backups"
    written = [
        Path(ok(at(start + timedelta(days=day), "backup")).stdout.strip()) for day in range(3)
    ]
    (folder / "notes.txt").write_text("mine\n")
    result = ok(at(start + timedelta(days=3), "backup", "--keep", "2"))
    written.append(Path(result.stdout.strip()))
    assert sorted(p for p in folder.iterdir() if p.suffix == ".db") == written[2:]
    assert (folder / "notes.txt").read_text() == "mine\n"  # not a backup: not ours to remove
    for removed in written[:2]:
        assert str(removed) in result.stderr


def test_keep_must_be_positive(ledger: Run) -> None:
    assert ledger("backup", "--keep", "0").exit_code == 2


def test_backup_of_something_that_is_not_a_ledger_is_refused(run: Run, tmp_path: Path) -> None:
    garbage = tmp_path / "ledger.db"
    garbage.write_bytes(b"not a database at all\n" * 100)
    before = garbage.read_bytes()
    result = run("backup", str(tmp_path / "copy.db"))
    assert result.exit_code == 3
    assert result.stdout == ""
    assert garbage.read_bytes() == before
    assert not (tmp_path / "copy.db").exists()


def test_backup_while_another_process_logs_holds_every_committed_entry(
    run: Run, ledger_path: Path, tmp_path: Path
) -> None:
    ok(run("contact", "add", "Anna de Vries", "--alias", "Anna"))
    script = (
        f"for i in $(seq {WRITES}); do "
        f'"$W" --db "$L" log Anna gave talent "n$i" >/dev/null || exit 1; done'
    )
    writer = subprocess.Popen(
        ["bash", "-c", script],
        env={**os.environ, "W": wederkerig_executable(), "L": str(ledger_path)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    taken: list[tuple[int, Path]] = []
    try:
        while writer.poll() is None:
            committed = count_rows(ledger_path)  # every entry committed before this backup
            target = tmp_path / f"during-{len(taken)}.db"
            ok(run("backup", str(target)))
            taken.append((committed, target))
            time.sleep(0.05)
    finally:
        _, errors = writer.communicate(timeout=120)
    assert writer.returncode == 0, errors
    assert count_rows(ledger_path) == WRITES
    assert any(0 < count_rows(path) < WRITES for _, path in taken), "no backup during writing"
    for committed, path in taken:
        assert integrity(path) == "ok"
        found = descriptions(path)
        assert len(found) >= committed
        assert sorted(found) == sorted(f"n{i}" for i in range(1, len(found) + 1)), found


# --- doctor ----------------------------------------------------------------------------------


@pytest.fixture
def default_ledger(cli: Any, private_dirs: Path) -> Path:
    """A ledger at the default location, made by the installed command."""
    done = cli("log", "--create", "Anna", "gave", "talent", "n1", db=False)
    assert done.returncode == 0, done.stderr
    ledger = private_dirs / "ledger.db"
    assert ledger.exists()
    return ledger


def test_doctor_on_a_healthy_ledger(cli: Any, default_ledger: Path) -> None:
    before = default_ledger.read_bytes()
    # A table wide enough for any temporary path (xdist's are longer): a wrapped cell would
    # interleave the path with the table's borders.
    done = cli("doctor", db=False, env={"COLUMNS": "1000"})
    assert done.returncode == 0, done.stderr
    assert "All is well" in done.stdout
    assert "0o700" in done.stdout  # the data directory's mode was checked too
    assert str(default_ledger) in done.stdout
    assert done.stderr == ""
    assert default_ledger.read_bytes() == before


def problem(result: Result, code: int = 3) -> str:
    """The one line a problem gets on stderr."""
    assert result.exit_code == code, (result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


def test_doctor_refuses_a_ledger_others_can_read(cli: Any, default_ledger: Path) -> None:
    default_ledger.chmod(0o644)
    before = default_ledger.read_bytes()
    done = cli("doctor", db=False)
    assert done.returncode == 3
    (line,) = done.stderr.strip().splitlines()
    assert "chmod 600" in line
    assert str(default_ledger) in line
    assert default_ledger.read_bytes() == before
    assert mode(default_ledger) == 0o644  # it says what to do; it does not do it


def test_doctor_refuses_a_data_directory_others_can_list(private_dirs: Path) -> None:
    def default(*args: str) -> Result:
        return CliRunner().invoke(app, list(args), obj=AppContext(today=TODAY))

    ok(default("contact", "add", "Bea"))
    assert (private_dirs / "ledger.db").exists()
    private_dirs.chmod(0o755)
    line = problem(default("doctor"))
    assert "chmod 700" in line
    assert str(private_dirs) in line


@pytest.mark.parametrize("mode_bits", [0o644, 0o640, 0o604])
def test_doctor_refuses_any_group_or_other_access(
    ledger: Run, ledger_path: Path, mode_bits: int
) -> None:
    ledger_path.chmod(mode_bits)
    before = ledger_path.read_bytes()
    assert "chmod 600" in problem(ledger("doctor"))
    assert ledger_path.read_bytes() == before


def test_doctor_on_garbage(run: Run, ledger_path: Path) -> None:
    ledger_path.write_bytes(os.urandom(8192))
    ledger_path.chmod(0o600)
    before = ledger_path.read_bytes()
    problem(run("doctor"))
    assert ledger_path.read_bytes() == before
    assert [p.name for p in ledger_path.parent.glob("ledger.db*")] == ["ledger.db"]


def test_doctor_on_another_programs_database(run: Run, ledger_path: Path) -> None:
    ledger_path.unlink()  # the test's empty ledger: this file is another program's
    with closing(sqlite3.connect(ledger_path)) as connection, connection:
        connection.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
        connection.execute("INSERT INTO moz_places (url) VALUES ('https://example.org')")
    ledger_path.chmod(0o600)
    before = ledger_path.read_bytes()
    line = problem(run("doctor"))
    assert "not a wederkerig ledger" in line
    assert ledger_path.read_bytes() == before


def test_doctor_on_a_ledger_from_a_newer_wederkerig(ledger: Run, ledger_path: Path) -> None:
    with closing(sqlite3.connect(ledger_path)) as connection, connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    with closing(sqlite3.connect(ledger_path)) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = ledger_path.read_bytes()
    line = problem(ledger("doctor"))
    assert "9999" in line
    assert ledger_path.read_bytes() == before
    with closing(sqlite3.connect(ledger_path)) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchall() == [
            ("9999",)
        ]


def test_doctor_on_a_missing_ledger_creates_nothing(run: Run, tmp_path: Path) -> None:
    missing = tmp_path / "missing" / "ledger.db"
    assert "wederkerig init" in problem(run("--db", str(missing), "doctor"), 1)
    assert not missing.parent.exists()


# --- files beside the ledger -----------------------------------------------------------------


def test_backup_does_not_follow_a_link_planted_at_a_draft_name(ledger: Run, tmp_path: Path) -> None:
    """An old draft name (.NAME.part) was opened without O_NOFOLLOW: whoever could write the
    folder could have the ledger copied into any file of the user's, keeping its mode."""
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    victim.chmod(0o644)
    target = tmp_path / "out" / "copy.db"
    target.parent.mkdir()
    (target.parent / ".copy.db.part").symlink_to(victim)
    ok(ledger("backup", str(target)))
    assert victim.read_text() == "keep me"
    assert not target.is_symlink()
    assert mode(target) == 0o600
    assert integrity(target) == "ok"


def test_backup_removes_the_drafts_a_killed_backup_left_and_nothing_else(
    ledger: Run, ledger_path: Path, private_dirs: Path, tmp_path: Path
) -> None:
    backups, out = private_dirs / "backups", tmp_path / "out"
    whole = ledger_path.read_bytes()
    left = [
        killed_draft(backups, "ledger-20261125T090000Z.db", whole),
        killed_draft(out, "copy.db", whole),
    ]
    running = out / f".other.db.{os.getpid()}-running0.wederkerig-draft"  # a live process's
    theirs = [out / ".copy.db.part", out / "notes.wederkerig-draft", running]
    for path in theirs:
        path.write_text("not ours to remove")
    ok(ledger("backup", "--keep", "1"))
    result = ok(ledger("backup", str(out / "copy.db")))
    assert not any(path.exists() for path in left)
    assert all(path.exists() for path in theirs)
    assert len(list(backups.iterdir())) == 1
    assert "unfinished" in result.stderr


def test_doctor_counts_the_drafts_a_killed_backup_left_and_says_how_to_remove_them(
    ledger: Run, ledger_path: Path, private_dirs: Path
) -> None:
    ok(ledger("backup"))
    draft = killed_draft(private_dirs / "backups", "ledger-20261125T090000Z.db")
    result = ledger("doctor")
    assert result.exit_code == 3
    line = result.stderr.strip().splitlines()[-1]
    assert str(draft) in line
    assert "wederkerig backup" in line
    ok(ledger("backup"))
    assert not draft.exists()
    ok(ledger("doctor"))
