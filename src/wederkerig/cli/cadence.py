"""``wederkerig due`` and ``tag …``: staying in touch, built to run from cron."""

import sys
from itertools import chain, islice
from typing import Annotated

import typer

from wederkerig.cli.context import app_context, show_listing, transaction
from wederkerig.cli.options import (
    REPORT_PANEL,
    TABLE_LIMIT,
    CalendarFormatOption,
    FormatOption,
    ViewOption,
    chosen_view,
    complete_tag,
)
from wederkerig.core.dates import parse_cadence, parse_span
from wederkerig.core.i18n import _, ngettext
from wederkerig.formats.calendar import due_calendar_items, write_calendar
from wederkerig.formats.columns import DUE_COLUMNS, TAG_COLUMNS, CalendarFormat, Format
from wederkerig.formats.writers import write_rows
from wederkerig.render import console
from wederkerig.render import listings as listings_view
from wederkerig.settings import config

app = typer.Typer()
tags = typer.Typer(
    help=_("List tags and give a tag a cadence (stay in touch with all who carry it).")
)


@app.command(
    rich_help_panel=REPORT_PANEL,
    help=_(
        "What needs you: contacts past their cadence, overdue promises (yours first), and "
        "thanks owed for long. Exit 0 either way; for cron, with --quiet silence means nothing due."
    ),
)
def due(
    ctx: typer.Context,
    within: Annotated[
        str, typer.Option("--within", metavar="SPAN", help=_("Also what falls due this soon: 14d."))
    ] = "0d",
    unanswered_after: Annotated[
        str | None,
        typer.Option(
            "--unanswered-after",
            metavar="SPAN",
            help=_("When a received entry is overdue thanks (default: the setting, else 30d)."),
        ),
    ] = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help=_("Print nothing at all when nothing is due."))
    ] = False,
    output_format: CalendarFormatOption = CalendarFormat.TABLE,
    givers_gain: ViewOption = None,
) -> None:
    from wederkerig.usecases.cadence import due_items, in_view

    view = chosen_view(givers_gain)
    within_days = parse_span(within, "--within", allow_zero=True)
    after = config.value("unanswered_after", unanswered_after) or "30d"
    after_days = parse_span(after, "--unanswered-after")
    with transaction(ctx) as session:
        items = due_items(
            session,
            today=app_context(ctx).today,
            within_days=within_days,
            unanswered_after_days=after_days,
        )
        if output_format is CalendarFormat.ICS:  # even empty: a subscribed calendar clears
            now = app_context(ctx).now()
            calendar = due_calendar_items(in_view(items, view))
            write_calendar(sys.stdout, _("wederkerig: due"), calendar, now)
            return
        if output_format is not CalendarFormat.TABLE:
            first = list(islice(items, 1))
            if first or not quiet:
                write_rows(Format(output_format), sys.stdout, DUE_COLUMNS, chain(first, items))
            return
        # A table of them all took seconds (5,000 rows at 10k entries): the first ones only.
        shown = list(islice(in_view(items, view), TABLE_LIMIT + 1))
    if shown:
        console.show(listings_view.due_table, shown[:TABLE_LIMIT])
        if len(shown) > TABLE_LIMIT:
            console.message(
                _("Showing the first {count} things due; see them all with --format csv.").format(
                    count=TABLE_LIMIT
                )
            )
    elif not quiet:
        console.message(_("Nothing is due."))


@tags.command("list", help=_("Tags in use, how many contacts carry each, and their cadence."))
def list_tags(ctx: typer.Context, output_format: FormatOption = Format.TABLE) -> None:
    from wederkerig.usecases.cadence import list_tags

    with transaction(ctx) as session:
        rows = list_tags(session)
    show_listing(
        output_format,
        TAG_COLUMNS,
        rows,
        listings_view.tags_table,
        _("No tags yet: add one with 'wederkerig contact edit NAME --tag TAG'."),
    )


@tags.command(
    "cadence",
    help=_("Stay in touch with everyone carrying TAG this often (a contact's own --every wins)."),
)
def cadence(
    ctx: typer.Context,
    tag: Annotated[
        str, typer.Argument(help=_("The tag, e.g. drechtsteden."), autocompletion=complete_tag)
    ],
    every: Annotated[str, typer.Argument(metavar="SPAN", help=_("30d, 6w, 3m; 'none' clears it."))],
) -> None:
    from wederkerig.usecases.cadence import set_tag_cadence

    every_days = parse_cadence(every)
    with transaction(ctx, write=True) as session:
        name = set_tag_cadence(session, tag, every_days)
    if every_days is None:
        console.message(_("Tag '{tag}' has no cadence now.").format(tag=name))
    else:
        console.message(
            ngettext(
                "Everyone tagged '{tag}' is due after {days} day without contact.",
                "Everyone tagged '{tag}' is due after {days} days without contact.",
                every_days,
            ).format(tag=name, days=every_days)
        )
