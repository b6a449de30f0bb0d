"""Opening a ledger: which file a path names, and what is made (or refused) when it is not there."""

import re
import shutil
import sqlite3
import stat
from contextlib import closing
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import (
    ENTRY_COLUMNS,
    FIXTURES,
    TODAY,
    LedgerUnderTest,
    Run,
    SqliteLedger,
    count_rows,
    entry_row,
    ok,
    on,
    one_line,
)
from wederkerig.cli.app import app
from wederkerig.cli.context import AppContext
from wederkerig.store.schema import SCHEMA_HEAD

ODD_FILES = pytest.mark.sqlite_only(reason="characters that mean something in a SQLite URI")


@pytest.fixture(
    params=["q?x", "h#x", "p%41x", "a&b=c;d", "sp ace", "é"],
    ids=["question-mark", "hash", "percent", "ampersand-equals-semicolon", "space", "accent"],
)
def odd(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    """A ledger path with the character in its folder and in its file name; the folder exists."""
    folder = tmp_path / "odd" / f"in {request.param} folder"
    folder.mkdir(parents=True)
    return folder / f"ledger {request.param}.db"


def files_under(folder: Path) -> list[Path]:
    return sorted(path for path in folder.rglob("*") if path.is_file())


@ODD_FILES
def test_a_ledger_path_with_uri_characters_is_the_file_written_and_read(
    run: Run, odd: Path, tmp_path: Path
) -> None:
    ok(on(run, odd)("log", "Anna", "gave", "talent", "--create"))
    assert "Anna" in ok(on(run, odd)("balance", "--format", "csv")).stdout
    assert [path.name for path in files_under(tmp_path / "odd")] == [odd.name]
    assert stat.S_IMODE(odd.stat().st_mode) == 0o600
    assert count_rows(odd) == 1


@ODD_FILES
def test_a_backup_of_a_ledger_with_uri_characters_holds_its_entries(
    run: Run, odd: Path, tmp_path: Path
) -> None:
    ok(on(run, odd)("log", "Anna", "gave", "talent", "--create"))
    copy = tmp_path / "copies" / odd.name
    copy.parent.mkdir()
    ok(on(run, odd)("backup", str(copy)))
    assert count_rows(copy) == 1


@ODD_FILES
def test_the_copy_before_an_upgrade_of_a_ledger_with_uri_characters_holds_its_entries(
    run: Run, odd: Path
) -> None:
    old = FIXTURES / "ledger-0001.db"
    shutil.copyfile(old, odd)
    ok(on(run, odd)("balance"))
    (kept,) = odd.parent.glob("*.schema-0001-*.bak")
    assert count_rows(kept) == count_rows(old) > 0


@ODD_FILES
def test_forget_and_doctor_on_a_ledger_with_uri_characters(run: Run, odd: Path) -> None:
    ok(on(run, odd)("log", "Anna", "gave", "talent", "--create"))
    ok(on(run, odd)("log", "Bram", "gave", "talent", "--create"))
    ok(on(run, odd)("forget", "Anna", "--yes"))
    assert count_rows(odd) == 1
    found = ok(on(run, odd)("doctor")).stdout
    assert re.search(r"entry rows\s+1\b", found), found
    assert re.search(r"integrity check\s+ok\b", found), found


# --- a ledger that is not there --------------------------------------------------------------

MISSING = pytest.mark.sqlite_only(reason="a mistyped ledger file path")
READING = [
    pytest.param(("balance",), id="balance"),
    pytest.param(("export",), id="export"),
    pytest.param(("due", "--quiet"), id="due-quiet"),
    pytest.param(("doctor",), id="doctor"),
    pytest.param(("backup",), id="backup"),
    pytest.param(("contact", "list"), id="contact-list"),
]


@MISSING
@pytest.mark.parametrize("args", READING)
@pytest.mark.parametrize("typo", ["leger.db", "sqlite:///typo/ledger.db"], ids=["file", "url"])
def test_a_reading_command_refuses_a_ledger_that_does_not_exist_and_makes_nothing(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, typo: str, args: tuple[str, ...]
) -> None:
    """A cron job with a typo said 'nothing due' forever, on a new empty ledger it had made."""
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    result = on(run, typo)(*args)
    assert result.exit_code == 1, (result.stdout, result.stderr)
    assert result.stdout == ""
    line = one_line(result.stderr)
    assert typo in line
    assert f"wederkerig init --db {typo}" in line
    assert list(here.iterdir()) == []
    assert not (tmp_path / "data").exists()  # not even the data folder


@MISSING
def test_init_makes_a_private_ledger_at_the_newest_schema_and_says_where(
    run: Run, tmp_path: Path
) -> None:
    ledger = tmp_path / "new" / "deeper" / "ledger.db"
    result = ok(on(run, ledger)("init"))
    assert str(ledger) in one_line(result.stderr)
    assert stat.S_IMODE(ledger.stat().st_mode) == 0o600
    assert stat.S_IMODE(ledger.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(ledger.parent.parent.stat().st_mode) == 0o700
    assert SqliteLedger(ledger).query("SELECT version_num FROM alembic_version") == [(SCHEMA_HEAD,)]
    assert ok(on(run, ledger)("entries", "--format", "csv")).stdout.count("\n") == 1


@MISSING
def test_init_takes_the_db_after_the_command_as_the_refusals_say(run: Run, tmp_path: Path) -> None:
    """'wederkerig init --db PATH' is what a refused command advises; it must work."""
    ledger = tmp_path / "after" / "ledger.db"
    result = ok(run("init", "--db", str(ledger)))
    assert str(ledger) in one_line(result.stderr)
    assert SqliteLedger(ledger).query("SELECT version_num FROM alembic_version") == [(SCHEMA_HEAD,)]


def test_init_on_an_existing_ledger_says_so_and_changes_nothing(
    run: Run, db: LedgerUnderTest
) -> None:
    ok(run("log", "Anna", "gave", "talent", "--create"))
    before = db.snapshot()
    result = ok(run("init"))
    assert "already" in one_line(result.stderr)
    assert db.snapshot() == before


@pytest.mark.sqlite_only(reason="an old ledger file from tests/fixtures")
def test_init_does_not_upgrade_an_old_ledger(run: Run, tmp_path: Path) -> None:
    ledger = tmp_path / "old.db"
    shutil.copyfile(FIXTURES / "ledger-0001.db", ledger)
    before = ledger.read_bytes()
    assert "already" in one_line(ok(on(run, ledger)("init")).stderr)
    assert ledger.read_bytes() == before
    assert [path.name for path in tmp_path.glob("old.db*")] == ["old.db"]


@MISSING
def test_a_writing_command_makes_a_ledger_at_a_new_path_and_says_so(
    run: Run, tmp_path: Path
) -> None:
    ledger = tmp_path / "elsewhere" / "ledger.db"
    result = ok(on(run, ledger)("log", "Anna", "gave", "talent", "--create"))
    assert f"Made a new ledger at {ledger}." in result.stderr
    assert count_rows(ledger) == 1
    again = ok(on(run, ledger)("log", "Anna", "gave", "talent"))
    assert "new ledger" not in again.stderr


def test_the_default_ledger_is_made_by_the_first_write_without_a_word(
    tmp_path: Path, private_dirs: Path
) -> None:
    result = CliRunner().invoke(
        app, ["log", "Anna", "gave", "talent", "--create"], obj=AppContext(today=TODAY)
    )
    assert result.exit_code == 0, result.stderr
    assert "new ledger" not in result.stderr
    assert count_rows(private_dirs / "ledger.db") == 1


def test_reading_the_default_ledger_before_any_write_says_how_to_start(
    private_dirs: Path,
) -> None:
    result = CliRunner().invoke(app, ["balance"], obj=AppContext(today=TODAY))
    assert result.exit_code == 1
    assert "'wederkerig init'" in one_line(result.stderr)
    assert not private_dirs.exists()


@pytest.mark.sqlite_only(reason="a SQLite file that is not a ledger yet")
def test_init_makes_an_empty_sqlite_database_a_ledger(run: Run, tmp_path: Path) -> None:
    """init said 'there is a ledger already' of a database with no tables, and every other
    command then said there was none."""
    empty = tmp_path / "empty.db"
    sqlite3.connect(empty).execute("PRAGMA user_version = 1").connection.close()
    assert "Made a new ledger" in one_line(ok(on(run, empty)("init")).stderr)
    ok(on(run, empty)("balance"))


@pytest.mark.sqlite_only(reason="another program's SQLite file")
def test_init_refuses_another_programs_database_and_leaves_it(run: Run, tmp_path: Path) -> None:
    theirs = tmp_path / "theirs.db"
    with closing(sqlite3.connect(theirs)) as connection:
        connection.execute("CREATE TABLE recipe (name TEXT)")
    before = theirs.read_bytes()
    result = on(run, theirs)("init")
    assert result.exit_code == 3, result.stderr
    assert "another program" in one_line(result.stderr)
    assert theirs.read_bytes() == before


def test_init_on_a_url_it_cannot_use_is_one_line(run: Run) -> None:
    result = on(run, "nosuchdriver://somewhere/ledger")("init")
    assert result.exit_code == 3, result.stderr
    assert "SQLAlchemy URL" in one_line(result.stderr)


@pytest.mark.parametrize("what", ["entries", "contacts"])
def test_an_import_dry_run_on_a_missing_ledger_makes_nothing(
    run: Run, tmp_path: Path, what: str
) -> None:
    """A dry run writes nothing, so it may not make a ledger at a mistyped path either."""
    missing = tmp_path / "leger.db"
    source = tmp_path / "in.csv"
    source.write_text("name,organisation,email,tags,aliases,note\nAnna,,,,,\n")
    result = on(run, missing)("import", what, str(source), "--dry-run")
    assert result.exit_code == 1, result.stderr
    assert "wederkerig init" in one_line(result.stderr)
    assert not missing.exists()


@MISSING
def test_a_writing_command_that_fails_leaves_no_new_ledger_behind(run: Run, tmp_path: Path) -> None:
    """An import refused for unknown contacts made the file anyway and said so first."""
    entries = tmp_path / "entries.csv"
    entries.write_text(
        ",".join(ENTRY_COLUMNS) + "\n" + ",".join(entry_row(date="2026-11-01", contact="Nobody",
        direction="gave", kind="talent", value="1", status="done")) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    ledger = tmp_path / "copy.db"
    result = on(run, ledger)("import", "entries", str(entries))
    assert result.exit_code == 1, result.stderr
    assert "new ledger" not in result.stderr
    assert list(tmp_path.glob("copy.db*")) == []
