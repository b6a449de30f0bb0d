"""Help screens for people, in English and in Dutch: placeholders instead of Python's types,
no English left on a Dutch screen, and a short start-here screen for bare ``wederkerig``.

Help is translated as the commands are defined, so each language's screens are made in a
process of their own (one per language, every command's ``--help`` in it).
"""

import json
import os
import subprocess
import sys

import pytest
import typer

from helpers import every_command
from wederkerig.cli.app import app

SCREENS = """
import json, sys
from typer.testing import CliRunner
from wederkerig.core import i18n
from wederkerig.settings import language
i18n.speak_for_libraries(language.choose())
from wederkerig.cli.app import app
runner = CliRunner()
shown = {}
for path in json.loads(sys.argv[1]):
    result = runner.invoke(app, [] if path == "(bare)" else [*path.split(), "--help"])
    shown[path] = [result.exit_code, result.output]
print(json.dumps(shown))
"""


BARE = "(bare)"  # wederkerig with nothing after it; "" is wederkerig --help
PATHS = [BARE, "", *(" ".join(path) for path, _ in every_command(typer.main.get_command(app)))]


@pytest.fixture(scope="module")
def screens() -> dict[str, dict[str, tuple[int, str]]]:
    """Every command's help (and bare wederkerig's screen), per language."""
    wanted = json.dumps(PATHS)
    shown = {}
    for language in ("en", "nl"):
        env = {**os.environ, "WEDERKERIG_LANG": language, "COLUMNS": "100", "NO_COLOR": "1"}
        env.pop("LANGUAGE", None)
        done = subprocess.run(
            [sys.executable, "-c", SCREENS, wanted],
            env=env, capture_output=True, text=True, check=True, timeout=300,
        )  # fmt: skip
        shown[language] = {path: tuple(value) for path, value in json.loads(done.stdout).items()}
    return shown


RAW_TYPES = ("<bool>", "<str>", "list[str]", "<int", "<path>", "2147483647", "<=x", "x>=")
ENGLISH = ("Usage", "Options", "Show this message", "Arguments", "Commands", "[default:",
           "[required]", "[env var", "COMMAND", "NAME", "DIRECTION", "KIND")  # fmt: skip


@pytest.mark.parametrize("path", [path for path in PATHS if path != BARE])
def test_help_shows_placeholders_not_python_types(
    screens: dict[str, dict[str, tuple[int, str]]], path: str
) -> None:
    for language in ("en", "nl"):
        code, text = screens[language][path]
        assert code == 0, text
        raw = [word for word in RAW_TYPES if word in text]
        assert not raw, f"{language} help of {path!r} shows {raw}:\n{text}"


@pytest.mark.parametrize("path", [path for path in PATHS if path != BARE])
def test_dutch_help_has_no_english_words(
    screens: dict[str, dict[str, tuple[int, str]]], path: str
) -> None:
    _code, text = screens["nl"][path]
    left = [word for word in ENGLISH if word in text]
    assert not left, f"English {left} in the Dutch help of {path!r}:\n{text}"
    assert "Gebruik:" in text


def test_bare_wederkerig_shows_the_first_steps_and_exits_0(
    screens: dict[str, dict[str, tuple[int, str]]],
) -> None:
    for language, said in (("en", "First steps"), ("nl", "Eerste stappen")):
        code, text = screens[language][BARE]
        assert code == 0, text
        assert said in text
        for step in ("init", "demo", "log", "balance", "--help"):
            assert f"wederkerig {step}" in text
        assert len(text.splitlines()) <= 12, text  # short: not the full help
        assert "╭" not in text


def test_email_and_note_say_what_they_are(
    screens: dict[str, dict[str, tuple[int, str]]],
) -> None:
    for path in ("contact add", "contact edit"):
        for language, words in (("en", ("email address", "note")), ("nl", ("e-mailadres",))):
            _code, text = screens[language][path]
            for line in text.splitlines():
                if "--email" in line or "--note" in line:
                    assert len(line.split("│")[1].split()) > 2, line  # option, placeholder, help
            assert all(word in text.casefold() for word in words), text
