"""``wederkerig forget``: erase a person, leaving no trace of them in the ledger file."""

from typing import Annotated

import typer

from wederkerig.cli.context import app_context, confirmed, opened, other_sides_too, transaction
from wederkerig.cli.options import DATA_PANEL, OtherSideOption, YesOption, complete_contact
from wederkerig.core import money
from wederkerig.core.i18n import _, ngettext
from wederkerig.render import console
from wederkerig.settings import paths

app = typer.Typer()


@app.command(
    rich_help_panel=DATA_PANEL,
    help=_(
        "Erase a person and their entries for good, and scrub the ledger file.\n\n"
        "For a request to be forgotten: the contact, their aliases and tags and every entry with "
        "them are deleted and overwritten in the file. Backups made earlier may still hold them."
    ),
)
def forget(
    ctx: typer.Context,
    name: Annotated[
        str,
        typer.Argument(
            help=_("The person to erase (name or alias)."), autocompletion=complete_contact
        ),
    ],
    yes: YesOption = False,
    other_side: OtherSideOption = None,
) -> None:
    from wederkerig.store.files import known_backups, leftover_drafts
    from wederkerig.usecases.corrections import introduction_partners
    from wederkerig.usecases.privacy import forget_person, person_record

    target = app_context(ctx).target
    with transaction(ctx) as session:
        record = person_record(session, name)
        partners = introduction_partners(session, contact=name)
    who = record.contact["name"]
    count = len(record.entries)
    if not yes and not confirmed(
        ngettext(
            "Erase '{name}' and {count} entry for good?",
            "Erase '{name}' and {count} entries for good?",
            count,
        ).format(name=who, count=money.number(count)),
        refusal=ngettext(
            "forget would erase '{name}' and {count} entry; add --yes outside a terminal",
            "forget would erase '{name}' and {count} entries; add --yes outside a terminal",
            count,
        ).format(name=who, count=money.number(count)),
    ):
        console.message(_("Nothing was erased."))
        return
    partners_too = other_sides_too(other_side, partners)
    with opened(ctx) as ledger:
        erased = forget_person(ledger, name, other_sides_too=partners_too)
    file = ledger.file
    console.message(
        ngettext(
            "Erased '{name}' and {count} entry from {ledger}.",
            "Erased '{name}' and {count} entries from {ledger}.",
            erased.entries,
        ).format(
            name=erased.name, count=money.number(erased.entries), ledger=paths.describe(target)
        )
    )
    if erased.mentioned_in:
        ids = ", ".join(str(entry_id) for entry_id in erased.mentioned_in)
        console.message(
            _(
                "Other entries still mention them in their description: {ids} "
                "(change them with 'wederkerig edit ID --description ...')."
            ).format(ids=ids)
        )
    if file is None:
        console.message(
            _(
                "The database server keeps the erased rows' bytes in its files until VACUUM "
                "reclaims them (VACUUM (FULL) at once), and earlier dumps (pg_dump) still hold "
                "them: ask the database administrator."
            )
        )
    backups = known_backups(file) + leftover_drafts(file) if file is not None else []
    if backups:
        console.message(
            ngettext(
                "{count} copy made by wederkerig may still contain them (delete or keep them "
                "as your retention rules say): {paths}",
                "{count} copies made by wederkerig may still contain them (delete or keep them "
                "as your retention rules say): {paths}",
                len(backups),
            ).format(count=len(backups), paths=", ".join(str(path) for path in backups))
        )
