"""Questions and errors in a real pseudo-terminal (pexpect): every confirmation takes the
answer in either language (y/yes/j/ja, n/no/nee), and long lines wrap between words."""

import re

import pexpect
import pytest

from helpers import Run, Spawn, ok, parse_csv

STYLE = re.compile(r"\x1b\[[0-9;]*m")  # NO_COLOR keeps bold: not a colour
LONG = "a long description that will surely need wrapping at forty columns wide"


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
    child = spawn("undo", language="nl", me=None)
    child.expect_exact("[j/N]")
    child.sendline(reply)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert descriptions(run) == (["eerste"] if removed else ["eerste", "tweede"])


def test_an_unclear_answer_is_asked_again(run: Run, spawn: Spawn) -> None:
    ok(run("log", "Anna", "gave", "knowledge", "eerste", "--create"))
    child = spawn("undo", language="nl", me=None)
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
    child = spawn("forget", "Anna", language="nl", me=None)
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
    child = spawn("undo", language="en", columns=40, me=None)
    child.expect_exact("[y/N]")
    shown = str(child.before) + "[y/N]"
    child.sendline("n")
    lines = [line.strip() for line in shown.splitlines() if line.strip()]
    assert max(map(len, lines)) <= 40, lines
    assert LONG[:50] in " ".join(lines), lines  # broken only where a space was (then cut…)
    child.expect(pexpect.EOF)


def test_a_long_error_wraps_between_words_on_a_terminal(spawn: Spawn, run: Run) -> None:
    ok(run("contact", "add", "Anna"))
    child = spawn("log", "Anna", "gave", "kennisss", language="en", columns=40, me=None)
    lines = lines_until_the_end(child)
    assert max(map(len, lines)) <= 40, lines
    assert "use knowledge, talent, money or access" in " ".join(lines), lines
