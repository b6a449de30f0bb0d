"""``wederkerig group …``: collaborations, and what their members contributed."""

import sys
from typing import Annotated

import typer

from wederkerig.cli.context import show_listing, transaction
from wederkerig.cli.filters import selection_from
from wederkerig.cli.options import (
    FormatOption,
    PeriodOption,
    SinceOption,
    UntilOption,
    ViewOption,
    chosen_view,
    complete_contact,
    complete_group,
)
from wederkerig.core.i18n import _
from wederkerig.formats.columns import (
    BALANCE_BY_KIND_COLUMNS,
    BETWEEN_COLUMNS,
    GROUP_COLUMNS,
    Format,
)
from wederkerig.formats.records import balance_records
from wederkerig.formats.writers import write_rows
from wederkerig.render import console
from wederkerig.render import listings as listings_view

app = typer.Typer(help=_("Groups: a region's partnership, a club, a board."), no_args_is_help=True)

GroupArgument = Annotated[
    str,
    typer.Argument(metavar="NAME", help=_("The group's name."), autocompletion=complete_group),
]
ContactsArgument = Annotated[
    list[str],
    typer.Argument(
        metavar="CONTACT...", help=_("Names or aliases."), autocompletion=complete_contact
    ),
]


@app.command("add", help=_("Add a group."))
def add(
    ctx: typer.Context,
    name: GroupArgument,
    note: Annotated[str | None, typer.Option("--note")] = None,
) -> None:
    from wederkerig.usecases.groups import add_group

    with transaction(ctx, write=True) as session:
        group = add_group(session, name, note=note)
    console.message(_("Added group '{group}'.").format(group=group.name))


@app.command("join", help=_("Add contacts to a group."))
def join(ctx: typer.Context, name: GroupArgument, contacts: ContactsArgument) -> None:
    from wederkerig.usecases.groups import join_group

    with transaction(ctx, write=True) as session:
        group, added = join_group(session, name, contacts)
    if added:
        joined = ", ".join(f"'{who}'" for who in added)
        console.message(_("Group '{group}': added {names}.").format(group=group, names=joined))
    else:
        console.message(_("Group '{group}': added nobody new.").format(group=group))


@app.command("leave", help=_("Take contacts out of a group (their entries stay)."))
def leave(ctx: typer.Context, name: GroupArgument, contacts: ContactsArgument) -> None:
    from wederkerig.usecases.groups import leave_group

    with transaction(ctx, write=True) as session:
        group, left = leave_group(session, name, contacts)
    removed = ", ".join(f"'{who}'" for who in left)
    console.message(_("Group '{group}': removed {names}.").format(group=group, names=removed))


@app.command("list", help=_("List groups with how many members each has."))
def list_(ctx: typer.Context, output_format: FormatOption = Format.TABLE) -> None:
    from wederkerig.usecases.groups import list_groups

    with transaction(ctx) as session:
        groups = list_groups(session)
    show_listing(
        output_format,
        GROUP_COLUMNS,
        groups,
        listings_view.groups_table,
        _("No groups yet: add one with 'wederkerig group add NAME'."),
    )


@app.command(
    "show",
    help=_(
        "A group's members, what each contributed per kind (both ways) over a period, and the "
        "group's totals per kind."
    ),
)
def show(
    ctx: typer.Context,
    name: GroupArgument,
    since: SinceOption = None,
    until: UntilOption = None,
    period: PeriodOption = None,
    between: Annotated[
        bool,
        typer.Option(
            "--between",
            help=_(
                "Who gave whom what, per partner and kind, in entries logged in the group "
                "(log ... --group NAME) or at the event named like it."
            ),
        ),
    ] = False,
    output_format: FormatOption = Format.TABLE,
    givers_gain: ViewOption = None,
) -> None:
    from wederkerig.usecases.groups import contributions, group_report

    view = chosen_view(givers_gain)
    selection = selection_from(ctx, since=since, until=until, period=period)
    if between:
        with transaction(ctx) as session:
            given = contributions(session, name, selection)
        show_listing(
            output_format,
            BETWEEN_COLUMNS,
            given,
            listings_view.between_table,
            _(
                "Nothing logged in this collaboration yet: log it with "
                "'wederkerig log NAME gave KIND --group \"{group}\"'."
            ).format(group=name),
        )
        return
    with transaction(ctx) as session:
        report = group_report(session, name, selection)
    if output_format is not Format.TABLE:
        records = balance_records(report.rows, by_kind=True)
        write_rows(output_format, sys.stdout, BALANCE_BY_KIND_COLUMNS, records)
        return
    console.show(listings_view.group_view, report, view=view)
