"""``wederkerig forget``: erase a person, leaving no trace of them in the ledger file."""

from typing import Annotated

import typer

from wederkerig import paths, render
from wederkerig.cli.context import app_context, confirmed, transaction
from wederkerig.cli.entries import remove_other_sides
from wederkerig.cli.options import DATA_PANEL, OtherSideOption, YesOption, complete_contact

app = typer.Typer()


@app.command(rich_help_panel=DATA_PANEL)
def forget(
    ctx: typer.Context,
    name: Annotated[
        str,
        typer.Argument(
            help="The person to erase (name or alias).", autocompletion=complete_contact
        ),
    ],
    yes: YesOption = False,
    other_side: OtherSideOption = None,
) -> None:
    """Erase a person and their entries for good, and scrub the ledger file.

    For a request to be forgotten: the contact, their aliases and tags and every entry with
    them are deleted and overwritten in the file. Backups made earlier may still hold them.
    """
    from wederkerig.database import busy_timeout
    from wederkerig.maintenance import known_backups, scrub
    from wederkerig.privacy import forget_person, person_record

    target = app_context(ctx).target
    with transaction(ctx) as session:
        record = person_record(session, name)
    who = record.contact["name"]
    entries = render.plural(len(record.entries), "entry", "entries")
    if not yes and not confirmed(
        f"Erase '{who}' and {entries} for good?",
        refusal=f"forget would erase '{who}' and {entries}; add --yes outside a terminal",
    ):
        render.message("Nothing was erased.")
        return
    partners_too = remove_other_sides(ctx, other_side, contact=name)
    with transaction(ctx, write=True) as session:
        erased = forget_person(session, name, other_sides_too=partners_too)
    ledger = paths.sqlite_file(target)
    if ledger is not None:  # a database server reclaims space its own way (VACUUM, pg_repack)
        scrub(ledger, busy_timeout=busy_timeout())
    erased_entries = render.plural(erased.entries, "entry", "entries")
    render.message(f"Erased '{erased.name}' and {erased_entries} from {paths.describe(target)}.")
    if erased.mentioned_in:
        ids = ", ".join(str(entry_id) for entry_id in erased.mentioned_in)
        render.message(
            f"Other entries still mention them in their description: {ids} "
            "(change them with 'wederkerig edit ID --description ...')."
        )
    backups = known_backups(ledger) if ledger is not None else []
    if backups:
        render.message(
            f"{len(backups)} {'copy' if len(backups) == 1 else 'copies'} made by wederkerig "
            "may still contain them (delete or keep them as your retention rules say): "
            + ", ".join(str(path) for path in backups)
        )
