"""``wederkerig balance``: where value has flowed, per contact or for one contact."""

import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from wederkerig.cli.context import FIELD_HINTS, app_context, check_save, present, transaction
from wederkerig.cli.filters import selection_from
from wederkerig.cli.options import (
    REPORT_PANEL,
    TABLE_LIMIT,
    AllOption,
    EventOption,
    FormatOption,
    GroupOption,
    KindOption,
    PeriodOption,
    SaveOption,
    SinceOption,
    TagOption,
    UntilOption,
    ViewOption,
    chosen_view,
    complete_contact,
)
from wederkerig.core.dates import Every, parse_span
from wederkerig.core.errors import InvalidInputError
from wederkerig.core.i18n import N_, _
from wederkerig.core.vocabulary import By, View
from wederkerig.formats.columns import (
    BALANCE_BY_KIND_COLUMNS,
    MONTHLY_COLUMNS,
    PROMISE_COLUMNS,
    Format,
    balance_columns,
    period_columns,
)
from wederkerig.formats.records import (
    balance_records,
    brief_document,
    contact_balance_document,
    flow_document,
    monthly_records,
    period_records,
    promise_records,
)
from wederkerig.formats.writers import write_document, write_rows
from wederkerig.render import balance as balance_view
from wederkerig.render import brief as brief_view
from wederkerig.render import console
from wederkerig.render import flow as flow_view
from wederkerig.render import promises as promises_view
from wederkerig.settings import config

if TYPE_CHECKING:
    from wederkerig.store.filters import Selection
    from wederkerig.usecases.balances import BalanceReport

app = typer.Typer()


@app.command(
    rich_help_panel=REPORT_PANEL,
    help=_("Show what you gave and received, per contact and kind (net = gave − received)."),
)
def balance(
    ctx: typer.Context,
    contact: Annotated[
        str | None,
        typer.Argument(
            help=_("One contact: the view before a meeting."), autocompletion=complete_contact
        ),
    ] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    period: PeriodOption = None,
    kind: KindOption = None,
    tag: TagOption = None,
    member: Annotated[
        str | None,
        typer.Option("--member", "-m", help=_("Only what this team member logged.")),
    ] = None,
    event: EventOption = None,
    group: GroupOption = None,
    by_kind: Annotated[
        bool, typer.Option("--by-kind", help=_("One row per contact and kind."))
    ] = False,
    by: Annotated[
        By, typer.Option("--by", case_sensitive=False, help=_("What one row stands for."))
    ] = By.CONTACT,
    every: Annotated[
        Every | None,
        typer.Option(
            "--every",
            case_sensitive=False,
            help=_("One column of net points per period, and a total."),
        ),
    ] = None,
    output_format: FormatOption = Format.TABLE,
    all_: AllOption = False,
    save: SaveOption = None,
    givers_gain: ViewOption = None,
) -> None:
    selection = selection_from(ctx, kind=kind, since=since, until=until, period=period, tag=tag)
    if member is not None:
        selection = replace(selection, member=member.strip())
    check_save(save, output_format)
    view = chosen_view(givers_gain)
    if every is not None and by_kind:
        raise InvalidInputError(_("--every and --by-kind both add columns: choose one of them"))
    if every is not None and output_format is Format.TABLE and view is View.GIVERS_GAIN:
        raise InvalidInputError(
            _(
                "--every shows net points, which the givers-gain view leaves out: add --scores, "
                "or see each month both ways with 'wederkerig flow'"
            )
        )
    if contact is not None and every is None:
        if by is not By.CONTACT:
            raise InvalidInputError(
                _("--by {by} lists many rows: drop NAME, or --by").format(by=by.value)
            )
        _contact_balance(ctx, contact, selection, output_format, event, save, view)
        return
    from wederkerig.usecases.balances import balance_report, balance_rows
    from wederkerig.usecases.entries import narrow_to_contact
    from wederkerig.usecases.events import narrow_to_event
    from wederkerig.usecases.groups import narrow_to_group
    from wederkerig.usecases.periods import period_balances

    today = app_context(ctx).today
    with transaction(ctx) as session:
        selection = narrow_to_group(session, narrow_to_event(session, selection, event), group)
        selection = narrow_to_contact(session, selection, contact)
        if every is not None:
            over_time = period_balances(session, selection, every, by=by, today=today)
        elif output_format is not Format.TABLE:  # a script gets the rows: no footer, no promises
            rows = balance_rows(session, selection, by_kind=by_kind, by=by)
        else:
            report = balance_report(session, selection, by=by, by_kind=by_kind, today=today)
    if every is not None:
        if output_format is not Format.TABLE:
            columns = period_columns(by, over_time)
            write_rows(output_format, sys.stdout, columns, period_records(over_time))
        elif not over_time.rows:
            console.message(_(NOTHING_MATCHES))
        else:
            present(save, balance_view.period_table, over_time, by=by)
        return
    if output_format is not Format.TABLE:
        columns = balance_columns(by, by_kind=by_kind)
        records = balance_records(rows, by_kind=by_kind, by=by)
        write_rows(output_format, sys.stdout, columns, records)
    elif not report.rows:
        console.message(_(NOTHING_MATCHES))
        if report.promises:
            console.show(promises_view.promises_line, report.promises)
    elif by_kind:
        present(save, balance_view.balance_by_kind_table, report.rows, by=by, view=view)
    else:
        _balance_table(report, by=by, all_=all_, save=save, view=view)


NOTHING_MATCHES = N_("No entries match: log one with 'wederkerig log NAME gave knowledge'.")


def _balance_table(
    report: "BalanceReport", *, by: By, all_: bool, save: Path | None, view: View
) -> None:
    """The rows a person looks at first: the largest imbalances, or in the givers-gain view
    whom you gave to most recently (all of them in that order with --all)."""
    from wederkerig.usecases.balances import largest_imbalances, most_recently_given

    limit = None if all_ else TABLE_LIMIT
    if view is View.GIVERS_GAIN:
        shown = most_recently_given(report.rows, limit)
    else:
        shown = report.rows if all_ else largest_imbalances(report.rows, TABLE_LIMIT)
    present(
        save,
        balance_view.balance_table,
        shown,
        report.total,
        hidden=len(report.rows) - len(shown),
        limit=TABLE_LIMIT,
        promises=report.promises,
        by=by,
        view=view,
    )


def _contact_balance(
    ctx: typer.Context,
    contact: str,
    selection: "Selection",
    output_format: Format,
    event: str | None,
    save: Path | None,
    view: View,
) -> None:
    from wederkerig.usecases.balances import balance_rows, contact_balance, in_words
    from wederkerig.usecases.entries import narrow_to_contact
    from wederkerig.usecases.events import narrow_to_event

    with transaction(ctx) as session:
        selection = narrow_to_event(session, selection, event)
        if output_format is Format.CSV:  # a table has no room for the timeline: one row per kind
            narrowed = narrow_to_contact(session, selection, contact)
            rows = balance_rows(session, narrowed, by_kind=True)
        else:
            today = app_context(ctx).today
            result = contact_balance(session, contact, selection, today=today)
    if output_format is Format.CSV:
        write_rows(
            output_format, sys.stdout, BALANCE_BY_KIND_COLUMNS, balance_records(rows, by_kind=True)
        )
    elif output_format is Format.JSON:
        document = contact_balance_document(result)
        document["promises"] = [
            dict(zip(PROMISE_COLUMNS, record, strict=True))
            for record in promise_records(result.promises)
        ]
        write_document(sys.stdout, document)
    else:
        words = [in_words(result.tally)] + [in_words(t, k) for k, t in result.by_kind.items()]
        present(
            save,
            balance_view.contact_balance,
            result,
            words,
            promises=result.promises,
            view=view,
        )


@app.command(
    rich_help_panel=REPORT_PANEL,
    help=_(
        "Before a meeting, one screen: who they are, how it stands per kind with a year of "
        "months, open promises and loops both ways, introductions, recent entries, suggestions."
    ),
)
def brief(
    ctx: typer.Context,
    contact: Annotated[
        str, typer.Argument(help=_("Who you are about to meet."), autocompletion=complete_contact)
    ],
    output_format: FormatOption = Format.TABLE,
    save: SaveOption = None,
    givers_gain: ViewOption = None,
) -> None:
    from wederkerig.usecases.brief import brief as build_brief

    check_save(save, output_format)
    view = chosen_view(givers_gain)
    quiet = parse_span(config.value("quiet_after") or "180d", _("the quiet_after setting"))
    with transaction(ctx) as session:
        found = build_brief(session, contact, today=app_context(ctx).today, quiet_days=quiet)
    if output_format is Format.JSON:
        write_document(sys.stdout, brief_document(found))
    elif output_format is Format.CSV:  # the year of months, one row per month and kind
        write_rows(output_format, sys.stdout, MONTHLY_COLUMNS, monthly_records(found.monthly))
    else:
        present(save, brief_view.brief_view, found, view=view)


@app.command(
    rich_help_panel=REPORT_PANEL,
    help=_(
        "Where value has flowed (the last twelve months unless told): per kind both ways, the "
        "top contacts each way, and a bar per month. CSV gives the months, one row per kind."
    ),
)
def flow(
    ctx: typer.Context,
    period: PeriodOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    kind: KindOption = None,
    tag: TagOption = None,
    output_format: FormatOption = Format.TABLE,
    save: SaveOption = None,
    givers_gain: ViewOption = None,
) -> None:
    from wederkerig.usecases.flow import flow as build_flow

    check_save(save, output_format)
    view = chosen_view(givers_gain)
    selection = selection_from(ctx, kind=kind, since=since, until=until, period=period, tag=tag)
    hints = {**FIELD_HINTS, "since": N_("{problem}: give an --until after --since")}
    with transaction(ctx, hints=hints) as session:
        found = build_flow(session, selection, today=app_context(ctx).today)
    if output_format is Format.JSON:
        write_document(sys.stdout, flow_document(found))
    elif output_format is Format.CSV:
        write_rows(output_format, sys.stdout, MONTHLY_COLUMNS, monthly_records(found.monthly))
    else:
        present(save, flow_view.flow_view, found, view=view)
