"""``wederkerig log``, ``entries``, ``edit``, ``rm`` and ``undo``: recording what flowed."""

import sys
from typing import TYPE_CHECKING, Annotated, TextIO

import typer

from wederkerig.cli.context import app_context, confirmed, transaction
from wederkerig.cli.options import (
    RECORD_PANEL,
    REPORT_PANEL,
    TABLE_LIMIT,
    AllOption,
    DirectionOption,
    EventOption,
    FormatOption,
    GroupOption,
    KindOption,
    OtherSide,
    OtherSideOption,
    PeriodOption,
    SinceOption,
    TagOption,
    UntilOption,
    YesOption,
    complete_contact,
    complete_direction,
    complete_event,
    complete_kind,
    id_argument,
)
from wederkerig.core.dates import parse_period
from wederkerig.core.errors import InvalidInputError
from wederkerig.core.i18n import _
from wederkerig.core.names import tag_name
from wederkerig.core.vocabulary import (
    CLEAR_WORDS,
    MAX_ID,
    parse_amount,
    parse_direction,
    parse_kind,
    whole_number,
)
from wederkerig.formats import ENTRY_COLUMNS, Format, MachineFormat, write_csv, write_json
from wederkerig.render import console
from wederkerig.render import entries as entries_view

if TYPE_CHECKING:
    from sqlmodel import Session

    from wederkerig.store.filters import Selection

app = typer.Typer()

ValueOption = Annotated[
    int | None,
    typer.Option(
        "--value",
        "-v",
        metavar="INTEGER",
        parser=whole_number,
        help=_("Points: 1 a small tip, 3 a real favour, 5 life-changing."),
    ),
]
AmountOption = Annotated[
    str | None,
    typer.Option(
        "--amount",
        metavar="AMOUNT",
        help=_(
            "For money: e.g. 250 or 12,50, in the 'currency' setting's currency (EUR unless set)."
        ),
    ),
]
EntryIdArgument = Annotated[int, id_argument(_("The entry's id."))]
OnOption = Annotated[
    str | None,
    typer.Option(
        "--on",
        metavar="DATE",
        help=_("YYYY-MM-DD, D-M-YYYY, today, yesterday, 'N days ago', 'last friday' (or Dutch)."),
    ),
]


@app.command(
    rich_help_panel=RECORD_PANEL,
    help=_(
        "Log something you gave or received (or promised). Prints the new entry's id.\n\n"
        "With no arguments, in a terminal, it asks for each field instead (Tab completes, "
        "'<' goes back, Ctrl-C saves nothing)."
    ),
)
def log(
    ctx: typer.Context,
    contact: Annotated[
        str | None,
        typer.Argument(
            help=_("Who: a name or alias. Leave out CONTACT, DIRECTION and KIND to be asked."),
            autocompletion=complete_contact,
            show_default=False,
        ),
    ] = None,
    direction: Annotated[
        str | None,
        typer.Argument(
            help=_("gave or received (gaf, kreeg, ontvangen)."),
            autocompletion=complete_direction,
            show_default=False,
        ),
    ] = None,
    kind: Annotated[
        str | None,
        typer.Argument(
            help=_("knowledge, talent, money or access (kennis, geld, toegang)."),
            autocompletion=complete_kind,
            show_default=False,
        ),
    ] = None,
    description: Annotated[str, typer.Argument(help=_("What exactly, in a few words."))] = "",
    value: ValueOption = None,
    amount: AmountOption = None,
    on: OnOption = None,
    event: Annotated[
        str | None,
        typer.Option(
            "--event",
            "-e",
            help=_("The occasion, e.g. a New Year's reception."),
            autocompletion=complete_event,
        ),
    ] = None,
    create: Annotated[
        bool, typer.Option("--create", help=_("Add the contact or event if it is new."))
    ] = False,
    promise: Annotated[
        bool,
        typer.Option("--promise", help=_("Promised, not yet done: counts once kept ('keep ID').")),
    ] = False,
    due: Annotated[
        str | None,
        typer.Option("--due", metavar="DATE", help=_("When a promise is due ('next friday').")),
    ] = None,
    answers: Annotated[
        int | None,
        typer.Option(
            "--answers",
            metavar="ID",
            min=1,
            max=MAX_ID,
            help=_("The entry (the other way) this one answers."),
        ),
    ] = None,
) -> None:
    from wederkerig.usecases.entries import describe, log_entry

    if contact is None:
        if not (sys.stdin.isatty() and sys.stdout.isatty()):
            raise InvalidInputError(
                _(
                    "log needs CONTACT DIRECTION KIND (e.g. log Anna gave knowledge); "
                    "without them it asks, which needs a terminal"
                )
            )
        from wederkerig.cli.guided import guided_log

        guided_log(ctx)
        return
    if direction is None or kind is None:
        needs = (
            _("log {contact} needs DIRECTION and KIND: e.g. log {contact} gave knowledge")
            if direction is None
            else _("log {contact} needs KIND: e.g. log {contact} gave knowledge")
        )
        raise InvalidInputError(needs.format(contact=contact))
    app_ctx = app_context(ctx)
    parsed_direction, parsed_kind = parse_direction(direction), parse_kind(kind)
    parsed_amount = parse_amount(amount) if amount is not None else None
    day = app_ctx.date(on) or app_ctx.today
    with transaction(ctx, write=True) as session:
        row = log_entry(
            session,
            contact=contact,
            direction=parsed_direction,
            kind=parsed_kind,
            description=description,
            value=1 if value is None else value,
            amount=parsed_amount,
            on=day,
            event=event,
            create=create,
            promise=promise,
            due=app_ctx.date(due, allow_future=True),
            answers=answers,
            member=app_ctx.member,
            now=app_ctx.now(),
        )
    print(row.id)
    console.message(_("Logged {entry}.").format(entry=describe(row)))


def write_entries(
    format: Format | MachineFormat,
    stream: TextIO,
    session: "Session",
    selection: "Selection",
    *,
    spreadsheet_safe: bool = False,
) -> None:
    """Entries for scripts, streamed: CSV cells formatted by the database, JSON typed."""
    from wederkerig.usecases.entries import iter_entries, iter_entry_cells

    if format == Format.JSON:
        write_json(stream, ENTRY_COLUMNS, iter_entries(session, selection))
    else:
        cells = iter_entry_cells(session, selection)
        write_csv(
            stream, ENTRY_COLUMNS, cells, spreadsheet_safe=spreadsheet_safe, preformatted=True
        )


def selection_from(
    ctx: typer.Context,
    *,
    kind: str | None = None,
    direction: str | None = None,
    since: str | None = None,
    until: str | None = None,
    period: str | None = None,
    tag: str | None = None,
) -> "Selection":
    """The filters every listing and report shares, parsed from what the user typed."""
    from wederkerig.store.filters import Selection

    app_ctx = app_context(ctx)
    if period is not None:
        if since or until:
            raise InvalidInputError(
                _("--period sets both ends of the stretch: give it without --since and --until")
            )
        first, last = parse_period(period, app_ctx.today)
        since, until = first.isoformat(), last.isoformat()
    selection = Selection(
        kind=parse_kind(kind) if kind else None,
        direction=parse_direction(direction) if direction else None,
        since=app_ctx.date(since, allow_future=True),
        until=app_ctx.date(until, allow_future=True),
        tag=tag_name(tag) if tag else None,
    )
    if selection.since and selection.until and selection.since > selection.until:
        raise InvalidInputError(
            _("--since {since} is after --until {until}: swap them").format(
                since=selection.since, until=selection.until
            )
        )
    return selection


@app.command(
    "entries",
    rich_help_panel=REPORT_PANEL,
    help=_("List entries in date order (the table shows the newest 50 unless --all)."),
)
def list_entries(
    ctx: typer.Context,
    contact: Annotated[
        str | None, typer.Argument(help=_("Only this contact."), autocompletion=complete_contact)
    ] = None,
    kind: KindOption = None,
    direction: DirectionOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    period: PeriodOption = None,
    tag: TagOption = None,
    event: EventOption = None,
    group: GroupOption = None,
    format: FormatOption = Format.TABLE,
    all_: AllOption = False,
) -> None:
    from wederkerig.usecases.entries import narrow_to_contact, newest_entries
    from wederkerig.usecases.events import narrow_to_event
    from wederkerig.usecases.groups import narrow_to_group

    selection = selection_from(
        ctx, kind=kind, direction=direction, since=since, until=until, period=period, tag=tag
    )
    with transaction(ctx) as session:
        selection = narrow_to_contact(session, selection, contact)
        selection = narrow_to_group(session, narrow_to_event(session, selection, event), group)
        if format is not Format.TABLE:
            write_entries(format, sys.stdout, session, selection)
            return
        rows, count = newest_entries(session, selection, sys.maxsize if all_ else TABLE_LIMIT)
    if not rows:
        console.message(_("No entries match."))
        return
    console.show(entries_view.entries_table, rows)
    if count > len(rows):
        console.message(
            _(
                "Showing the newest {shown} of {count} entries; see all with --all or --format csv."
            ).format(shown=len(rows), count=count)
        )


@app.command(
    rich_help_panel=RECORD_PANEL, help=_("Correct an entry, or link it as the answer to another.")
)
def edit(
    ctx: typer.Context,
    entry_id: EntryIdArgument,
    value: ValueOption = None,
    kind: Annotated[str | None, typer.Option("--kind", "-k")] = None,
    direction: Annotated[str | None, typer.Option("--direction", "-d")] = None,
    on: OnOption = None,
    description: Annotated[str | None, typer.Option("--description")] = None,
    amount: Annotated[
        str | None,
        typer.Option("--amount", metavar="AMOUNT", help=_("An amount, or 'none' to drop it.")),
    ] = None,
    answers: Annotated[
        str | None,
        typer.Option(
            "--answers",
            metavar="ID",
            help=_("The entry (the other way) it answers; 'none' unlinks."),
        ),
    ] = None,
) -> None:
    from wederkerig.usecases.entries import EntryChange, describe, edit_entry

    clear_amount = _means_none(amount)
    clear_answers = _means_none(answers)
    answers_id = None if answers is None or clear_answers else _entry_id(answers)
    change = EntryChange(
        value=value,
        kind=parse_kind(kind) if kind else None,
        direction=parse_direction(direction) if direction else None,
        on=app_context(ctx).date(on),
        description=description,
        amount=parse_amount(amount) if amount is not None and not clear_amount else None,
        clear_amount=clear_amount,
        answers=answers_id,
        clear_answers=clear_answers,
    )
    with transaction(ctx, write=True) as session:
        before, after = edit_entry(session, entry_id, change)
    if before == after:
        console.message(_("Nothing changed in {entry}.").format(entry=describe(after)))
    else:
        console.message(
            _("Was {before}.\nNow {after}.").format(before=describe(before), after=describe(after))
        )


def remove_other_sides(
    ctx: typer.Context,
    choice: OtherSide | None,
    *,
    entry_id: int | None = None,
    contact: str | None = None,
) -> bool:
    """Whether to remove the other side of the introductions an entry (or a contact's
    entries) belong to: as chosen with --other-side, or asked; False when there are none."""
    from wederkerig.usecases.contacts import resolve_contact
    from wederkerig.usecases.entries import describe
    from wederkerig.usecases.introductions import other_sides

    with transaction(ctx) as session:
        contact_id = resolve_contact(session, contact).id if contact else None
        partners = other_sides(session, entry_id=entry_id, contact_id=contact_id)
    if not partners or choice is not None:
        return choice is OtherSide.REMOVE
    listed = "; ".join(describe(partner) for partner in partners[:3])
    if len(partners) > 3:
        listed = _("{listed} and {count} more").format(listed=listed, count=len(partners) - 3)
    return confirmed(
        _("That is one side of an introduction. Also remove the other side: {listed}?").format(
            listed=listed
        ),
        refusal=_(
            "the other side of that introduction is {listed}: "
            "add --other-side remove or --other-side keep"
        ).format(listed=listed),
    )


def _remove(ctx: typer.Context, entry_id: int, other_side: OtherSide | None) -> None:
    from wederkerig.usecases.entries import describe
    from wederkerig.usecases.introductions import other_sides, remove_entries

    partners_too = remove_other_sides(ctx, other_side, entry_id=entry_id)
    with transaction(ctx, write=True) as session:
        partners = other_sides(session, entry_id=entry_id) if partners_too else []
        removed = remove_entries(session, [entry_id, *(partner.id for partner in partners)])
    for row in removed:
        console.message(_("Removed {entry}.").format(entry=describe(row)))


def _entry_id(text: str) -> int:
    number = int(text) if text.strip().isdigit() else 0
    if not 1 <= number <= MAX_ID:
        raise InvalidInputError(
            _("--answers '{text}' is not an entry id: give a number, or none").format(text=text)
        )
    return number


def _means_none(text: str | None) -> bool:
    """Whether an option's value asks to clear the field: none, geen, or empty."""
    return text is not None and text.strip().casefold() in CLEAR_WORDS


@app.command(
    "rm",
    rich_help_panel=RECORD_PANEL,
    help=_("Remove one entry by its id (for an introduction, asks about the other side)."),
)
def remove(
    ctx: typer.Context,
    entry_id: EntryIdArgument,
    other_side: OtherSideOption = None,
) -> None:
    _remove(ctx, entry_id, other_side)


@app.command(
    rich_help_panel=RECORD_PANEL,
    help=_(
        "Remove the entry logged most recently (on a ledger with members, your own), "
        "and say what it was."
    ),
)
def undo(ctx: typer.Context, yes: YesOption = False, other_side: OtherSideOption = None) -> None:
    from wederkerig.usecases.entries import describe, last_created

    with transaction(ctx) as session:
        undo = last_created(session, app_context(ctx).member)
    other = undo.passed_over
    words = {"entry": describe(undo.entry)}
    if other is None:
        question = _("Remove {entry}?")
        refusal = _("undo would remove {entry}; add --yes to confirm outside a terminal")
    else:
        words.update(id=str(other.id), member=str(other.member))
        question = _("The newest entry, {id}, is {member}'s. Remove your own newest, {entry}?")
        refusal = _(
            "undo would remove your own newest entry, {entry} (the newest, {id}, is "
            "{member}'s); add --yes to confirm outside a terminal"
        )
    if not yes and not confirmed(question.format(**words), refusal=refusal.format(**words)):
        console.message(_("Kept it; nothing was removed."))
        return
    _remove(ctx, undo.entry.id, other_side)
    if other is not None:
        console.message(
            _("The newest entry, {id}, is {member}'s; undid your own newest, {own}.").format(
                id=other.id, member=other.member, own=undo.entry.id
            )
        )
