"""Dutch or English: the language of help, messages, headings and the brief's sentences.

Source strings are English and marked with ``_()`` (or ``N_()`` where a string is stored and
translated later); Babel extracts them into ``locale/wederkerig.pot`` and the build compiles
``locale/nl/LC_MESSAGES/wederkerig.po`` into the ``.mo`` that ships in the wheel. Machine
formats (CSV and JSON keys, kind and direction words) are never passed through here.

The language is chosen by ``WEDERKERIG_LANG``, else the ``language`` setting, else the locale
(``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``); English when none of them names Dutch.
"""

import gettext
import os
from pathlib import Path

DOMAIN = "wederkerig"
LOCALES = Path(__file__).parent.parent / "locale"
LANGUAGES = ("en", "nl")
LANG_ENV = "WEDERKERIG_LANG"

_chosen: gettext.NullTranslations | None = None
_code: str | None = None


def language_of(tag: str) -> str | None:
    """'nl', 'nl_NL.UTF-8', 'nl-BE' → 'nl'; None for languages we do not speak."""
    code = tag.strip().replace("-", "_").split(".")[0].split("_")[0].lower()
    return code if code in LANGUAGES else None


def preferred() -> str:
    """The language this process should speak, by the precedence in the module docstring."""
    from wederkerig.core.errors import WederkerigError
    from wederkerig.settings import config

    try:
        setting = config.value("language")
    except WederkerigError:  # a broken settings file is reported by the command that reads it
        setting = None
    if setting:
        return language_of(setting) or "en"
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        if found := os.environ.get(variable):
            return language_of(found.split(":")[0]) or "en"
    return "en"


def choose(language: str | None = None) -> str:
    """Switch every later ``_()`` to ``language`` (default: the preferred one); return it."""
    global _chosen, _code
    _code = language or preferred()
    _chosen = gettext.translation(DOMAIN, LOCALES, languages=[_code], fallback=True)
    return _code


def language() -> str:
    """The language chosen: 'en' or 'nl'."""
    return _code or choose()


def N_(message: str) -> str:
    """Mark a string for the catalogue without translating it yet (it is stored, then shown)."""
    return message


# Typer's own words in help and errors, which it passes through the standard gettext (see
# speak_for_libraries); listed here so that extraction puts them in our catalogue. The words
# of the Click that Typer bundles ("Usage:", "Show this message and exit.") are not
# translatable: that copy of Click has no gettext calls.
TYPER_WORDS = (
    N_("Arguments"),
    N_("Options"),
    N_("Commands"),
    N_("Error"),
    N_("Aborted."),
    N_("Aborted!"),
    N_("[default: {}]"),
    N_("[env var: {}]"),
    N_("[required]"),
    N_("(deprecated) "),
    N_("(dynamic)"),
    N_("Missing command."),
    N_("No such command {name!r}."),
    N_("Try [blue]'{command_path} {help_option}'[/] for help."),
)


def speak_for_libraries(language: str) -> None:
    """Let Click's and Typer's own words (Usage, Options, error phrases) speak the same
    language: they call the standard ``gettext.gettext``, which reads the process's current
    domain and ``LANGUAGE``. Only the console script does this; importing us changes nothing."""
    gettext.bindtextdomain(DOMAIN, LOCALES)
    gettext.textdomain(DOMAIN)
    os.environ["LANGUAGE"] = language


def _translation() -> gettext.NullTranslations:
    global _chosen
    if _chosen is None:
        # English while the language is being chosen: reading the settings file may fail,
        # and its error message would otherwise ask for the language again (a RecursionError).
        _chosen = gettext.NullTranslations()
        choose()
    assert _chosen is not None
    return _chosen


def _(message: str) -> str:
    return _translation().gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    return _translation().ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    """For a word English uses in two senses ('Due': a date, or what is to be done)."""
    return _translation().pgettext(context, message)
