"""What the installed command prints in Dutch and in English, run as a process on the demo
ledger: the Dutch output has no English left in it, machine formats never change with the
language, and the language setting and the locale choose Dutch."""

import csv
import io
import json
import os
import re
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import typer

from helpers import DUTCH, every_command, read_catalogue, texts, wederkerig_executable
from wederkerig.cli.app import app
from wederkerig.core.dates import PERIODS, Every
from wederkerig.core.vocabulary import (
    DIRECTION_WORDS,
    KIND_WORDS,
    OUTCOME_WORDS,
    By,
    Direction,
    Kind,
    Outcome,
    Status,
    View,
)
from wederkerig.settings import config

# The commands a newcomer runs first, in both languages, on the demo ledger.
PEOPLE_COMMANDS = [
    ("--help",),
    ("log", "--help"),
    ("balance", "--help"),
    ("brief", "--help"),
    ("contact", "--help"),
    ("balance",),
    ("balance", "Anneke de Vries"),
    ("balance", "--by", "group"),
    ("balance", "--every", "quarter"),
    ("brief", "Anneke de Vries"),
    ("flow",),
    ("due",),
    ("promises",),
    ("loops", "--both"),
    ("intros",),
    ("entries",),
    ("contact", "list"),
    ("contact", "show", "Anneke de Vries"),
    ("group", "list"),
    ("tag", "list"),
    ("config", "list", "--origin"),
    ("log", "Anneke de Vries", "gaf", "kennis", "Een rondleiding", "--on", "gisteren"),
    ("contact", "add", "Zoë Nieuwkomer", "--org", "Hogeschool"),
    ("balance", "Anneke de Vriez"),
    ("log", "Anneke de Vries", "gave", "kennisss"),
    ("log", "Anneke de Vries", "gave", "knowledge", "--on", "2026-02-30"),
    ("log",),
    ("keep", "99999"),
    ("export", "--format", "xml"),
]
MACHINE_COMMANDS = [
    ("export",),
    ("export", "contacts", "--format", "json"),
    ("balance", "--format", "csv"),
    ("balance", "--every", "month", "--format", "json"),
    ("brief", "Anneke de Vries", "--format", "json"),
    ("flow", "--format", "csv"),
    ("due", "--format", "csv"),
    ("promises", "--format", "json"),
    ("entries", "--format", "csv"),
]
# Fields of machine output that hold sentences for people: docs/language.md lists them.
PROSE = {"suggestions", "detail"}
# Words spelled the same in Dutch and English, and words that are not language: the machine
# vocabulary (kinds, directions, outcomes, --by and --every values, setting keys) that never
# changes, and what a reader types. Compared without case.
SAME_IN_BOTH = {
    "wederkerig", "contact", "open", "per", "apart", "status", "detail", "tip", "tab", "ctrl",
    "terminal", "club", "database", "schema", "shell", "locale", "demo", "docs", "id", "ids",
    "alias", "sqlite", "sqlalchemy", "postgresql", "url", "cron", "json", "csv", "html", "svg",
    "ledger", "was", "in", "is", "en", "euro", "scripts", "anna", "code",
}  # fmt: skip
MACHINE_WORDS = {
    word.lower()
    for vocabulary in (
        Kind, Direction, Status, Outcome, By, Every, View, KIND_WORDS, DIRECTION_WORDS,
        OUTCOME_WORDS, config.KEYS, PERIODS.split(", "),
    )
    for value in vocabulary
    for word in re.findall(r"[^\W\d_]+", str(value))
}  # fmt: skip
# Typer's copy of Click has no translations; docs/language.md says so.
CLICK_WORDS = (
    "Usage:",
    "Show this message and exit.",
    "Install completion for the current shell.",
    "Show completion for the current shell, to copy it or customize the installation.",
)
NOT_PROSE = re.compile(
    r"<[^>]*>"  # a metavar: <str>, <month|quarter|year>
    r"|(?<![\w-])--?[\w-]+"  # an option
    r"|\b[A-Z][A-Z_]+\b"  # NAME, DATE, CSV, WEDERKERIG_DB
    r"|\w+…"  # a cut-off name
)


COMMAND_NAMES = {
    word
    for path, _command in every_command(typer.main.get_command(app))
    for word in path[-1].split("-")
}
WORD = re.compile(r"[^\W\d_][^\W\d_'’-]{2,}")


def environment(home: Path, language: str) -> dict[str, str]:
    environ = {
        key: value
        for key, value in os.environ.items()
        if key not in {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG", "WEDERKERIG_DB"}
    }
    return {
        **environ,
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "WEDERKERIG_LANG": language,
        "COLUMNS": "120",
        "NO_COLOR": "1",
    }


def speak(home: Path, language: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [wederkerig_executable(), *args],
        env=environment(home, language),
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )


@pytest.fixture(scope="module")
def demo_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A home whose default ledger is a copy of the demo ledger, and the demo's own words."""
    home = tmp_path_factory.mktemp("home")
    made = speak(home, "en", "demo")
    assert made.returncode == 0, made.stderr
    folder = home / "data" / "wederkerig"
    shutil.copyfile(folder / "demo.db", home / "template.db")
    return home


@pytest.fixture
def both(demo_home: Path, tmp_path: Path) -> Callable[..., tuple[str, str]]:
    """Run a command in English and in Dutch, each on its own fresh copy of the demo ledger;
    return both outputs (stdout and stderr), after checking they exit alike."""

    def run(*args: str) -> tuple[str, str]:
        outputs, codes = [], []
        for language in ("en", "nl"):
            home = tmp_path / language
            (home / "data" / "wederkerig").mkdir(parents=True, exist_ok=True)
            shutil.copyfile(demo_home / "template.db", home / "data" / "wederkerig" / "ledger.db")
            done = speak(home, language, *args)
            assert "Traceback" not in done.stderr, done.stderr
            outputs.append(done.stdout + done.stderr)
            codes.append(done.returncode)
        assert codes[0] == codes[1], (args, outputs)
        return outputs[0], outputs[1]

    return run


@pytest.fixture(scope="module")
def data_words(demo_home: Path) -> set[str]:
    """Every word the demo ledger holds (names, organisations, descriptions, notes): they are
    data, printed as they are in any language."""
    listings = [("export",), ("export", "contacts", "--format", "json")]
    listings += [(what, "list", "--format", "csv") for what in ("group", "event", "tag")]
    dumped = "".join(
        speak(demo_home, "en", "--db", str(demo_home / "template.db"), *listing).stdout
        for listing in listings
    )
    return {word.lower() for word in WORD.findall(dumped)}


def english_phrases() -> Iterator[str]:
    """The literal stretches (two words or more) of the English strings, where the Dutch
    translation does not have the same stretch (a command line quoted in a sentence)."""
    for message in read_catalogue(DUTCH):
        if not message.id or not message.string:
            continue
        english = message.id if isinstance(message.id, str) else message.id[0]
        dutch = " ".join(texts(message))
        for stretch in re.split(r"\{[^{}]*\}|\[[^\]]*\]|\n", english):
            stretch = stretch.strip(" .,:;()'\"")
            if len(WORD.findall(stretch)) >= 2 and stretch not in dutch:
                yield stretch


@pytest.mark.parametrize("args", PEOPLE_COMMANDS, ids=" ".join)
def test_dutch_output_has_no_english_left(
    args: tuple[str, ...], both: Callable[..., tuple[str, str]], data_words: set[str]
) -> None:
    english, dutch = both(*args)
    assert english != dutch, "nothing was translated"
    left = [phrase for phrase in english_phrases() if phrase in dutch]
    assert not left, f"English sentences {left} in the Dutch output:\n{dutch}"
    known = data_words | {word.lower() for word in WORD.findall(" ".join(args))}
    known |= SAME_IN_BOTH | MACHINE_WORDS | COMMAND_NAMES
    untranslated = sorted((prose(dutch) & prose(english)) - known)
    assert not untranslated, f"English words {untranslated} in the Dutch output:\n{dutch}"


def prose(output: str) -> set[str]:
    """The words of an output that are meant to be read, lower-cased."""
    for phrase in CLICK_WORDS:
        output = output.replace(phrase, "")
    return {word.lower() for word in WORD.findall(NOT_PROSE.sub(" ", output))}


@pytest.mark.parametrize("args", MACHINE_COMMANDS, ids=" ".join)
def test_machine_formats_do_not_change_with_the_language(
    args: tuple[str, ...], both: Callable[..., tuple[str, str]]
) -> None:
    english, dutch = both(*args)
    if not any(field in english for field in PROSE):  # no sentences: byte for byte the same
        assert english == dutch
    else:
        assert without_prose(english, args) == without_prose(dutch, args)
        assert english.splitlines()[0] == dutch.splitlines()[0]  # the CSV header, the JSON '{'


def without_prose(output: str, args: tuple[str, ...]) -> Any:
    """A machine document with its sentences for people (which follow the language) left out."""
    if "json" in args:
        return drop_prose(json.loads(output))
    rows = list(csv.DictReader(io.StringIO(output)))
    return [{key: value for key, value in row.items() if key not in PROSE} for row in rows]


def drop_prose(document: Any) -> Any:
    if isinstance(document, dict):
        return {key: drop_prose(value) for key, value in document.items() if key not in PROSE}
    if isinstance(document, list):
        return [drop_prose(value) for value in document]
    return document


def test_settings_listed_for_scripts_keep_their_english_help(tmp_path: Path) -> None:
    listed = speak(tmp_path, "nl", "config", "list", "--format", "csv")
    rows = {row["key"]: row for row in csv.DictReader(io.StringIO(listed.stdout))}
    assert rows["currency"]["help"] == "the currency of amounts of money, as a code: EUR, USD, GBP…"
    shown = speak(tmp_path, "nl", "config", "list").stdout
    assert "de munteenheid van geldbedragen" in shown


def test_the_language_setting_and_the_locale_choose_dutch(tmp_path: Path) -> None:
    assert speak(tmp_path, "en", "init").returncode == 0  # a ledger, where Nobody is unknown
    unset = {"WEDERKERIG_LANG": ""}
    by_locale = subprocess.run(
        [wederkerig_executable(), "balance", "Nobody"],
        env={**environment(tmp_path, "en"), **unset, "LANG": "nl_NL.UTF-8"},
        capture_output=True,
        text=True,
    )
    set_language = speak(tmp_path, "en", "config", "set", "language", "nl")
    assert set_language.returncode == 0, set_language.stderr
    by_setting = subprocess.run(
        [wederkerig_executable(), "balance", "Nobody"],
        env={**environment(tmp_path, "en"), **unset},
        capture_output=True,
        text=True,
    )
    by_flag_env = speak(tmp_path, "en", "balance", "Nobody")  # the environment beats the file
    assert by_locale.returncode == by_setting.returncode == by_flag_env.returncode == 1
    assert by_locale.stderr == by_setting.stderr != by_flag_env.stderr
    assert "Nobody" in by_setting.stderr
