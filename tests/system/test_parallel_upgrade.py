"""An old ledger opened by several processes at once is upgraded once: the others wait."""

import shutil
import subprocess
from pathlib import Path

import pytest

from helpers import FIXTURES, count_rows, wederkerig_executable


@pytest.mark.sqlite_only(reason="the older ledgers in tests/fixtures are SQLite files")
def test_4_processes_opening_an_old_ledger_at_once_upgrade_it_once(ledger_path: Path) -> None:
    shutil.copy(FIXTURES / "ledger-0001.db", ledger_path)
    command = [wederkerig_executable(), "--db", str(ledger_path), "balance", "--format", "csv"]
    processes = [
        subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(4)
    ]
    outputs = [process.communicate(timeout=120) for process in processes]

    assert [process.returncode for process in processes] == [0, 0, 0, 0], outputs
    assert len({stdout for stdout, _ in outputs}) == 1, "every process saw the same balance"
    assert len(list(ledger_path.parent.glob("*.schema-0001-*.bak"))) == 1
    assert count_rows(ledger_path) == 28
