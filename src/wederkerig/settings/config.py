"""Settings in a TOML file: who I am, the default ledger, language and thresholds.

Precedence, everywhere: a command-line flag, then the environment variable, then this file,
then the built-in default. The file is private (0600) and lives in the user config directory.
"""

import os
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from platformdirs import user_config_dir

from wederkerig.core.errors import InvalidInputError, StorageError
from wederkerig.core.i18n import N_, _
from wederkerig.settings import paths

if TYPE_CHECKING:
    from wederkerig.core.vocabulary import View

CONFIG_ENV = "WEDERKERIG_CONFIG"  # another file than the default, e.g. for a team's board


# The checks import what they need only when a setting is stored: reading settings happens
# on every Tab of shell completion, which must stay quick.
def _span(value: str) -> str:
    from wederkerig.core.dates import parse_span

    parse_span(value, _("the value"))
    return value.strip()


def _language(value: str) -> str:
    from wederkerig.core.i18n import LANGUAGES
    from wederkerig.settings.language import language_of

    code = language_of(value)
    if code is None:
        raise InvalidInputError(
            _("unknown language '{value}': use one of {languages}").format(
                value=value.strip(), languages=", ".join(LANGUAGES)
            )
        )
    return code


def _currency(value: str) -> str:
    from wederkerig.core.money import check_currency

    return check_currency(value)


def _view(value: str) -> str:
    from wederkerig.core.vocabulary import View

    try:
        return View(value.strip().lower()).value
    except ValueError:
        raise InvalidInputError(
            _("unknown view '{value}': use one of {views}").format(
                value=value.strip(), views=", ".join(View)
            )
        ) from None


def _text(value: str) -> str:
    from wederkerig.core.names import check_text

    text = check_text(value.strip(), "value")
    if not text:
        raise InvalidInputError(_("give a value, or use 'config unset KEY'"))
    return text


@dataclass(frozen=True)
class Key:
    help: str
    default: str | None
    env: str | None
    check: Callable[[str], str]


KEYS: Mapping[str, Key] = {
    "me": Key(N_("your name on a shared ledger's entries"), None, "WEDERKERIG_ME", _text),
    "db": Key(N_("the ledger: a file path or a SQLAlchemy URL"), None, "WEDERKERIG_DB", _text),
    "language": Key(
        N_("en or nl; unset, the locale decides (LANG)"), None, "WEDERKERIG_LANG", _language
    ),
    "currency": Key(
        N_("the currency of amounts of money, as a code: EUR, USD, GBP…"), "EUR", None, _currency
    ),
    "view": Key(
        N_("scores, or givers-gain: gave and received side by side, never a net"),
        "scores",
        None,
        _view,
    ),
    "unanswered_after": Key(N_("when thanks are owed, for 'due'"), "30d", None, _span),
    "quiet_after": Key(N_("when a contact without a cadence has gone quiet"), "180d", None, _span),
}


def config_file() -> Path:
    return Path(os.environ.get(CONFIG_ENV) or Path(user_config_dir("wederkerig")) / "config.toml")


def _known(key: str) -> Key:
    if key not in KEYS:
        from wederkerig.core.errors import did_you_mean
        from wederkerig.core.names import closest

        raise InvalidInputError(
            _("unknown setting '{key}'.").format(key=key)
            + did_you_mean(closest(key, list(KEYS)))
            + " "
            + _("Settings: {keys}").format(keys=", ".join(KEYS))
        )
    return KEYS[key]


def read() -> dict[str, str]:
    """The file's settings (none when it does not exist); a broken file is named, not ignored.
    Its errors are translated when shown: this runs before the language is chosen."""
    path = config_file()
    try:
        with path.open("rb") as stream:
            found = tomllib.load(stream)
    except FileNotFoundError:
        return {}
    except tomllib.TOMLDecodeError as error:  # its message names the line and column
        raise InvalidInputError.translated_when_shown(
            N_("the settings file {path} is not valid TOML: {error}; correct or remove it"),
            path=path,
            error=error,
        ) from None
    except UnicodeDecodeError:
        raise InvalidInputError.translated_when_shown(
            N_("the settings file {path} is not UTF-8 text: save it as UTF-8, or remove it"),
            path=path,
        ) from None
    except OSError as error:
        raise StorageError.translated_when_shown(
            N_("cannot read the settings in {path}: {error}"), path=path, error=error
        ) from None
    return {key: str(value) for key, value in found.items() if key in KEYS}


def lookup(key: str, flag: str | None = None) -> tuple[str | None, str]:
    """A setting's value and where it came from: flag, env, config file or default."""
    spec = _known(key)
    if flag is not None:
        return flag, N_("flag")
    if spec.env and os.environ.get(spec.env):
        return os.environ[spec.env], N_("env") + f" {spec.env}"
    stored = read()
    if key in stored:
        return stored[key], N_("config") + f" {config_file()}"
    return spec.default, N_("default")


def value(key: str, flag: str | None = None) -> str | None:
    return lookup(key, flag)[0]


def view() -> "View":
    """How reports weigh what flowed, by the ``view`` setting; a value edited into the file
    by hand is checked here, naming the file."""
    from wederkerig.core.vocabulary import View

    found = value("view")
    try:
        return View(found or View.SCORES)
    except ValueError:
        raise InvalidInputError(
            _("the settings file {path} has view = '{value}': use one of {views}").format(
                path=config_file(), value=found, views=", ".join(View)
            )
        ) from None


def me() -> str:
    """Who is logging, recorded on each entry of a ledger a team shares: the ``me`` setting,
    else the login name."""
    import getpass

    return value("me") or getpass.getuser()


def store(key: str, new: str | None) -> Path:
    """Set (or, with ``None``, remove) one setting, writing the file privately and whole."""
    import tomli_w

    spec = _known(key)
    settings = read()
    if new is None:
        settings.pop(key, None)
    else:
        settings[key] = spec.check(new)
    path = config_file()
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    descriptor, draft = paths.open_draft(path)
    try:
        with os.fdopen(descriptor, "wb") as stream:
            tomli_w.dump(settings, stream)
        os.replace(draft, path)
    finally:
        draft.unlink(missing_ok=True)
    return path
