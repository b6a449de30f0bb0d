"""Tab completion of contact names: bash answered from SQLite alone, other shells via Typer."""

import shlex
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import typer.core
import typer.main

from helpers import LedgerUnderTest, Run, ok, wederkerig_executable
from wederkerig.cli.app import app
from wederkerig.cli.completion import ARGUMENTS, COMPLETE_ENV, bash_answer, candidates
from wederkerig.settings.paths import DB_ENV

Cli = Callable[..., subprocess.CompletedProcess[str]]
NAMES = pytest.mark.sqlite_only(
    reason="names are read from the SQLite file with the stdlib; a server offers none, by design"
)


@pytest.fixture
def ledger(run: Run) -> Run:
    ok(run("contact", "add", "Anneke de Vries", "--alias", "Anne"))
    ok(run("contact", "add", "Zoë Janssen"))
    ok(run("contact", "add", "O'Brien"))
    return run


def bash(cli: Cli, line: str, ledger: Path | LedgerUnderTest, **env: str) -> list[str]:
    """What bash's Tab offers with the cursor at the end of ``line``."""
    words = line.split(" ")
    result = cli(
        env={
            "_WEDERKERIG_COMPLETE": "complete_bash",
            "COMP_WORDS": line,
            "COMP_CWORD": str(len(words) - 1),
            "WEDERKERIG_DB": str(ledger),
            **env,
        },
        db=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return [line for line in result.stdout.splitlines() if line]  # Typer ends with a newline


@NAMES
def test_bash_completes_names_and_aliases_escaped_as_one_word(
    ledger: Run, cli: Cli, ledger_path: Path
) -> None:
    assert bash(cli, "wederkerig balance an", ledger_path) == ["Anne", "Anneke\\ de\\ Vries"]
    assert bash(cli, "wederkerig brief zo", ledger_path) == ["Zoë\\ Janssen"]
    assert bash(cli, "wederkerig log o", ledger_path) == ["O\\'Brien"]
    assert len(bash(cli, "wederkerig contact show ", ledger_path)) == 4


@NAMES
def test_bash_completes_both_sides_of_an_intro_but_not_the_why(
    ledger: Run, cli: Cli, ledger_path: Path
) -> None:
    assert bash(cli, "wederkerig intro Anne z", ledger_path) == ["Zoë\\ Janssen"]
    assert bash(cli, "wederkerig intro Anne Zoë z", ledger_path) == []


def test_bash_completes_kinds_and_directions_by_position(
    ledger: Run, cli: Cli, db: LedgerUnderTest
) -> None:
    assert bash(cli, "wederkerig log Anne g", db) == ["gave", "gaf"]
    assert bash(cli, "wederkerig log Anne gave k", db) == ["knowledge", "kennis"]


@NAMES
def test_bash_completes_groups_and_tags_by_position(
    ledger: Run, cli: Cli, ledger_path: Path
) -> None:
    ok(ledger("group", "add", "Drechtsteden"))
    ok(ledger("contact", "edit", "Anne", "--tag", "bestuur"))
    assert bash(cli, "wederkerig group join dr", ledger_path) == ["Drechtsteden"]
    assert bash(cli, "wederkerig group join Drechtsteden Anne zo", ledger_path) == ["Zoë\\ Janssen"]
    assert bash(cli, "wederkerig tag cadence b", ledger_path) == ["bestuur"]


@NAMES
def test_typer_completes_options_with_names(ledger: Run, cli: Cli, ledger_path: Path) -> None:
    ok(ledger("event", "add", "Nieuwjaarsreceptie"))
    assert bash(cli, "wederkerig balance --event Nieuw", ledger_path) == ["Nieuwjaarsreceptie"]
    assert bash(cli, "wederkerig entries --kind to", ledger_path) == ["toegang"]


@NAMES
def test_the_db_option_chooses_the_ledger(ledger: Run, cli: Cli, ledger_path: Path) -> None:
    line = f"wederkerig --db {ledger_path} balance z"
    assert bash(cli, line, ledger_path, WEDERKERIG_DB="/nonexistent.db") == ["Zoë\\ Janssen"]


def test_a_missing_ledger_offers_nothing_and_creates_nothing(cli: Cli, tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "ledger.db"
    assert bash(cli, "wederkerig balance a", missing) == []
    assert not missing.parent.exists()


@NAMES
def test_after_options_typer_answers(ledger: Run, cli: Cli, ledger_path: Path) -> None:
    """Typer parses the options (it matches case exactly; the quick path ignores case)."""
    assert bash(cli, "wederkerig balance --period 2026 Zo", ledger_path) == ["Zoë Janssen"]


@NAMES
def test_zsh_gets_names_through_typer(ledger: Run, cli: Cli, ledger_path: Path) -> None:
    result = cli(
        env={
            "_WEDERKERIG_COMPLETE": "complete_zsh",
            "_TYPER_COMPLETE_ARGS": f"wederkerig --db {ledger_path} loops Zo",
        },
        db=False,
    )
    assert '"Zoë Janssen"' in result.stdout


@NAMES
def test_fish_gets_names_through_typer(ledger: Run, cli: Cli, ledger_path: Path) -> None:
    result = cli(
        env={
            "_WEDERKERIG_COMPLETE": "complete_fish",
            "_TYPER_COMPLETE_FISH_ACTION": "get-args",
            "_TYPER_COMPLETE_ARGS": f"wederkerig --db {ledger_path} brief Zo",
        },
        db=False,
    )
    assert result.stdout.splitlines() == ["Zoë Janssen"]


@NAMES
def test_bash_completion_imports_neither_typer_nor_sqlalchemy(
    ledger: Run, ledger_path: Path
) -> None:
    """It runs on every Tab: the answer comes before any heavy import."""
    probe = (
        "import os, sys\n"
        "from wederkerig.cli import main\n"
        "main()\n"
        "heavy = sorted(m for m in ('typer', 'click', 'sqlalchemy', 'sqlmodel', 'rich') "
        "if m in sys.modules)\n"
        "assert not heavy, heavy\n"
    )
    env = {
        "_WEDERKERIG_COMPLETE": "complete_bash",
        "COMP_WORDS": "wederkerig balance an",
        "COMP_CWORD": "2",
        "WEDERKERIG_DB": str(ledger_path),
        "PATH": str(Path(wederkerig_executable()).parent),
    }
    result = subprocess.run(
        [sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["Anne", "Anneke\\ de\\ Vries"]


def _commands(
    command: typer.core.TyperCommand | typer.core.TyperGroup, path: tuple[str, ...]
) -> Iterator[tuple[tuple[str, ...], typer.core.TyperCommand]]:
    """Every command of the app (not its groups), by its words on the command line."""
    if isinstance(command, typer.core.TyperGroup):
        for name, sub in command.commands.items():
            yield from _commands(sub, (*path, name))  # type: ignore[arg-type]
    else:
        yield path, command


@NAMES
def test_bash_quick_path_completes_where_and_what_the_typer_app_does(
    ledger: Run, ledger_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The quick path keeps its own map of which argument takes which name (Typer would cost
    every Tab its import). Walk the real app, every argument of every command: where Typer
    completes a name or word, the quick path answers the same; elsewhere it leaves it to Typer."""
    ok(ledger("group", "add", "Drechtsteden"))
    ok(ledger("event", "add", "Nieuwjaarsreceptie"))
    ok(ledger("contact", "edit", "Anne", "--tag", "bestuur"))
    monkeypatch.setenv(DB_ENV, str(ledger_path))
    known = [
        names
        for what in ("contact", "group", "event", "tag", "kind", "direction")
        if (names := candidates(what, str(ledger_path), ""))
    ]
    assert len(known) == len({tuple(names) for names in known}) == 6, known
    commands = dict(_commands(typer.main.get_command(app), ()))  # type: ignore[arg-type]
    assert set(ARGUMENTS) <= set(commands), set(ARGUMENTS) - set(commands)
    disagreements = []
    for path, command in commands.items():
        arguments = [
            param for param in command.params if isinstance(param, typer.core.TyperArgument)
        ]
        assert all(argument.nargs in (1, -1) for argument in arguments), path
        for position in range(len(arguments) + 1):
            if position < len(arguments) or (arguments and arguments[-1].nargs == -1):
                argument = arguments[min(position, len(arguments) - 1)]
                typer_says = [
                    item.value for item in argument.shell_complete(typer.Context(command), "")
                ]
            else:
                typer_says = []
            line = " ".join(("wederkerig", *path, *["x"] * position))
            answer = bash_answer(
                {COMPLETE_ENV: "complete_bash", "COMP_WORDS": line + " ",
                 "COMP_CWORD": str(len(path) + position + 1), DB_ENV: str(ledger_path)}
            )  # fmt: skip
            quick_says = (
                None if answer is None else [shlex.split(name)[0] for name in answer.splitlines()]
            )
            expected = typer_says if typer_says in known else None
            if quick_says != expected:
                disagreements.append((line, quick_says, typer_says))
    assert disagreements == []
