"""What everyday commands import: the wins of issue #15, protected without timing anything.

Each command runs as the installed console script with ``PYTHONVERBOSE=1``, so its stderr
lists every module the process imported (Python's ``-v``; ``-X importtime`` would miss the
command modules the root imports with ``importlib``).
"""

import re
import subprocess
from collections.abc import Callable

import pytest

from helpers import LedgerUnderTest
from wederkerig import __version__
from wederkerig.cli.app import COMMANDS, WHERE

Cli = Callable[..., subprocess.CompletedProcess[str]]

CONTACT = "Anna de Vries"
IMPORT_LOG = {"PYTHONVERBOSE": "1"}
# Loaded only by the commands that use them: upgrades, money shown to people, typed dates,
# vCards. A report on a current ledger needs none of them.
OCCASIONAL = {"alembic", "babel", "dateparser", "vobject"}


def imported(result: subprocess.CompletedProcess[str]) -> set[str]:
    """The modules named in a process's import log (its stderr)."""
    names = set(re.findall(r"^import '([^']+)'", result.stderr, flags=re.MULTILINE))
    assert "encodings" in names  # the import log is really there
    return names


def packages(names: set[str]) -> set[str]:
    return {name.split(".")[0] for name in names}


def test_version_is_answered_before_typer_and_rich_load(cli: Cli) -> None:
    result = cli("--version", env=IMPORT_LOG, db=False)
    assert result.returncode == 0
    assert result.stdout == f"wederkerig {__version__}\n"
    heavy = packages(imported(result)) & {"typer", "click", "rich", "sqlalchemy", "sqlmodel"}
    assert not heavy, sorted(heavy)


def test_tab_on_a_named_ledger_reads_no_settings_file(cli: Cli, one_entry: LedgerUnderTest) -> None:
    """--db or WEDERKERIG_DB wins over the settings file, so bash's Tab request needs neither
    the file (tomllib) nor the user's folders (platformdirs, which loads tempfile)."""
    result = cli(
        env={
            **IMPORT_LOG,
            "_WEDERKERIG_COMPLETE": "complete_bash",
            "COMP_WORDS": "wederkerig balance Ann",
            "COMP_CWORD": "2",
            "WEDERKERIG_DB": one_entry.target,
        },
        db=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == ("Anna\\ de\\ Vries\n" if one_entry.engine == "sqlite" else "")
    names = imported(result)
    assert "wederkerig.cli.completion" in names
    needless = packages(names) & {"tomllib", "platformdirs", "tempfile", "typer", "sqlalchemy"}
    assert not needless, sorted(needless)


@pytest.mark.parametrize(
    "args",
    [
        ("balance", "--format", "csv"),
        ("balance", CONTACT, "--format", "json"),
        ("brief", CONTACT),
        ("due",),
        ("entries", "--format", "csv"),
        ("log", CONTACT, "received", "talent", "hulp"),
    ],
    ids=" ".join,
)
def test_everyday_commands_on_a_current_ledger_load_nothing_occasional(
    cli: Cli, one_entry: LedgerUnderTest, args: tuple[str, ...]
) -> None:
    result = cli(*args, env=IMPORT_LOG)
    assert result.returncode == 0, result.stderr
    names = imported(result)
    assert "wederkerig.store.database" in names  # the ledger was really opened
    occasional = packages(names) & OCCASIONAL
    assert not occasional, sorted(occasional)
    # Only the module of the command run: Typer builds no other command (cli.app.COMMANDS).
    command_modules = {f"wederkerig.cli.{commands.module}" for commands in COMMANDS}
    assert names & command_modules == {f"wederkerig.cli.{WHERE[args[0]].module}"}


def test_amounts_in_euros_are_written_without_babel(cli: Cli) -> None:
    """Babel's locale data costs ~35 ms to load; the common currencies are written out."""
    logged = cli("log", CONTACT, "received", "money", "lunch", "--amount", "1250", "--create")
    assert logged.returncode == 0, logged.stderr
    result = cli("entries", env={**IMPORT_LOG, "COLUMNS": "120"})
    assert result.returncode == 0, result.stderr
    assert "€1,250.00" in result.stdout
    assert "babel" not in packages(imported(result))
