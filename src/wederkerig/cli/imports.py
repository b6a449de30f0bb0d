"""``wederkerig import …``: bring entries (and contacts) in from files, all or nothing."""

import io
from typing import Annotated, TextIO

import typer

from wederkerig.cli.context import app_context, transaction
from wederkerig.core.i18n import _
from wederkerig.formats.columns import (
    CONTACT_COLUMNS,
    ENTRY_COLUMNS,
    OLDER_CONTACT_COLUMNS,
    OLDER_ENTRY_COLUMNS,
    MachineFormat,
)
from wederkerig.formats.readers import open_text, read_csv, read_json, read_vcards
from wederkerig.render import console
from wederkerig.render import summaries as summaries_view

app = typer.Typer(help=_("Import entries or contacts from files."), no_args_is_help=True)

FileArgument = Annotated[str, typer.Argument(metavar="FILE", help=_("A file, or - for stdin."))]
DryRunOption = Annotated[
    bool, typer.Option("--dry-run", help=_("Check everything and report; write nothing."))
]


@app.command(
    "entries",
    help=_(
        "Import entries written by 'wederkerig export' (CSV, or JSON with --format json).\n\n"
        "Rows already in the ledger are skipped, so importing a file twice adds nothing. "
        "One bad row stops the whole import: nothing is written."
    ),
)
def entries(
    ctx: typer.Context,
    file: FileArgument,
    file_format: Annotated[
        MachineFormat | None,
        typer.Option(
            "--format",
            "-f",
            case_sensitive=False,
            help=_("csv or json; default: by the file name."),
        ),
    ] = None,
    dry_run: DryRunOption = False,
    create_contacts: Annotated[
        bool,
        typer.Option("--create-contacts", help=_("Add contacts the ledger does not know yet.")),
    ] = False,
) -> None:
    from wederkerig.usecases.import_entries import import_entries

    with open_text(file) as (stream, source), console.progress(_("Importing entries")) as advance:
        json = file_format is MachineFormat.JSON or (
            file_format is None and file.lower().endswith(".json")
        )
        read = read_json if json else read_csv
        with transaction(ctx, write=not dry_run) as session:
            report = import_entries(
                session,
                read(stream, ENTRY_COLUMNS, source, older=OLDER_ENTRY_COLUMNS),
                source=source,
                now=app_context(ctx).now(),
                today=app_context(ctx).today,
                create_contacts=create_contacts,
                dry_run=dry_run,
                progress=advance,
                member=app_context(ctx).member,
            )
    console.message(summaries_view.import_summary(report))


@app.command(
    "contacts",
    help=_(
        "Import contacts from a vCard file (.vcf, vCard 3 or 4) or a CSV like 'contact list' "
        "writes.\n\n"
        "A contact already in the ledger (same name however typed, or same email) is completed, "
        "never overwritten: empty fields are filled, tags and aliases added."
    ),
)
def contacts(
    ctx: typer.Context,
    file: FileArgument,
    dry_run: DryRunOption = False,
) -> None:
    from wederkerig.usecases.import_contacts import import_contacts

    with open_text(file) as (opened, source):
        stream = opened if opened.seekable() else io.StringIO(opened.read())  # a pipe: small
        vcard = file.lower().endswith((".vcf", ".vcard")) or _looks_like_vcard(stream)
        rows = (
            read_vcards(stream, source)
            if vcard
            else read_csv(stream, CONTACT_COLUMNS, source, older=OLDER_CONTACT_COLUMNS)
        )
        with transaction(ctx, write=True, dry_run=dry_run, create=not dry_run) as session:
            report = import_contacts(
                session, rows, source=source, now=app_context(ctx).now(), dry_run=dry_run
            )
    console.message(summaries_view.contact_import_summary(report))


def _looks_like_vcard(stream: TextIO) -> bool:
    start = stream.read(64)
    stream.seek(0)
    return start.lstrip("\ufeff \r\n").upper().startswith("BEGIN:VCARD")
