"""``wederkerig group …``: collaborations, and what their members contributed."""

import sys
from typing import Annotated

import typer

from wederkerig import render
from wederkerig.cli.context import show_listing, transaction
from wederkerig.cli.entries import selection_from
from wederkerig.cli.options import (
    FormatOption,
    PeriodOption,
    SinceOption,
    UntilOption,
    complete_contact,
    complete_group,
)
from wederkerig.formats import (
    BALANCE_BY_KIND_COLUMNS,
    GROUP_COLUMNS,
    Format,
    balance_records,
    write_rows,
)

app = typer.Typer(help="Groups: a region's partnership, a club, a board.", no_args_is_help=True)

GroupArgument = Annotated[
    str, typer.Argument(metavar="NAME", help="The group's name.", autocompletion=complete_group)
]
ContactsArgument = Annotated[
    list[str],
    typer.Argument(metavar="CONTACT...", help="Names or aliases.", autocompletion=complete_contact),
]


@app.command("add")
def add(
    ctx: typer.Context,
    name: GroupArgument,
    note: Annotated[str | None, typer.Option("--note")] = None,
) -> None:
    """Add a group."""
    from wederkerig.groups import add_group

    with transaction(ctx, write=True) as session:
        group = add_group(session, name, note=note)
    render.message(f"Added group '{group.name}'.")


@app.command("join")
def join(ctx: typer.Context, name: GroupArgument, contacts: ContactsArgument) -> None:
    """Add contacts to a group."""
    from wederkerig.groups import join_group

    with transaction(ctx, write=True) as session:
        group, added = join_group(session, name, contacts)
    joined = ", ".join(f"'{who}'" for who in added) or "nobody new"
    render.message(f"Group '{group}': added {joined}.")


@app.command("leave")
def leave(ctx: typer.Context, name: GroupArgument, contacts: ContactsArgument) -> None:
    """Take contacts out of a group (their entries stay)."""
    from wederkerig.groups import leave_group

    with transaction(ctx, write=True) as session:
        group, left = leave_group(session, name, contacts)
    render.message(f"Group '{group}': removed " + ", ".join(f"'{who}'" for who in left) + ".")


@app.command("list")
def list_(ctx: typer.Context, format: FormatOption = Format.TABLE) -> None:
    """List groups with how many members each has."""
    from wederkerig.groups import list_groups

    with transaction(ctx) as session:
        groups = list_groups(session)
    show_listing(
        format,
        GROUP_COLUMNS,
        groups,
        render.groups_table,
        "No groups yet: add one with 'wederkerig group add NAME'.",
    )


@app.command("show")
def show(
    ctx: typer.Context,
    name: GroupArgument,
    since: SinceOption = None,
    until: UntilOption = None,
    period: PeriodOption = None,
    format: FormatOption = Format.TABLE,
) -> None:
    """A group's members and what each contributed per kind (both ways) over a period."""
    from wederkerig.balances import balance_rows
    from wederkerig.groups import group_members, narrow_to_group

    selection = selection_from(ctx, since=since, until=until, period=period)
    with transaction(ctx) as session:
        group, members = group_members(session, name)
        rows = balance_rows(session, narrow_to_group(session, selection, name), by_kind=True)
    if format is not Format.TABLE:
        write_rows(format, sys.stdout, BALANCE_BY_KIND_COLUMNS, balance_records(rows, by_kind=True))
        return
    render.show(render.group_view, group.name, group.note, members, rows)
