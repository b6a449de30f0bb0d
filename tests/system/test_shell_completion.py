"""Tab completion in real bash, zsh and fish (issue #14), driven through a pseudo-terminal.

Each shell starts clean in a temporary HOME, runs ``wederkerig --install-completion`` as a
user would, and starts again to load it. A name completed on the line must arrive as one
argument however it is spelled (spaces, apostrophes, accents, ``$``, ``*``): ``printf`` put in
front of the completed line shows each argument, and the line itself runs with exit 0.
"""

import os
import re
import shlex
import shutil
from collections.abc import Iterator
from pathlib import Path

import pexpect
import pytest

from helpers import REQUIRE_SHELLS, Run, ok, wederkerig_executable

pytestmark = pytest.mark.sqlite_only(
    reason="Tab completion reads names from the SQLite file; a server offers none, by design"
)

# How each shell starts without the user's files, how it starts again with them (so with the
# completion installed), and how it says the last exit code.
CLEAN = {"bash": ["--norc", "--noprofile"], "zsh": ["-f"], "fish": ["--no-config"]}
INTERACTIVE = {"bash": ["-i"], "zsh": ["-i"], "fish": []}
STATUS = {"bash": "$?", "zsh": "$?", "fish": "$status"}
# Printed after each line; typed as 'DO''NE', so typing it does not already show it.
DONE, SAY_DONE = "DONE", "; echo 'DO''NE'"
# The words before, the word typed before Tab, and the one argument it must become.
CASES = [
    ("wederkerig balance --group", "Drech", "Drechtsteden Partnership"),
    ("wederkerig balance -g", "Drechtsteden\\ P", "Drechtsteden Partnership"),
    ("wederkerig balance --group", '"Drech', "Drechtsteden Partnership"),
    ("wederkerig brief", "Dirk", "Dirk 't Hart"),
    ("wederkerig brief", "'Dirk", "Dirk 't Hart"),
    ("wederkerig entries --period 2026", "Zo", "Zoë $ter*"),
    ("wederkerig entries --period 2026", '"Zo', "Zoë $ter*"),
    ("wederkerig contact add Piet --group", "Dre", "Drechtsteden Partnership"),
    ("wederkerig entries --event", "Borr", 'Borrel "17:30" `bar` \\o/'),
    ("wederkerig balance", "--group=Drech", "--group=Drechtsteden Partnership"),
]
# Bash alone: its quick path ignores case; zsh and fish match what Typer offers as typed.
BASH_CASES = [("wederkerig balance -g", "drech", "Drechtsteden Partnership")]


class Terminal:
    """One interactive shell in a pseudo-terminal, with wederkerig's completion installed."""

    def __init__(self, shell: str, executable: str, home: Path, ledger: Path) -> None:
        self.shell = shell
        env = {
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / ".config"),
            "XDG_DATA_HOME": str(home / ".local" / "share"),
            "PATH": os.pathsep.join((str(Path(wederkerig_executable()).parent), os.defpath)),
            "TERM": "dumb",
            "LANG": "C.UTF-8",
            "NO_COLOR": "1",
            "WEDERKERIG_DB": str(ledger),
        }
        self.child = pexpect.spawn(
            executable, CLEAN[shell], env=env, encoding="utf-8", timeout=30, dimensions=(40, 200)
        )
        assert "completion installed" in self.run("wederkerig --install-completion")
        self.child.sendline(shlex.join(["exec", executable, *INTERACTIVE[shell]]))
        self.run("true")

    def run(self, line: str) -> str:
        """Type ``line`` and Enter; what it printed."""
        self.child.sendline(line + SAY_DONE)
        self.child.expect_exact(DONE)
        return str(self.child.before)

    def arguments_after_tab(self, typed: str) -> list[str]:
        """Type ``typed`` and Tab, put printf in front (the shell reads the keys in order):
        the completed line's arguments."""
        self.child.send(typed + "\t\x01")
        self.child.send("printf '\\074%s\\076\\n' \x05")  # <%s>, not shown as typed
        printed = self.run("")
        return re.findall(r"<([^<>\r\n]*)>\r?\n", printed)

    def exit_code_after_tab(self, typed: str) -> int:
        """Type ``typed`` and Tab, and run the line: its exit code."""
        self.child.send(typed + "\t\x05")
        self.child.sendline(f"; echo exit={STATUS[self.shell]}")
        self.child.expect(r"exit=(\d+)")
        return int(self.child.match.group(1))

    def close(self) -> None:
        self.child.close(force=True)


@pytest.fixture(params=sorted(CLEAN))
def terminal(
    request: pytest.FixtureRequest, tmp_path: Path, run: Run, ledger_path: Path
) -> Iterator[Terminal]:
    shell = request.param
    executable = shutil.which(shell)
    if executable is None:
        problem = f"{shell} is not installed: apt-get install {shell} (as .ci/run does)"
        if REQUIRE_SHELLS:
            pytest.fail(f"WEDERKERIG_REQUIRE_SHELLS=1 but {problem}", pytrace=False)
        pytest.skip(problem)
    ok(run("group", "add", "Drechtsteden Partnership"))
    ok(run("contact", "add", "Dirk 't Hart"))
    ok(run("contact", "add", "Zoë $ter*"))
    ok(run("event", "add", 'Borrel "17:30" `bar` \\o/'))
    home = tmp_path / "home"
    home.mkdir()
    terminal = Terminal(shell, executable, home, ledger_path)
    yield terminal
    terminal.close()


def test_a_completed_name_is_one_argument_and_the_line_runs(terminal: Terminal) -> None:
    cases = CASES + BASH_CASES if terminal.shell == "bash" else CASES
    for before, word, name in cases:
        typed = f"{before} {word}"
        arguments = terminal.arguments_after_tab(typed)
        assert arguments == [*before.split(" "), name], (terminal.shell, typed)
    for before, word, _name in cases:
        typed = f"{before} {word}"
        assert terminal.exit_code_after_tab(typed) == 0, (terminal.shell, typed)
