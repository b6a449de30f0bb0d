"""Dutch or English: the language of help, messages, headings and the brief's sentences.

Source strings are English and marked with ``_()`` (or ``N_()`` where a string is stored and
translated later); Babel extracts them into ``locale/wederkerig.pot`` and the build compiles
``locale/nl/LC_MESSAGES/wederkerig.po`` into the ``.mo`` that ships in the wheel. Machine
formats (CSV and JSON keys, kind and direction words) are never passed through here.

This module only speaks: English until :func:`use` is called. Which language a process wants
(the environment, the settings, the locale) is decided in ``wederkerig.settings.language``,
once, by the console script before the commands (and their translated help) are imported.
"""

import gettext
import os
from pathlib import Path

DOMAIN = "wederkerig"
LOCALES = Path(__file__).parent.parent / "locale"
LANGUAGES = ("en", "nl")

_chosen: gettext.NullTranslations = gettext.NullTranslations()
_code = "en"


def use(code: str) -> None:
    """Switch every later ``_()`` to ``code`` ('en' or 'nl')."""
    global _chosen, _code
    _code = code
    _chosen = gettext.translation(DOMAIN, LOCALES, languages=[code], fallback=True)


def language() -> str:
    """The language in use: 'en' or 'nl'."""
    return _code


def N_(message: str) -> str:
    """Mark a string for the catalogue without translating it yet (it is stored, then shown)."""
    return message


# Typer's own words in help and errors, which it passes through the standard gettext (see
# speak_for_libraries); listed here so that extraction puts them in our catalogue. The words
# of the Click that Typer bundles ("Usage:", "Show this message and exit.") have no gettext
# calls: wederkerig.cli.helpscreen replaces them.
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


def _(message: str) -> str:
    return _chosen.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    return _chosen.ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    """For a word English uses in two senses ('Due': a date, or what is to be done)."""
    return _chosen.pgettext(context, message)
