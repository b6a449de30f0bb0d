"""``promises``, ``keep``, ``drop`` and ``loops``: what is still open between people."""

import sys
from itertools import islice
from typing import Annotated

import typer

from wederkerig.cli.context import FIELD_HINTS, app_context, transaction
from wederkerig.cli.filters import selection_from
from wederkerig.cli.options import (
    RECORD_PANEL,
    REPORT_PANEL,
    TABLE_LIMIT,
    CalendarFormatOption,
    FormatOption,
    complete_contact,
    id_argument,
)
from wederkerig.core.errors import InvalidInputError
from wederkerig.core.i18n import N_, _, ngettext
from wederkerig.formats.calendar import promise_calendar_items, write_calendar
from wederkerig.formats.columns import LOOP_COLUMNS, PROMISE_COLUMNS, CalendarFormat, Format
from wederkerig.formats.records import loop_records, promise_records
from wederkerig.formats.writers import write_rows
from wederkerig.render import console
from wederkerig.render import promises as promises_view

app = typer.Typer()

IdArgument = Annotated[int, id_argument(_("The promise's entry id."))]


@app.command(
    rich_help_panel=REPORT_PANEL,
    help=_("List open promises, overdue first, with their age and due state."),
)
def promises(
    ctx: typer.Context,
    contact: Annotated[
        str | None,
        typer.Argument(help=_("Only promises with this contact."), autocompletion=complete_contact),
    ] = None,
    mine: Annotated[bool, typer.Option("--mine", help=_("Only what you promised."))] = False,
    theirs: Annotated[
        bool, typer.Option("--theirs", help=_("Only what was promised to you."))
    ] = False,
    overdue: Annotated[
        bool, typer.Option("--overdue", help=_("Only promises past their due date."))
    ] = False,
    output_format: CalendarFormatOption = CalendarFormat.TABLE,
) -> None:
    from wederkerig.usecases.entries import narrow_to_contact
    from wederkerig.usecases.promises import open_promises

    if mine and theirs:
        raise InvalidInputError(_("--mine and --theirs exclude each other: give one, or neither"))
    app_ctx = app_context(ctx)
    with transaction(ctx) as session:
        selection = narrow_to_contact(session, selection_from(ctx), contact)
        found = open_promises(
            session,
            selection,
            today=app_ctx.today,
            mine=True if mine else False if theirs else None,
            overdue_only=overdue,
        )
    if output_format is CalendarFormat.ICS:
        write_calendar(
            sys.stdout, _("wederkerig: promises"), promise_calendar_items(found), app_ctx.now()
        )
        if undated := sum(promise.entry.due is None for promise in found):
            console.message(
                ngettext(
                    "{count} promise has no due date, so it is not in the calendar "
                    "(the table lists it: 'wederkerig promises').",
                    "{count} promises have no due date, so they are not in the calendar "
                    "(the table lists them: 'wederkerig promises').",
                    undated,
                ).format(count=undated)
            )
    elif output_format is not CalendarFormat.TABLE:
        write_rows(Format(output_format), sys.stdout, PROMISE_COLUMNS, promise_records(found))
    elif not found:
        console.message(_("No open promises."))
    else:
        console.show(promises_view.promises_table, found)


@app.command(
    rich_help_panel=RECORD_PANEL,
    help=_("Mark a promise as kept: from then on it counts, dated the day it was kept."),
)
def keep(
    ctx: typer.Context,
    entry_id: IdArgument,
    on: Annotated[
        str | None,
        typer.Option("--on", metavar="DATE", help=_("When it was kept (default today).")),
    ] = None,
) -> None:
    from wederkerig.usecases.entries import describe
    from wederkerig.usecases.promises import keep_promise

    app_ctx = app_context(ctx)
    with transaction(ctx, write=True) as session:
        kept = keep_promise(session, entry_id, on=app_ctx.date(on) or app_ctx.today)
    console.message(_("Kept {entry}.").format(entry=describe(kept)))


@app.command(
    rich_help_panel=RECORD_PANEL,
    help=_("Withdraw a promise: it stays on record with the reason, and never counts."),
)
def drop(
    ctx: typer.Context,
    entry_id: IdArgument,
    reason: Annotated[
        str, typer.Option("--reason", "-r", help=_("Why it was withdrawn (required)."))
    ],
) -> None:
    from wederkerig.usecases.entries import describe
    from wederkerig.usecases.promises import drop_promise

    hints = {**FIELD_HINTS, "reason": N_("{problem}: --reason 'no longer needed'")}
    with transaction(ctx, write=True, hints=hints) as session:
        dropped = drop_promise(session, entry_id, reason=reason)
    console.message(_("Dropped {entry}.").format(entry=describe(dropped)))


@app.command(
    rich_help_panel=REPORT_PANEL,
    help=_(
        "What you received and have not answered yet, oldest first: the gratitude you owe.\n\n"
        "Close a loop by logging the answer with --answers ID."
    ),
)
def loops(
    ctx: typer.Context,
    contact: Annotated[
        str | None,
        typer.Argument(help=_("Only loops with this contact."), autocompletion=complete_contact),
    ] = None,
    both: Annotated[
        bool, typer.Option("--both", help=_("Also what you gave that was never answered."))
    ] = False,
    output_format: FormatOption = Format.TABLE,
) -> None:
    from wederkerig.usecases.entries import narrow_to_contact
    from wederkerig.usecases.loops import open_loops

    with transaction(ctx) as session:
        selection = narrow_to_contact(session, selection_from(ctx), contact)
        found = open_loops(session, selection, today=app_context(ctx).today, both=both)
        if output_format is not Format.TABLE:
            write_rows(output_format, sys.stdout, LOOP_COLUMNS, loop_records(found))
            return
        shown = list(islice(found, TABLE_LIMIT + 1))
    if not shown:
        console.message(_("No open loops."))
        return
    console.show(promises_view.loops_table, shown[:TABLE_LIMIT])
    if len(shown) > TABLE_LIMIT:
        console.message(
            _("Showing the {count} oldest open loops; see them all with --format csv.").format(
                count=TABLE_LIMIT
            )
        )
