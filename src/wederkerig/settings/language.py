"""Which language this process speaks: ``WEDERKERIG_LANG``, else the ``language`` setting,
else the locale (``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``); English when none of
them names Dutch. Decided once, by the console script, before any text is translated."""

import os

from wederkerig.core import i18n
from wederkerig.core.errors import WederkerigError
from wederkerig.settings import config


def language_of(tag: str) -> str | None:
    """'nl', 'nl_NL.UTF-8', 'nl-BE' → 'nl'; None for languages we do not speak."""
    code = tag.strip().replace("-", "_").split(".")[0].split("_")[0].lower()
    return code if code in i18n.LANGUAGES else None


def preferred() -> str:
    """The language this process should speak, by the precedence in the module docstring."""
    try:
        setting = config.value("language")  # WEDERKERIG_LANG, else the settings file
    except WederkerigError:  # a broken settings file is reported by the command that reads it
        setting = None
    if setting:
        return language_of(setting) or "en"
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        if found := os.environ.get(variable):
            return language_of(found.split(":")[0]) or "en"
    return "en"


def choose() -> str:
    """Speak the preferred language from now on; return it."""
    code = preferred()
    i18n.use(code)
    return code
