"""``wederkerig forget``: erase a person, leaving no trace of them in the ledger file."""

import sys
from typing import Annotated

import typer

from wederkerig import render
from wederkerig.cli.context import app_context, transaction
from wederkerig.errors import InvalidInputError

app = typer.Typer()


@app.command(rich_help_panel="Data")
def forget(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The person to erase (name or alias).")],
    yes: Annotated[
        bool, typer.Option("--yes", "-y", help="Do not ask; needed in scripts.")
    ] = False,
) -> None:
    """Erase a person and their entries for good, and scrub the ledger file.

    For a request to be forgotten: the contact, their aliases and tags and every entry with
    them are deleted and overwritten in the file. Backups made earlier may still hold them.
    """
    from wederkerig.database import busy_timeout
    from wederkerig.maintenance import known_backups, scrub, sqlite_path
    from wederkerig.privacy import forget_person, person_record

    target = app_context(ctx).target
    with transaction(ctx) as session:
        record = person_record(session, name)
    who, count = record.contact["name"], len(record.entries)
    if not yes:
        if not sys.stdin.isatty():
            raise InvalidInputError(
                f"forget would erase '{who}' and {count} entries; add --yes outside a terminal"
            )
        if not typer.confirm(f"Erase '{who}' and {count} entries for good?", err=True):
            render.message("Nothing was erased.")
            return
    with transaction(ctx, write=True) as session:
        erased = forget_person(session, name)
    ledger = sqlite_path(target)
    scrub(ledger, busy_timeout=busy_timeout())
    render.message(f"Erased '{erased.name}' and {erased.entries} entries from {ledger}.")
    if erased.mentioned_in:
        ids = ", ".join(str(entry_id) for entry_id in erased.mentioned_in)
        render.message(
            f"Other entries still mention them in their description: {ids} "
            "(change them with 'wederkerig edit ID --description ...')."
        )
    backups = known_backups(ledger=ledger)
    if backups:
        render.message(
            f"{len(backups)} backups made by wederkerig may still contain them: "
            + ", ".join(str(path) for path in backups)
        )
