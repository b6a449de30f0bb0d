"""Help screens in the reader's words: placeholders (NAME, DATE) instead of Python's types
(``<str>``, ``<bool>``, ``list[str]``), and the words of the Click that Typer bundles
("Usage:", "Show this message and exit."), which it never translates, in the reader's language.

Typer builds its commands anew for every run (and for ``typer ... utils docs``); the root
command's class calls :func:`tidy` on itself and on each command as it builds it, so every
path sees the same help.
"""

from typing import Any

import typer
from typer._click.formatting import HelpFormatter  # typer.Context.formatter_class
from typer.core import TyperArgument

from wederkerig.core.i18n import _, pgettext


def placeholders() -> dict[str, str]:
    """Each placeholder in English, and as the reader's language writes it."""
    return {
        "NAME": pgettext("placeholder", "NAME"),
        "DIRECTION": pgettext("placeholder", "DIRECTION"),
        "KIND": pgettext("placeholder", "KIND"),
        "TAG": pgettext("placeholder", "TAG"),
        "DESCRIPTION": pgettext("placeholder", "DESCRIPTION"),
        "OUTCOME": pgettext("placeholder", "OUTCOME"),
        "WHY": pgettext("placeholder", "WHY"),
        "EVENT": pgettext("placeholder", "EVENT"),
        "GROUP": pgettext("placeholder", "GROUP"),
        "MEMBER": pgettext("placeholder", "MEMBER"),
        "ORGANISATION": pgettext("placeholder", "ORGANISATION"),
        "EMAIL": pgettext("placeholder", "EMAIL"),
        "NOTE": pgettext("placeholder", "NOTE"),
        "ALIAS": pgettext("placeholder", "ALIAS"),
        "REASON": pgettext("placeholder", "REASON"),
        "PLACE": pgettext("placeholder", "PLACE"),
        "PERIOD": pgettext("placeholder", "PERIOD"),
        "DATE": pgettext("placeholder", "DATE"),
        "SPAN": pgettext("placeholder", "SPAN"),
        "AMOUNT": pgettext("placeholder", "AMOUNT"),
        "POINTS": pgettext("placeholder", "POINTS"),
        "FILE": pgettext("placeholder", "FILE"),
        "TARGET": pgettext("placeholder", "TARGET"),
        "KEY": pgettext("placeholder", "KEY"),
        "VALUE": pgettext("placeholder", "VALUE"),
        "COMMAND": pgettext("placeholder", "COMMAND"),
        "ARGS": pgettext("placeholder", "ARGS"),
        "OPTIONS": pgettext("placeholder", "OPTIONS"),
        "TEXT": pgettext("placeholder", "TEXT"),
    }


# The placeholder of a parameter declared without one, by the parameter's name.
BY_NAME = {
    "name": "NAME", "contact": "NAME", "new_name": "NAME", "direction": "DIRECTION",
    "kind": "KIND", "tag": "TAG", "untag": "TAG", "description": "DESCRIPTION",
    "outcome": "OUTCOME", "why": "WHY", "event": "EVENT", "group": "GROUP",
    "member": "MEMBER", "org": "ORGANISATION", "email": "EMAIL", "note": "NOTE",
    "alias": "ALIAS", "unalias": "ALIAS", "reason": "REASON", "place": "PLACE",
    "period": "PERIOD", "path": "FILE", "output": "FILE", "value": "VALUE",
    "needs": "TEXT", "offers": "TEXT", "text": "TEXT",
}  # fmt: skip
# Declared placeholders that say it better for a reader than the declaration's word.
RENAMED = {"INTEGER": "POINTS", "CONTACT": "NAME"}


def start_here() -> str:
    """What bare ``wederkerig`` shows: the first steps, short, instead of every command."""
    steps = [
        ("wederkerig demo", _("try it on a sample ledger")),
        ("wederkerig init", _("start your own ledger")),
        ("wederkerig log", _("log what you gave or received (it asks step by step)")),
        ("wederkerig balance", _("see how it stands with each contact")),
        ("wederkerig --help", _("every command")),
    ]
    width = max(len(command) for command, _said in steps) + 2
    lines = [f"  {command:<{width}}{said}" for command, said in steps]
    title = _("wederkerig: what you gave, what you received, and what is still open.")
    return "\n".join([title, "", _("First steps:"), *lines])


class _Formatter(HelpFormatter):
    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, _("Usage: ") if prefix is None else prefix)


class _Context(typer.Context):
    """Writes "Usage:" in the reader's language."""

    formatter_class = _Formatter


class _Argument(TyperArgument):
    """An argument shown by its placeholder alone: its Python type says nothing to a reader."""

    def display_type_rich(self, ctx: Any) -> str | None:
        return None


def tidy(command: Any, words: dict[str, str] | None = None) -> None:
    """Give ``command`` and its sub-commands placeholders and help in the reader's words."""
    words = words or placeholders()
    command.context_class = _Context
    command.options_metavar = f"[{words['OPTIONS']}]"
    if hasattr(command, "commands"):
        command.subcommand_metavar = f"{words['COMMAND']} [{words['ARGS']}]..."
    helping = command.get_help_option(_Context(command))
    tidy_params([*command.params, *([helping] if helping else [])], words)
    for sub in getattr(command, "commands", {}).values():
        tidy(sub, words)


def tidy_params(params: list[Any], words: dict[str, str] | None = None) -> None:
    """Word each parameter's placeholder and, for Typer's own options, their help."""
    words = words or placeholders()
    for param in params:
        param.help = _typer_help(param.name) or param.help
        _name(param, words)


def _name(param: Any, words: dict[str, str]) -> None:
    """A flag shows no placeholder; any other parameter shows one in the reader's words."""
    if getattr(param, "is_flag", False):
        param.metavar = ""
        return
    if isinstance(param, TyperArgument):
        param.__class__ = _Argument
    if getattr(param.type_descriptor, "is_choice", False):
        return  # the choices are the words to type: <table|csv|json>
    declared = param.metavar or BY_NAME.get(param.name or "", "")
    word, dots = declared.removesuffix("..."), declared.endswith("...")
    word = RENAMED.get(word, word)
    if word:
        param.metavar = words.get(word, word) + ("..." if dots else "")


def _typer_help(name: str | None) -> str | None:
    """The help of the options Typer adds, which it writes in English."""
    return {
        "help": _("Show this help and exit."),
        "install_completion": _("Install Tab completion for your shell."),
        "show_completion": _("Show the Tab completion script for your shell, to copy it."),
    }.get(name or "")
