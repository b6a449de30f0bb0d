"""``wederkerig due`` and ``tag …``: staying in touch, built to run from cron."""

import sys
from typing import Annotated

import typer

from wederkerig import config, render
from wederkerig.cli.context import app_context, show_listing, transaction
from wederkerig.cli.options import REPORT_PANEL, FormatOption, complete_tag
from wederkerig.dates import parse_cadence, parse_span
from wederkerig.formats import DUE_COLUMNS, TAG_COLUMNS, Format, write_rows

app = typer.Typer()
tags = typer.Typer(help="List tags and give a tag a cadence (stay in touch with all who carry it).")


@app.command(rich_help_panel=REPORT_PANEL)
def due(
    ctx: typer.Context,
    within: Annotated[
        str, typer.Option("--within", metavar="SPAN", help="Also what falls due this soon: 14d.")
    ] = "0d",
    unanswered_after: Annotated[
        str | None,
        typer.Option(
            "--unanswered-after",
            metavar="SPAN",
            help="When a received entry is overdue thanks (default: the setting, else 30d).",
        ),
    ] = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Print nothing at all when nothing is due.")
    ] = False,
    format: FormatOption = Format.TABLE,
) -> None:
    """What needs you: contacts past their cadence, overdue promises (yours first), and
    thanks owed for long. Exit 0 either way; for cron, with --quiet silence means nothing due."""
    from wederkerig.cadence import due_items

    within_days = 0 if within.strip() in {"0", "0d"} else parse_span(within, "--within")
    after = config.value("unanswered_after", unanswered_after) or "30d"
    after_days = parse_span(after, "--unanswered-after")
    with transaction(ctx) as session:
        items = due_items(
            session,
            today=app_context(ctx).today,
            within_days=within_days,
            unanswered_after_days=after_days,
        )
    if format is not Format.TABLE:
        if items or not quiet:
            write_rows(format, sys.stdout, DUE_COLUMNS, items)
    elif items:
        render.show(render.due_table, items)
    elif not quiet:
        render.message("Nothing is due.")


@tags.command("list")
def list_tags(ctx: typer.Context, format: FormatOption = Format.TABLE) -> None:
    """Tags in use, how many contacts carry each, and their cadence."""
    from wederkerig.cadence import list_tags

    with transaction(ctx) as session:
        rows = list_tags(session)
    show_listing(
        format,
        TAG_COLUMNS,
        rows,
        render.tags_table,
        "No tags yet: add one with 'wederkerig contact edit NAME --tag TAG'.",
    )


@tags.command("cadence")
def cadence(
    ctx: typer.Context,
    tag: Annotated[
        str, typer.Argument(help="The tag, e.g. drechtsteden.", autocompletion=complete_tag)
    ],
    every: Annotated[str, typer.Argument(metavar="SPAN", help="30d, 6w, 3m; 'none' clears it.")],
) -> None:
    """Stay in touch with everyone carrying TAG this often (a contact's own --every wins)."""
    from wederkerig.cadence import set_tag_cadence

    every_days = parse_cadence(every)
    with transaction(ctx, write=True) as session:
        name = set_tag_cadence(session, tag, every_days)
    if every_days is None:
        render.message(f"Tag '{name}' has no cadence now.")
    else:
        render.message(f"Everyone tagged '{name}' is due after {every_days} days without contact.")
