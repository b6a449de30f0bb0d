"""``wederkerig search TEXT``: find free text anywhere in the ledger."""

import functools
from typing import Annotated

import typer

from wederkerig.cli.context import show_listing, transaction
from wederkerig.cli.options import REPORT_PANEL, FormatOption
from wederkerig.core.i18n import _
from wederkerig.core.keywords import search_terms
from wederkerig.formats.columns import SEARCH_COLUMNS, Format
from wederkerig.render import search as search_view

app = typer.Typer()


@app.command(
    rich_help_panel=REPORT_PANEL,
    help=_(
        "Find words in descriptions, drop reasons, contacts' notes, needs and offers, events, "
        "introductions and group notes. Case and accents do not count; every word must occur; "
        '"quotes" keep a phrase together.'
    ),
)
def search(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(help=_("The words to find (taken literally)."))],
    output_format: FormatOption = Format.TABLE,
) -> None:
    from wederkerig.usecases.search import search as find

    with transaction(ctx) as session:
        hits = find(session, text)
    show_listing(
        output_format,
        SEARCH_COLUMNS,
        hits,
        functools.partial(search_view.search_table, terms=search_terms(text)),
        _("Nothing found for '{text}'.").format(text=text),
    )
