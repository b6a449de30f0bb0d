"""Tab completion of contact names: bash answered from SQLite alone, other shells via Typer."""

import shlex
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import typer.core
import typer.main
from hypothesis import example, given, settings
from hypothesis import strategies as st

from helpers import LedgerUnderTest, Run, every_command, ok, wederkerig_executable
from wederkerig.cli.app import app
from wederkerig.cli.completion import (
    ARGUMENTS,
    COMPLETE_ENV,
    bash_answer,
    bash_escaped,
    candidates,
)
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
def test_bash_completes_inside_an_open_quote_for_that_quote(
    ledger: Run, cli: Cli, ledger_path: Path
) -> None:
    """Bash keeps the quote the user opened and closes it after the name: inside it a
    backslash-escaped space would become part of the name."""
    ok(ledger("group", "add", "Drechtsteden Partnership"))
    ok(ledger("contact", "add", "Dirk 't Hart"))
    ok(ledger("event", "add", "Borrel $5"))
    group = ["Drechtsteden Partnership"]
    assert bash(cli, 'wederkerig balance --group "Drech', ledger_path) == group
    assert bash(cli, "wederkerig balance --group 'Drech", ledger_path) == group
    assert bash(cli, "wederkerig brief 'Dirk", ledger_path) == ["Dirk '\\''t Hart"]
    assert bash(cli, 'wederkerig brief "Dirk', ledger_path) == ["Dirk 't Hart"]
    assert bash(cli, 'wederkerig entries --event "Bo', ledger_path) == ["Borrel \\$5"]
    # Typer's path (after other options) answers the same way
    assert bash(cli, 'wederkerig balance --period 2026 "Dir', ledger_path) == ["Dirk 't Hart"]


@NAMES
def test_the_db_option_chooses_the_ledger(ledger: Run, cli: Cli, ledger_path: Path) -> None:
    line = f"wederkerig --db {ledger_path} balance z"
    assert bash(cli, line, ledger_path, WEDERKERIG_DB="/nonexistent.db") == ["Zoë\\ Janssen"]


def test_a_missing_ledger_offers_nothing_and_creates_nothing(cli: Cli, tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "ledger.db"
    assert bash(cli, "wederkerig balance a", missing) == []
    assert not missing.parent.exists()


@NAMES
def test_after_options_typer_answers_escaped_for_bash(
    ledger: Run, cli: Cli, ledger_path: Path
) -> None:
    """Typer parses the options (it matches case exactly; the quick path ignores case), and bash
    inserts its answer as it is: escaped, or 'Zoë Janssen' would be two arguments."""
    assert bash(cli, "wederkerig balance --period 2026 Zo", ledger_path) == ["Zoë\\ Janssen"]


@NAMES
def test_bash_completes_names_after_options_escaped(
    ledger: Run, cli: Cli, ledger_path: Path
) -> None:
    """Issue #14: `balance --group Drech<Tab>` inserted 'Drechtsteden Partnership' unescaped."""
    ok(ledger("group", "add", "Drechtsteden Partnership"))
    ok(ledger("event", "add", "Borrel $5 *VIP*"))
    ok(ledger("contact", "edit", "Anne", "--tag", "bestuur"))
    group = ["Drechtsteden\\ Partnership"]
    assert bash(cli, "wederkerig balance --group Drech", ledger_path) == group
    assert bash(cli, "wederkerig balance -g drech", ledger_path) == group
    assert bash(cli, "wederkerig balance --group = Drech", ledger_path) == group  # --group=Drech
    assert bash(cli, "wederkerig balance --group =", ledger_path) == group  # --group=
    assert bash(cli, "wederkerig contact add Piet --group Dr", ledger_path) == group
    assert bash(cli, "wederkerig entries Anne --event bo", ledger_path) == [
        "Borrel\\ \\$5\\ \\*VIP\\*"
    ]
    assert bash(cli, "wederkerig contact edit Anne --untag b", ledger_path) == ["bestuur"]
    assert bash(cli, "wederkerig edit 3 --kind ge", ledger_path) == ["geld"]


def typer_answer(cli: Cli, shell: str, line: str) -> str:
    """What Typer answers zsh or fish (the scripts they run send the line as typed)."""
    result = cli(
        env={
            "_WEDERKERIG_COMPLETE": f"complete_{shell}",
            "_TYPER_COMPLETE_FISH_ACTION": "get-args",
            "_TYPER_COMPLETE_ARGS": line,
        },
        db=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


@NAMES
def test_zsh_gets_names_through_typer(ledger: Run, cli: Cli, ledger_path: Path) -> None:
    answer = typer_answer(cli, "zsh", f"wederkerig --db {ledger_path} loops Zo")
    assert answer == """_arguments '*: :(("Zoë Janssen"))'"""


@NAMES
def test_fish_gets_names_through_typer(ledger: Run, cli: Cli, ledger_path: Path) -> None:
    answer = typer_answer(cli, "fish", f"wederkerig --db {ledger_path} brief Zo")
    assert answer.splitlines() == ["Zoë Janssen"]


@NAMES
def test_zsh_and_fish_get_names_after_options_each_kept_whole(
    ledger: Run, cli: Cli, ledger_path: Path
) -> None:
    """Issue #14: zsh evaluates Typer's answer as shell code inside single quotes, where
    Typer's own escaping lost the apostrophe of Dirk 't Hart; `contact add --group` offered
    nothing. Fish quotes what it inserts itself, so it gets the names as they are. Both replace
    the whole word typed, so `--group=Dr` is answered with `--group=` in front."""
    ok(ledger("group", "add", "Drechtsteden Partnership"))
    ok(ledger("contact", "add", "Dirk 't Hart"))
    ok(ledger("event", "add", 'Borrel "$5" `a:b` \\'))
    line = f"wederkerig --db {ledger_path} contact add Piet --group Dr"
    assert typer_answer(cli, "zsh", line) == """_arguments '*: :(("Drechtsteden Partnership"))'"""
    assert typer_answer(cli, "fish", line) == "Drechtsteden Partnership"
    line = f"wederkerig --db {ledger_path} balance --group=Dr"  # they replace the whole word
    whole = "--group=Drechtsteden Partnership"
    assert typer_answer(cli, "zsh", line) == f"""_arguments '*: :(("{whole}"))'"""
    assert typer_answer(cli, "fish", line) == whole
    line = f"wederkerig --db {ledger_path} balance --period 2026 Dirk"
    assert typer_answer(cli, "zsh", line) == """_arguments '*: :(("Dirk '\\''t Hart"))'"""
    assert typer_answer(cli, "fish", line) == "Dirk 't Hart"
    line = f"wederkerig --db {ledger_path} intro Anne Zoë why --event Bo"
    zsh = r"""_arguments '*: :(("Borrel \"\$5\" \`a\\:b\` \\\\"))'"""
    assert typer_answer(cli, "zsh", line) == zsh


@given(
    st.text(
        st.sampled_from(" '\"$`\\*?!~#&;|<>(){}[]:=,%aZ1ë") | st.characters(codec="utf-8"),
        min_size=1,
    ).filter(lambda name: name.isprintable()),
    st.sampled_from(["", "'", '"']),
)
@example('Kas $HOME `id` \\ "x" \'t *', "")
@example('Kas $HOME `id` \\ "x" \'t *', "'")
@example('Kas $HOME `id` \\ "x" \'t *', '"')
@settings(deadline=None)
def test_a_bash_escaped_name_is_one_word(name: str, quote: str) -> None:
    """Whatever a name holds, bash reads its escaped form back as that one word: bare, or
    inside the quote the user opened (which bash closes after it). Bash itself is the judge
    (shlex reads '\\$' inside double quotes differently)."""
    word = quote + bash_escaped(name, quote) + quote
    said = subprocess.run(["bash", "-c", f"printf '%s\\0' {word}"], capture_output=True, check=True)
    assert said.stdout.decode() == name + "\0"


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


def leaf_commands() -> dict[tuple[str, ...], typer.core.TyperCommand]:
    """Every command of the app (not its groups), by its words on the command line."""
    return {
        path: command
        for path, command in every_command(typer.main.get_command(app))
        if not isinstance(command, typer.core.TyperGroup)
    }


@pytest.fixture
def every_kind_of_name(
    ledger: Run, ledger_path: Path, monkeypatch: pytest.MonkeyPatch
) -> list[list[str]]:
    """A ledger with a name of every kind; what each kind offers, all six different."""
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
    return known


def _quick_says(words: tuple[str, ...], ledger_path: Path) -> list[str] | None:
    """The quick path's names for the word after ``words``, unescaped; ``None`` if it passes."""
    answer = bash_answer(
        {COMPLETE_ENV: "complete_bash", "COMP_WORDS": " ".join(words) + " ",
         "COMP_CWORD": str(len(words)), DB_ENV: str(ledger_path)}
    )  # fmt: skip
    return None if answer is None else [shlex.split(name)[0] for name in answer.splitlines()]


@NAMES
def test_bash_quick_path_completes_where_and_what_the_typer_app_does(
    every_kind_of_name: list[list[str]], ledger_path: Path
) -> None:
    """The quick path keeps its own map of which argument takes which name (Typer would cost
    every Tab its import). Walk the real app, every argument of every command: where Typer
    completes a name or word, the quick path answers the same; elsewhere it leaves it to Typer."""
    commands = leaf_commands()
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
            words = ("wederkerig", *path, *["x"] * position)
            quick_says = _quick_says(words, ledger_path)
            expected = typer_says if typer_says in every_kind_of_name else None
            if quick_says != expected:
                disagreements.append((words, quick_says, typer_says))
    assert disagreements == []


@NAMES
def test_every_option_that_takes_a_name_completes_it_in_every_shell(
    every_kind_of_name: list[list[str]], ledger_path: Path
) -> None:
    """Issue #14: `contact add --group` offered no names. Walk every option of every command
    that takes a value: its name is one kind of name (contact, group, event, tag, kind,
    direction) exactly when Typer completes those names after it (zsh and fish ask Typer), and
    then the quick path answers the same for bash."""
    kinds = {"tag", "untag", "group", "event", "kind", "direction"}
    commands = leaf_commands()
    disagreements = []
    for path, command in commands.items():
        for option in command.params:
            if not isinstance(option, typer.core.TyperOption) or option.is_flag:
                continue
            typer_says = [item.value for item in option.shell_complete(typer.Context(command), "")]
            names = typer_says if typer_says in every_kind_of_name else None
            for spelling in option.opts:
                quick_says = _quick_says(("wederkerig", *path, spelling), ledger_path)
                if quick_says != names or (names is not None) != (option.name in kinds):
                    disagreements.append((path, spelling, quick_says, typer_says))
    assert disagreements == []
