"""Dutch or English: every marked string is in the catalogue and translated, the compiled
catalogue ships with the package, and the language is chosen as documented. (What the
installed command prints in each language: tests/system/test_dutch_output.py.)"""

import ast
import gettext
import re
from collections.abc import Iterator

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir

from helpers import DUTCH, ROOT, read_catalogue, texts
from wederkerig.core import i18n
from wederkerig.settings.language import preferred

SOURCE = ROOT / "src" / "wederkerig"
TEMPLATE = SOURCE / "locale" / "wederkerig.pot"
UPDATE = "run scripts/update-catalogue.sh and translate what is new in " + str(
    DUTCH.relative_to(ROOT)
)
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def marked_in_source() -> set[str | tuple[str, ...]]:
    return {
        message if isinstance(message, str) else tuple(message)
        for _file, _line, message, _comments, _context in extract_from_dir(str(SOURCE))
    }


def test_the_template_holds_exactly_the_strings_marked_in_the_source() -> None:
    in_template = {message.id for message in read_catalogue(TEMPLATE) if message.id}
    in_source = marked_in_source()
    assert in_source - in_template == set(), f"new strings are not in the template: {UPDATE}"
    assert in_template - in_source == set(), f"the template has strings no longer used: {UPDATE}"


def test_babel_sees_every_literal_the_code_translates() -> None:
    """Babel cannot look inside an f-string: a ``_("…")`` there would never be translated."""
    seen = {message if isinstance(message, str) else message[0] for message in marked_in_source()}
    unseen = [
        f"{path.relative_to(ROOT)}:{node.lineno}"
        for path in SOURCE.rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in {"_", "N_", "ngettext"}
        and node.args
        and isinstance(node.args[0], ast.Constant)
        and node.args[0].value not in seen
    ]
    assert unseen == [], "move these out of their f-string: " + ", ".join(unseen)


def untranslated(template: Catalog, dutch: Catalog) -> Iterator[str]:
    for wanted in template:
        if not wanted.id:
            continue
        found = dutch.get(wanted.id, context=wanted.context)
        if found is None or found.fuzzy or not all(texts(found)) or not found.string:
            yield str(wanted.id)


def test_every_string_has_a_dutch_translation() -> None:
    missing = list(untranslated(read_catalogue(TEMPLATE), read_catalogue(DUTCH)))
    assert missing == [], f"{len(missing)} strings lack Dutch ({UPDATE}): {missing[:10]}"


def placeholders(forms: tuple[str, ...]) -> set[str]:
    return {found for form in forms for found in PLACEHOLDER.findall(form)}


def test_translations_keep_every_placeholder_and_markup_tag() -> None:
    """A lost placeholder loses a fact; an invented one is a KeyError at run time."""
    for message in read_catalogue(DUTCH):
        if not message.id or not message.string:
            continue
        english = (message.id,) if isinstance(message.id, str) else tuple(message.id)
        dutch = texts(message)
        assert placeholders(dutch) == placeholders(english), (english, dutch)
        for form in dutch:
            assert form.count("[/") == english[-1].count("[/"), (english, dutch)


def test_the_installed_package_carries_the_compiled_current_catalogue() -> None:
    compiled = i18n.LOCALES / "nl" / "LC_MESSAGES" / f"{i18n.DOMAIN}.mo"
    assert compiled.exists(), "the build compiles it: python3 -m pip install -e '.[test]'"
    with compiled.open("rb") as stream:
        shipped = gettext.GNUTranslations(stream)
    stale = [
        message.id
        for message in read_catalogue(DUTCH)
        if message.id and isinstance(message.id, str) and message.string
        if (
            shipped.pgettext(message.context, message.id)
            if message.context
            else shipped.gettext(message.id)
        )
        != message.string
    ]
    assert stale == [], f"the .mo is older than the .po: reinstall (pip install -e .): {stale[:5]}"


@pytest.mark.parametrize(
    ("environment", "expected"),
    [
        ({}, "en"),
        ({"LANG": "nl_NL.UTF-8"}, "nl"),
        ({"LANG": "nl_BE.UTF-8"}, "nl"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({"LC_ALL": "nl_NL.UTF-8", "LANG": "en_GB.UTF-8"}, "nl"),
        ({"LANGUAGE": "nl:en", "LANG": "en_US.UTF-8"}, "nl"),
        ({"WEDERKERIG_LANG": "en", "LANG": "nl_NL.UTF-8"}, "en"),
        ({"WEDERKERIG_LANG": "nl", "LANG": "C.UTF-8"}, "nl"),
        ({"WEDERKERIG_LANG": "fr", "LANG": "nl_NL.UTF-8"}, "en"),
    ],
)
def test_the_language_comes_from_the_env_then_the_locale(
    environment: dict[str, str], expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    for variable in ("WEDERKERIG_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(variable, raising=False)
    for variable, value in environment.items():
        monkeypatch.setenv(variable, value)
    assert preferred() == expected
