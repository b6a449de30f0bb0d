"""``wederkerig event …``: the occasions where value flowed."""

from typing import Annotated

import typer

from wederkerig.cli.context import app_context, show_listing, transaction
from wederkerig.cli.options import FormatOption
from wederkerig.core.i18n import _
from wederkerig.formats.columns import EVENT_COLUMNS, Format
from wederkerig.render import console
from wederkerig.render import listings as listings_view

app = typer.Typer(help=_("Add and list events (a New Year's reception, a network meeting)."))


@app.command("add", help=_("Add an event; entries name it with 'log ... --event NAME'."))
def add(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help=_("The event's name."))],
    on: Annotated[
        str | None, typer.Option("--on", metavar="DATE", help=_("When it is held."))
    ] = None,
    place: Annotated[str | None, typer.Option("--place", help=_("Where."))] = None,
) -> None:
    from wederkerig.usecases.events import add_event

    held_on = app_context(ctx).date(on, allow_future=True)  # an event may be ahead
    with transaction(ctx, write=True) as session:
        event = add_event(session, name, on=held_on, place=place)
    console.message(_("Added event '{name}'.").format(name=event.name))


@app.command("list", help=_("List events, most recent first, with how many entries name each."))
def list_(ctx: typer.Context, output_format: FormatOption = Format.TABLE) -> None:
    from wederkerig.usecases.events import list_events

    with transaction(ctx) as session:
        events = list_events(session)
    show_listing(
        output_format,
        EVENT_COLUMNS,
        events,
        listings_view.events_table,
        _("No events yet: add one with 'wederkerig event add NAME'."),
    )
