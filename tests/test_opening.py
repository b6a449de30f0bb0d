"""Opening a ledger: which file a path names, and what is made (or refused) when it is not there."""

import re
import shutil
import stat
from pathlib import Path

import pytest

from conftest import Run, count_rows, ok, on

FIXTURES = Path(__file__).parent / "fixtures"
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
