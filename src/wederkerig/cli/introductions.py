"""``wederkerig intro``, ``intros`` and ``intro-outcome``: connecting two people."""

from typing import Annotated

import typer

from wederkerig.cli.context import app_context, show_listing, transaction
from wederkerig.cli.options import (
    RECORD_PANEL,
    REPORT_PANEL,
    FormatOption,
    OnOption,
    ValueOption,
    complete_contact,
    complete_event,
    id_argument,
)
from wederkerig.core.i18n import _
from wederkerig.core.vocabulary import CLEAR_WORDS, parse_outcome, shown_outcome
from wederkerig.formats.columns import INTRODUCTION_COLUMNS, Format
from wederkerig.render import console
from wederkerig.render import promises as promises_view

app = typer.Typer()

IdArgument = Annotated[int, id_argument(_("The introduction's id."))]


@app.command(
    rich_help_panel=RECORD_PANEL,
    help=_(
        "Record that you introduced A and B: access given to both. Prints the introduction's id."
    ),
)
def intro(
    ctx: typer.Context,
    first: Annotated[
        str,
        typer.Argument(
            metavar="A", help=_("One person (name or alias)."), autocompletion=complete_contact
        ),
    ],
    second: Annotated[
        str,
        typer.Argument(
            metavar="B",
            help=_("The person you connected them to."),
            autocompletion=complete_contact,
        ),
    ],
    why: Annotated[str, typer.Argument(help=_("Why they should meet, in a few words."))] = "",
    value: ValueOption = None,
    on: OnOption = None,
    event: Annotated[
        str | None,
        typer.Option(
            "--event", "-e", help=_("Where you introduced them."), autocompletion=complete_event
        ),
    ] = None,
) -> None:
    from wederkerig.usecases.introductions import make_introduction

    app_ctx = app_context(ctx)
    with transaction(ctx, write=True) as session:
        made = make_introduction(
            session,
            first,
            second,
            why=why,
            value=1 if value is None else value,
            on=app_ctx.date(on) or app_ctx.today,
            event=event,
            member=app_ctx.member,
            now=app_ctx.now(),
        )
    print(made.id)
    first_entry, second_entry = made.entries.split(";")  # one access entry to each of them
    console.message(
        _(
            "Introduced {first} and {second} on {date} "
            "(introduction {id}; entries {first_entry} and {second_entry})."
        ).format(
            first=made.first,
            second=made.second,
            date=made.date,
            id=made.id,
            first_entry=first_entry,
            second_entry=second_entry,
        )
    )


@app.command(
    rich_help_panel=REPORT_PANEL,
    help=_("List the introductions you made, oldest first, with what came of them."),
)
def intros(
    ctx: typer.Context,
    contact: Annotated[
        str | None,
        typer.Argument(
            help=_("Only those made for this contact."), autocompletion=complete_contact
        ),
    ] = None,
    output_format: FormatOption = Format.TABLE,
) -> None:
    from wederkerig.usecases.introductions import list_introductions

    with transaction(ctx) as session:
        found = list_introductions(session, contact)
    show_listing(
        output_format,
        INTRODUCTION_COLUMNS,
        found,
        promises_view.introductions_table,
        _("No introductions yet: record one with 'wederkerig intro A B \"why\"'."),
    )


@app.command(
    "intro-outcome",
    rich_help_panel=RECORD_PANEL,
    help=_(
        "Say what came of an introduction (or, with 'none', that it is not known yet), "
        "optionally with a note in your own words."
    ),
)
def intro_outcome(
    ctx: typer.Context,
    introduction_id: IdArgument,
    outcome: Annotated[
        str,
        typer.Argument(
            help=_("met, collaboration, business or nothing (or Dutch); 'none' clears it.")
        ),
    ],
    note: Annotated[
        str,
        typer.Argument(
            help=_("What came of it, in a few words; replaces the earlier note (none: cleared).")
        ),
    ] = "",
) -> None:
    from wederkerig.usecases.introductions import set_outcome

    chosen = None if outcome.strip().casefold() in CLEAR_WORDS else parse_outcome(outcome)
    with transaction(ctx, write=True) as session:
        updated = set_outcome(session, introduction_id, chosen, note)
    second = updated.second or _("(removed)")
    if chosen is None:
        said = _("Introduction {id} of {first} and {second}: outcome cleared.")
    else:
        said = _("Introduction {id} of {first} and {second}: {outcome}.")
    said = said.format(
        id=updated.id,
        first=updated.first,
        second=second,
        outcome=shown_outcome(chosen.value) if chosen else "",
    )
    if updated.outcome_note:
        said = _("{said} Note: {note}").format(said=said, note=updated.outcome_note)
    console.message(said)
