"""``wederkerig export``: the whole ledger as CSV or JSON, streamed."""

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from wederkerig import render
from wederkerig.cli.context import output_stream, transaction
from wederkerig.formats import CONTACT_COLUMNS, ENTRY_COLUMNS, Format, write_rows

app = typer.Typer()


class What(StrEnum):
    ENTRIES = "entries"
    CONTACTS = "contacts"


class MachineFormat(StrEnum):
    CSV = "csv"
    JSON = "json"


@app.command(rich_help_panel="Data")
def export(
    ctx: typer.Context,
    what: Annotated[What, typer.Argument(help="entries or contacts.")] = What.ENTRIES,
    format: Annotated[
        MachineFormat, typer.Option("--format", "-f", case_sensitive=False)
    ] = MachineFormat.CSV,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write to FILE (private, complete or not at all)."),
    ] = None,
) -> None:
    """Export entries or contacts as CSV (RFC 4180, UTF-8) or JSON, on stdout or to a file."""
    from wederkerig.contacts import list_contacts
    from wederkerig.entries import iter_entries
    from wederkerig.selection import Selection

    chosen = Format(format.value)
    with transaction(ctx) as session, output_stream(output) as stream:
        if what is What.ENTRIES:
            write_rows(chosen, stream, ENTRY_COLUMNS, iter_entries(session, Selection()))
        else:
            write_rows(chosen, stream, CONTACT_COLUMNS, list_contacts(session))
    if output is not None:
        render.message(f"Wrote {what.value} to {output}.")
