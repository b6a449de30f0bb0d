"""What the whole-process tests share: a CLI in a pseudo-terminal of its own, and a small
ledger made by the installed command."""

import os
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pexpect
import pytest

from helpers import LedgerUnderTest, Spawn, Templates, wederkerig_executable

Cli = Callable[..., subprocess.CompletedProcess[str]]
CONTACT = "Anna de Vries"  # the one contact of the one-entry ledger


@pytest.fixture
def spawn(db: LedgerUnderTest, tmp_path: Path) -> Iterator[Spawn]:
    """Start the installed CLI in a terminal of its own, on the test's ledger, as ``me``
    (None: whoever runs the tests), in ``language``, ``columns`` wide; a slow machine gets
    30 s for each expected prompt."""
    children: list[pexpect.spawn] = []

    def start(
        *args: str, language: str = "en", columns: int = 120, me: str | None = "anneke"
    ) -> pexpect.spawn:
        env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data"),
               "XDG_CONFIG_HOME": str(tmp_path / "config"), "NO_COLOR": "1",
               "WEDERKERIG_LANG": language, "COLUMNS": str(columns),
               **({"WEDERKERIG_ME": me} if me else {})}  # fmt: skip
        child = pexpect.spawn(
            wederkerig_executable(), ["--db", db.target, *args],
            env=env, encoding="utf-8", timeout=30, dimensions=(40, columns),
        )  # fmt: skip
        children.append(child)
        return child

    yield start
    for child in children:
        child.close(force=True)


@pytest.fixture
def one_entry(cli: Cli, db: LedgerUnderTest, templates: Templates) -> LedgerUnderTest:
    """The test's ledger with one contact and one entry, made once per session by the CLI."""

    def build() -> None:
        result = cli("log", CONTACT, "gave", "knowledge", "tip", "--create")
        assert result.returncode == 0, result.stderr

    templates.once("one-entry", db, build)
    return db
