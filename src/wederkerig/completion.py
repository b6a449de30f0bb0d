"""Completing contact names on Tab, from the SQLite file with the standard library alone.

Completion runs on every Tab, so the common case (a contact name where a command expects
one, in bash) is answered before Typer, Click or SQLAlchemy are imported; everything else
goes to Typer's own completion, which asks :func:`contact_names` too.
"""

import re
import shlex
import sqlite3
from collections.abc import Mapping
from contextlib import closing
from urllib.parse import quote

from wederkerig.paths import DB_ENV, choose_target, sqlite_file

COMPLETE_ENV = "_WEDERKERIG_COMPLETE"
# Commands and the positions (0-based, among their arguments) that take a contact name.
CONTACT_POSITIONS: dict[tuple[str, ...], frozenset[int]] = {
    **{(command,): frozenset({0}) for command in (
        "log", "balance", "brief", "entries", "promises", "loops", "intros", "forget")},
    ("intro",): frozenset({0, 1}),
    **{("contact", command): frozenset({0}) for command in ("show", "edit", "rm", "export")},
    ("contact", "merge"): frozenset({0, 1}),
}  # fmt: skip
LIMIT = 100
_SHELL_SPECIAL = re.compile(r"([^\w@%+=:,./-])")


def contact_names(target: str, incomplete: str) -> list[str]:
    """Names and aliases starting with ``incomplete`` (case ignored), read-only and quick;
    nothing for a database server or a ledger that does not exist yet."""
    ledger = sqlite_file(target)
    if ledger is None or not ledger.is_file():
        return []
    uri = f"file:{quote(str(ledger))}?mode=ro"
    try:
        with closing(sqlite3.connect(uri, uri=True, timeout=1)) as db:
            rows = db.execute("SELECT name FROM contact UNION SELECT name FROM alias").fetchall()
    except sqlite3.Error:
        return []
    wanted = incomplete.casefold()
    found = {name for (name,) in rows if name.casefold().startswith(wanted)}
    return sorted(found, key=str.casefold)[:LIMIT]


def bash_answer(environ: Mapping[str, str]) -> str | None:
    """The reply to bash's completion request when it asks for a contact name, else ``None``
    (then Typer answers). Names come back escaped, so 'Anneke de Vries' stays one word."""
    if environ.get(COMPLETE_ENV) != "complete_bash":
        return None
    try:
        words = shlex.split(environ.get("COMP_WORDS", ""))
        cursor = int(environ.get("COMP_CWORD", ""))
    except ValueError:
        return None
    args, incomplete = words[1:cursor], words[cursor] if cursor < len(words) else ""
    db = environ.get(DB_ENV)
    if len(args) >= 2 and args[0] == "--db":
        db, args = args[1], args[2:]
    for command, positions in CONTACT_POSITIONS.items():
        if tuple(args[: len(command)]) != command:
            continue
        given = args[len(command) :]
        if incomplete.startswith("-") or any(word.startswith("-") for word in given):
            return None  # options take values: let Click parse them
        if len(given) not in positions:
            return None
        names = contact_names(choose_target(db), incomplete)
        return "".join(_SHELL_SPECIAL.sub(r"\\\1", name) + "\n" for name in names)
    return None
