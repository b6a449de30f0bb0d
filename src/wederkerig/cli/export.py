"""``wederkerig export``: the whole ledger as CSV or JSON, streamed."""

from collections.abc import Iterable, Sequence
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from wederkerig.cli.context import output_stream, transaction
from wederkerig.cli.options import DATA_PANEL
from wederkerig.core.errors import InvalidInputError
from wederkerig.core.i18n import N_, _
from wederkerig.formats.columns import (
    BALANCE_COLUMNS,
    CONTACT_COLUMNS,
    CsvDialect,
    MachineFormat,
)
from wederkerig.formats.records import balance_records
from wederkerig.formats.writers import write_entries, write_rows
from wederkerig.render import console

app = typer.Typer()


class What(StrEnum):
    ENTRIES = "entries"
    CONTACTS = "contacts"
    BALANCE = "balance"


WROTE = {
    What.ENTRIES: N_("Wrote entries to {path}."),
    What.CONTACTS: N_("Wrote contacts to {path}."),
    What.BALANCE: N_("Wrote balance to {path}."),
}


@app.command(
    rich_help_panel=DATA_PANEL,
    help=_("Export entries, contacts or the balance as CSV (RFC 4180, UTF-8) or JSON."),
)
def export(
    ctx: typer.Context,
    what: Annotated[What, typer.Argument(help=_("entries, contacts or balance."))] = What.ENTRIES,
    output_format: Annotated[
        MachineFormat, typer.Option("--format", "-f", case_sensitive=False)
    ] = MachineFormat.CSV,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help=_("Write to FILE (private, complete or not at all).")),
    ] = None,
    spreadsheet_safe: Annotated[
        bool,
        typer.Option(
            "--spreadsheet-safe",
            help=_("For spreadsheets: a BOM, and text starting with = + - @ made inert."),
        ),
    ] = False,
    dialect: Annotated[
        CsvDialect,
        typer.Option(
            "--dialect",
            case_sensitive=False,
            help=_(
                "rfc4180 for scripts; excel-nl for Excel in Dutch: semicolons, decimal commas, "
                "a BOM, formulas made inert."
            ),
        ),
    ] = CsvDialect.RFC4180,
) -> None:
    from wederkerig.store.filters import Selection
    from wederkerig.usecases.balances import balance_rows
    from wederkerig.usecases.contacts import list_contacts

    if spreadsheet_safe and output_format is MachineFormat.JSON:
        raise InvalidInputError(_("--spreadsheet-safe is for CSV: drop it, or use --format csv"))
    if dialect is not CsvDialect.RFC4180 and output_format is MachineFormat.JSON:
        raise InvalidInputError(_("--dialect is for CSV: drop it, or use --format csv"))
    with transaction(ctx) as session, output_stream(output) as stream:
        if what is What.ENTRIES:
            everything = Selection(statuses=None)
            write_entries(
                output_format,
                stream,
                session,
                everything,
                spreadsheet_safe=spreadsheet_safe,
                dialect=dialect,
            )
        else:
            columns: Sequence[str]
            rows: Iterable[Sequence[object]]
            if what is What.CONTACTS:
                columns, rows = CONTACT_COLUMNS, list_contacts(session)
            else:
                balances = balance_rows(session, Selection())
                columns, rows = BALANCE_COLUMNS, balance_records(balances, by_kind=False)
            write_rows(
                output_format,
                stream,
                columns,
                rows,
                spreadsheet_safe=spreadsheet_safe,
                dialect=dialect,
            )
    if output is not None:
        console.message(_(WROTE[what]).format(path=output))
