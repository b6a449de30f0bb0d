"""Questions and errors in a real pseudo-terminal (pexpect): every confirmation takes the
answer in either language (y/yes/j/ja, n/no/nee), and long lines wrap between words."""

import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pexpect
import pytest

from helpers import LedgerUnderTest, Run, ok, parse_csv, wederkerig_executable

Spawn = Callable[..., pexpect.spawn]
STYLE = re.compile(r"\x1b\[[0-9;]*m")  # NO_COLOR keeps bold: not a colour
LONG = "a long description that will surely need wrapping at forty columns wide"


@pytest.fixture
def spawn(db: LedgerUnderTest, tmp_path: Path) -> Iterator[Spawn]:
    """Start the installed CLI in a terminal of its own, on the test's ledger."""
    children: list[pexpect.spawn] = []

    def start(*args: str, language: str = "nl", columns: int = 120) -> pexpect.spawn:
        env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data"),
               "XDG_CONFIG_HOME": str(tmp_path / "config"), "NO_COLOR": "1",
               "WEDERKERIG_LANG": language, "COLUMNS": str(columns)}  # fmt: skip
        child = pexpect.spawn(
            wederkerig_executable(), ["--db", db.target, *args],
            env=env, encoding="utf-8", timeout=20, dimensions=(24, columns),
        )  # fmt: skip
        children.append(child)
        return child

    yield start
    for child in children:
        child.close(force=True)


def descriptions(run: Run) -> list[str]:
    return [row["description"] for row in parse_csv(ok(run("export")).stdout)]


@pytest.mark.parametrize(
    ("reply", "removed"),
    [("j", True), ("JA", True), ("yes", True), ("nee", False), ("no", False), ("", False)],
)  # fmt: skip
def test_undo_takes_yes_and_no_in_either_language(
    run: Run, spawn: Spawn, reply: str, removed: bool
) -> None:
    ok(run("log", "Anna", "gave", "knowledge", "eerste", "--create"))
    ok(run("log", "Anna", "gave", "knowledge", "tweede"))
    child = spawn("undo")
    child.expect_exact("[j/N]")
    child.sendline(reply)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert descriptions(run) == (["eerste"] if removed else ["eerste", "tweede"])


def test_an_unclear_answer_is_asked_again(run: Run, spawn: Spawn) -> None:
    ok(run("log", "Anna", "gave", "knowledge", "eerste", "--create"))
    child = spawn("undo")
    child.expect_exact("[j/N]")
    child.sendline("misschien")
    child.expect_exact("[j/N]")
    child.sendline("ja")
    child.expect(pexpect.EOF)
    assert descriptions(run) == []


def test_forget_and_the_other_side_of_an_introduction_take_ja(run: Run, spawn: Spawn) -> None:
    ok(run("contact", "add", "Anna"))
    ok(run("contact", "add", "Bram"))
    ok(run("intro", "Anna", "Bram", "over de haven"))
    child = spawn("forget", "Anna")
    child.expect_exact("[j/N]")
    child.sendline("ja")
    child.expect_exact("[j/N]")  # also the other side, Bram's?
    child.sendline("j")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert descriptions(run) == []


def lines_until_the_end(child: pexpect.spawn) -> list[str]:
    child.expect(pexpect.EOF)
    shown = STYLE.sub("", str(child.before))
    return [line.strip() for line in shown.splitlines() if line.strip()]


def test_a_long_question_wraps_between_words(run: Run, spawn: Spawn) -> None:
    ok(run("log", "Anna", "gave", "knowledge", LONG, "--create"))
    child = spawn("undo", language="en", columns=40)
    child.expect_exact("[y/N]")
    shown = str(child.before) + "[y/N]"
    child.sendline("n")
    lines = [line.strip() for line in shown.splitlines() if line.strip()]
    assert max(map(len, lines)) <= 40, lines
    assert LONG[:50] in " ".join(lines), lines  # broken only where a space was (then cut…)
    child.expect(pexpect.EOF)


def test_a_long_error_wraps_between_words_on_a_terminal(spawn: Spawn, run: Run) -> None:
    ok(run("contact", "add", "Anna"))
    child = spawn("log", "Anna", "gave", "kennisss", language="en", columns=40)
    lines = lines_until_the_end(child)
    assert max(map(len, lines)) <= 40, lines
    assert "use knowledge, talent, money or access" in " ".join(lines), lines
