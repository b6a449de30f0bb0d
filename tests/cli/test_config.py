"""Settings: a private TOML file; flag beats environment beats file beats default."""

import os
import stat
import subprocess
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest

from helpers import LedgerUnderTest, Run, ok, one_line, parse_csv
from wederkerig.cli.completion import COMPLETE_ENV, bash_answer

CONFIG = Path("config") / "wederkerig" / "config.toml"  # under XDG_CONFIG_HOME


def settings(run: Run, *args: str, **env: str) -> dict[str, tuple[str, str]]:
    rows = parse_csv(ok(run("config", "list", "--origin", "--format", "csv", *args, **env)).stdout)
    return {row["key"]: (row["value"], row["origin"]) for row in rows}


def test_set_writes_a_private_toml_file_and_get_reads_it(run: Run, tmp_path: Path) -> None:
    ok(run("config", "set", "me", "Anneke de Vries"))
    ok(run("config", "set", "unanswered_after", "3w"))
    path = tmp_path / CONFIG
    assert tomllib.loads(path.read_text()) == {"me": "Anneke de Vries", "unanswered_after": "3w"}
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert ok(run("config", "get", "me")).stdout == "Anneke de Vries\n"
    ok(run("config", "unset", "me"))
    assert ok(run("config", "get", "me")).stdout == ""


def test_list_origin_shows_precedence(run: Run) -> None:
    assert settings(run)["unanswered_after"] == ("30d", "default")
    ok(run("config", "set", "me", "anneke"))
    assert settings(run)["me"][1].startswith("config ")
    assert settings(run, WEDERKERIG_ME="pieter")["me"] == ("pieter", "env WEDERKERIG_ME")
    assert settings(run)["db"][1] == "flag"  # the test runner always passes --db


def test_me_is_recorded_on_entries_unless_the_environment_says_otherwise(run: Run) -> None:
    ok(run("config", "set", "me", "anneke"))
    ok(run("log", "Jan", "gave", "knowledge", "--create"))
    ok(run("log", "Jan", "gave", "talent", WEDERKERIG_ME="pieter"))
    members = [row["member"] for row in parse_csv(ok(run("export")).stdout)]
    assert members == ["anneke", "pieter"]
    by_member = parse_csv(ok(run("balance", "--by", "member", "--format", "csv")).stdout)
    assert [(row["member"], row["gave"]) for row in by_member] == [("anneke", "1"), ("pieter", "1")]
    only = parse_csv(ok(run("balance", "--member", "pieter", "--format", "csv")).stdout)
    assert [(row["contact"], row["gave"]) for row in only] == [("Jan", "1")]


def test_the_db_setting_chooses_the_ledger_when_no_flag_or_env_does(
    cli: Callable[..., subprocess.CompletedProcess[str]], db: LedgerUnderTest
) -> None:
    assert cli("config", "set", "db", db.target, db=False).returncode == 0
    assert cli("contact", "add", "Jan", db=False).returncode == 0
    assert db.exists()
    assert db.count("contact") == 1


def test_unanswered_after_setting_is_the_default_of_due(run: Run) -> None:
    ok(run("log", "Jan", "received", "knowledge", "--on", "2026-11-06", "--create"))  # 20 days
    assert ok(run("due", "--quiet", "--format", "csv")).stdout.count("unanswered") == 0
    ok(run("config", "set", "unanswered_after", "14d"))
    assert ok(run("due", "--format", "csv")).stdout.count("unanswered") == 1
    assert (
        ok(run("due", "--unanswered-after", "60d", "--format", "csv")).stdout.count("unanswered")
        == 0
    )


@pytest.mark.parametrize(
    ("args", "says"),
    [(("set", "unanswered_afte", "3w"), "Did you mean 'unanswered_after'"),
     (("set", "quiet_after", "3x"), "not a stretch of time"),
     (("set", "me", " "), "give a value"),
     (("get", "colour"), "unknown setting")],
)  # fmt: skip
def test_bad_settings_are_refused_and_the_file_is_unchanged(
    run: Run, tmp_path: Path, args: tuple[str, ...], says: str
) -> None:
    ok(run("config", "set", "me", "anneke"))
    before = (tmp_path / CONFIG).read_bytes()
    result = run("config", *args)
    assert result.exit_code == 2
    assert says in result.stderr
    assert (tmp_path / CONFIG).read_bytes() == before


def test_a_broken_settings_file_is_named(run: Run, tmp_path: Path) -> None:
    path = tmp_path / CONFIG
    path.parent.mkdir(parents=True)
    path.write_text("me = [unclosed\n")
    result = run("config", "list")
    assert result.exit_code == 2
    assert str(path) in one_line(result.stderr)
    assert "line 1" in result.stderr


def test_set_does_not_follow_a_link_planted_at_a_draft_name(run: Run, tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    folder = tmp_path / "config" / "wederkerig"
    folder.mkdir(parents=True)
    (folder / ".config.toml.tmp").symlink_to(victim)
    ok(run("config", "set", "me", "anneke"))
    assert victim.read_text() == "keep me"
    assert not (folder / "config.toml").is_symlink()
    assert stat.S_IMODE((folder / "config.toml").stat().st_mode) == 0o600
    assert tomllib.loads((folder / "config.toml").read_text())["me"] == "anneke"


def test_a_settings_file_that_is_not_toml_is_one_line_even_before_a_language_is_chosen(
    cli: Callable[..., subprocess.CompletedProcess[str]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """config -> i18n -> config looped (RecursionError) when no WEDERKERIG_LANG was set."""
    path = tmp_path / CONFIG
    path.parent.mkdir(parents=True)
    path.write_text('me = "Anneke"\nlanguage = \n')
    monkeypatch.delenv("WEDERKERIG_LANG")
    result = cli("balance")
    helped = cli("--help")
    assert result.returncode == 2, result.stderr
    line = one_line(result.stderr)
    assert str(path) in line
    assert "line 2" in line
    assert helped.returncode == 0, helped.stderr
    assert "Usage" in helped.stdout
    assert "Traceback" not in helped.stderr


def test_a_settings_file_that_is_not_toml_is_a_usage_error_without_a_language_set(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / CONFIG
    path.parent.mkdir(parents=True)
    path.write_text("currency = EUR\n")
    monkeypatch.delenv("WEDERKERIG_LANG")
    result = run("balance")
    assert result.exit_code == 2, result.stderr
    assert str(path) in one_line(result.stderr)
    assert "line 1" in result.stderr
    assert "Usage" in ok(run("--help")).stdout


def test_a_settings_file_that_is_not_utf8_is_one_line_and_tab_still_answers(
    cli: Callable[..., subprocess.CompletedProcess[str]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """tomllib raises UnicodeDecodeError, which no handler caught: every command (and every
    Tab) ended in a traceback before the language was even chosen."""
    path = tmp_path / CONFIG
    path.parent.mkdir(parents=True)
    path.write_bytes('me = "Anneke Ã©"\nnote = "caf\xe9"\n'.encode("latin-1"))
    monkeypatch.delenv("WEDERKERIG_LANG")
    result = cli("balance")
    assert result.returncode == 2, result.stderr
    line = one_line(result.stderr)
    assert str(path) in line
    assert "UTF-8" in line
    tab = {COMPLETE_ENV: "complete_bash", "COMP_WORDS": "wederkerig balance An", "COMP_CWORD": "2"}
    assert bash_answer(os.environ | tab) is None
