"""Completing names and words on Tab, from the SQLite file with the standard library alone.

Completion runs on every Tab, so the common case (a name or word where a command expects
one, or after an option that takes one, in bash) is answered before Typer, Click or SQLAlchemy
are imported; everything else goes to Typer's own completion, whose arguments and options ask
:func:`candidates` too. Every shell gets the names as one argument each: bash inserts what it
is given, so :func:`bash_escaped` is applied here and in ``cli.shells`` for Typer's answers.
"""

import re
import shlex
import sqlite3
from collections.abc import Mapping
from contextlib import closing
from typing import TYPE_CHECKING

from wederkerig.core.errors import WederkerigError
from wederkerig.core.words import DIRECTIONS, KINDS, offered
from wederkerig.settings.paths import DB_ENV, choose_target, sqlite_file, sqlite_uri

if TYPE_CHECKING:
    from sqlmodel import Session

COMPLETE_ENV = "_WEDERKERIG_COMPLETE"
# What each stored name is read from; kinds and directions are words, not stored.
QUERIES = {
    "contact": "SELECT name FROM contact UNION SELECT name FROM alias",
    "group": "SELECT name FROM contact_group",
    "event": "SELECT name FROM event",
    "tag": "SELECT DISTINCT name FROM tag",
}
WORDS = {"kind": offered(KINDS), "direction": offered(DIRECTIONS)}
# Commands, and what their arguments are by position (0-based); "..." repeats the last.
ARGUMENTS: dict[tuple[str, ...], tuple[str, ...]] = {
    **{(command,): ("contact",) for command in (
        "balance", "brief", "entries", "promises", "loops", "intros", "forget")},
    ("log",): ("contact", "direction", "kind"),
    ("intro",): ("contact", "contact"),
    **{("contact", command): ("contact",) for command in ("show", "edit", "rm", "export")},
    ("contact", "merge"): ("contact", "contact"),
    **{("group", command): ("group",) for command in ("add", "show")},
    ("group", "join"): ("group", "contact", "..."),
    ("group", "leave"): ("group", "contact", "..."),
    ("tag", "cadence"): ("tag",),
}  # fmt: skip
# Options whose value is a name or word: the same in every command that has them (the
# completion tests walk the Typer app to keep this true).
OPTIONS = {
    **dict.fromkeys(("--tag", "-t", "--untag"), "tag"),
    **dict.fromkeys(("--group", "-g"), "group"),
    **dict.fromkeys(("--event", "-e"), "event"),
    **dict.fromkeys(("--kind", "-k"), "kind"),
    **dict.fromkeys(("--direction", "-d"), "direction"),
}
LIMIT = 100
_SHELL_SPECIAL = re.compile(r"([^\w@%+=:,./-])")
# What a backslash must protect inside double quotes, in bash and in zsh.
DOUBLE_QUOTED_SPECIAL = re.compile(r'([\\"$`])')


def candidates(what: str, target: str, incomplete: str) -> list[str]:
    """Names (or words) of ``what`` starting with ``incomplete``, case ignored; names are read
    read-only and quickly, and there are none for a database server or a missing ledger."""
    wanted = incomplete.casefold()
    if what in WORDS:
        return [word for word in WORDS[what] if word.startswith(wanted)]
    ledger = sqlite_file(target)
    if ledger is None or not ledger.is_file():
        return []
    uri = sqlite_uri(ledger, mode="ro")
    try:
        with closing(sqlite3.connect(uri, uri=True, timeout=1)) as db:
            rows = db.execute(QUERIES[what]).fetchall()
    except sqlite3.Error:
        return []
    found = {name for (name,) in rows if name.casefold().startswith(wanted)}
    return sorted(found, key=str.casefold)[:LIMIT]


def names_in(session: "Session", what: str) -> list[str]:
    """The same names from a ledger already open through SQLAlchemy: a database server, which
    Tab completion never asks (SQLAlchemy is imported by then)."""
    from sqlalchemy import text

    found = {name for (name,) in session.execute(text(QUERIES[what]))}
    return sorted(found, key=str.casefold)


def bash_escaped(name: str, quote: str = "") -> str:
    """``name`` as bash must be handed it to insert one argument. Outside quotes every
    character the shell would read specially (space, quote, ``$``, ``*``) goes behind a
    backslash; inside a quote the user opened (bash closes it after the name) only what that
    quote does not protect."""
    if quote == "'":
        return name.replace("'", "'\\''")
    pattern = DOUBLE_QUOTED_SPECIAL if quote == '"' else _SHELL_SPECIAL
    return pattern.sub(r"\\\1", name)


def bash_words(comp_words: str) -> tuple[list[str], str]:
    """The words of bash's line as the command will get them, and the quote the last one is
    still open in ('' if none): the word being typed may be ``"Drech``."""
    lexer = shlex.shlex(comp_words, posix=True)
    lexer.whitespace_split, lexer.commenters = True, ""
    words: list[str] = []
    try:
        words.extend(lexer)
    except ValueError:  # the end came inside a quote, or after a lone backslash
        words.append(lexer.token)
        state = getattr(lexer, "state", "")  # where the lexer stopped (typeshed omits it)
        return words, state if state in ("'", '"') else ""
    return words, ""


def bash_answer(environ: Mapping[str, str]) -> str | None:
    """The reply to bash's completion request when it asks for a name or word by position or
    as an option's value, else ``None`` (then Typer answers). Names come back escaped:
    'Anneke de Vries' is one word."""
    if environ.get(COMPLETE_ENV) != "complete_bash":
        return None
    try:
        cursor = int(environ.get("COMP_CWORD", ""))
    except ValueError:
        return None
    words, quote = bash_words(environ.get("COMP_WORDS", ""))
    args, incomplete = words[1:cursor], words[cursor] if cursor < len(words) else ""
    db = environ.get(DB_ENV)
    if len(args) >= 2 and args[0] == "--db":
        db, args = args[1], args[2:]
    wanted = _wanted(args, incomplete)
    if wanted is None:
        return None
    try:
        target = choose_target(db)
    except WederkerigError:  # a broken settings file: Typer's path reports it
        return None
    what, start = wanted
    names = candidates(what, target, start)
    return "".join(bash_escaped(name, quote) + "\n" for name in names)


def _wanted(args: list[str], incomplete: str) -> tuple[str, str] | None:
    """What the word being typed names and its start, when the quick path knows: an option's
    value (bash splits ``--group=Dr`` at the '=' into three words, and with the cursor right
    after the '=' that is the word typed), or an argument while no option is given."""
    if args[-1:] == ["="] and args[-2:-1] and args[-2] in OPTIONS:
        return OPTIONS[args[-2]], incomplete
    if args and args[-1] in OPTIONS:
        return OPTIONS[args[-1]], incomplete.removeprefix("=")
    for command, kinds in ARGUMENTS.items():
        if tuple(args[: len(command)]) != command:
            continue
        given = args[len(command) :]
        if incomplete.startswith("-") or any(word.startswith("-") for word in given):
            return None  # options take values: let Click parse them
        position = len(given)
        if kinds[-1] == "...":
            position = min(position, len(kinds) - 2)
        return (kinds[position], incomplete) if position < len(kinds) else None
    return None
