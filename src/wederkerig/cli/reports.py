"""``wederkerig balance``: where value has flowed, per contact or for one contact."""

import sys
from dataclasses import replace
from typing import TYPE_CHECKING, Annotated

import typer

from wederkerig import render
from wederkerig.cli.context import app_context, transaction
from wederkerig.cli.entries import selection_from
from wederkerig.cli.options import (
    TABLE_LIMIT,
    AllOption,
    FormatOption,
    KindOption,
    PeriodOption,
    SinceOption,
    TagOption,
    UntilOption,
)
from wederkerig.formats import (
    BALANCE_BY_KIND_COLUMNS,
    BALANCE_COLUMNS,
    PROMISE_COLUMNS,
    Format,
    balance_records,
    contact_balance_document,
    promise_records,
    write_document,
    write_rows,
)

if TYPE_CHECKING:
    from wederkerig.selection import Selection

app = typer.Typer()


@app.command(rich_help_panel="Report")
def balance(
    ctx: typer.Context,
    contact: Annotated[
        str | None, typer.Argument(help="One contact: the view before a meeting.")
    ] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    period: PeriodOption = None,
    kind: KindOption = None,
    tag: TagOption = None,
    event: Annotated[
        str | None, typer.Option("--event", "-e", help="Only what flowed at this event.")
    ] = None,
    group: Annotated[
        str | None, typer.Option("--group", "-g", help="Only the members of this group.")
    ] = None,
    by_kind: Annotated[
        bool, typer.Option("--by-kind", help="One row per contact and kind.")
    ] = False,
    format: FormatOption = Format.TABLE,
    all_: AllOption = False,
) -> None:
    """Show what you gave and received, per contact and kind (net = gave − received)."""
    selection = selection_from(ctx, kind=kind, since=since, until=until, period=period, tag=tag)
    if contact is not None:
        _contact_balance(ctx, contact, selection, format, event)
        return
    from wederkerig.balances import balance_rows, largest_imbalances, total
    from wederkerig.events import narrow_to_event
    from wederkerig.groups import narrow_to_group
    from wederkerig.promises import open_promises

    with transaction(ctx) as session:
        selection = narrow_to_group(session, narrow_to_event(session, selection, event), group)
        rows = balance_rows(session, selection, by_kind=by_kind)
        pending = open_promises(session, _undated(selection), today=app_context(ctx).today)
    if format is not Format.TABLE:
        columns = BALANCE_BY_KIND_COLUMNS if by_kind else BALANCE_COLUMNS
        write_rows(format, sys.stdout, columns, balance_records(rows, by_kind=by_kind))
        return
    if not rows:
        render.message("No entries match: log one with 'wederkerig log NAME gave knowledge'.")
        if pending:
            render.show(render.promises_line, pending)
        return
    if by_kind:
        render.show(render.balance_by_kind_table, rows)
        return
    shown = rows if all_ else largest_imbalances(rows, TABLE_LIMIT)
    hidden = len(rows) - len(shown)
    render.show(
        render.balance_table, shown, total(rows), hidden=hidden, limit=TABLE_LIMIT, promises=pending
    )


def _undated(selection: "Selection") -> "Selection":
    """Promises are shown beside a balance whenever they were made: they are still open."""
    return replace(selection, since=None, until=None)


def _contact_balance(
    ctx: typer.Context, contact: str, selection: "Selection", format: Format, event: str | None
) -> None:
    from wederkerig.balances import balance_rows, contact_balance, in_words
    from wederkerig.entries import narrow_to_contact
    from wederkerig.events import narrow_to_event
    from wederkerig.promises import open_promises

    with transaction(ctx) as session:
        selection = narrow_to_event(session, selection, event)
        if format is Format.CSV:  # a table has no room for the timeline: one row per kind
            narrowed = narrow_to_contact(session, selection, contact)
            rows = balance_rows(session, narrowed, by_kind=True)
        else:
            today = app_context(ctx).today
            result = contact_balance(session, contact, selection, today=today)
            narrowed = narrow_to_contact(session, _undated(selection), contact)
            pending = open_promises(session, narrowed, today=today)
    if format is Format.CSV:
        write_rows(format, sys.stdout, BALANCE_BY_KIND_COLUMNS, balance_records(rows, by_kind=True))
    elif format is Format.JSON:
        document = contact_balance_document(result)
        document["promises"] = [
            dict(zip(PROMISE_COLUMNS, record, strict=True)) for record in promise_records(pending)
        ]
        write_document(sys.stdout, document)
    else:
        words = [in_words(result.tally)] + [in_words(t, k) for k, t in result.by_kind.items()]
        render.show(render.contact_balance, result, words, promises=pending)
