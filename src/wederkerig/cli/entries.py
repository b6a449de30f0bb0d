"""``wederkerig log``, ``entries`` and ``edit``: recording what flowed."""

import sys
from typing import Annotated

import typer

from wederkerig.cli.context import FIELD_HINTS, app_context, transaction
from wederkerig.cli.filters import selection_from
from wederkerig.cli.options import (
    RECORD_PANEL,
    REPORT_PANEL,
    TABLE_LIMIT,
    AllOption,
    DirectionOption,
    EntryIdArgument,
    EventOption,
    FormatOption,
    GroupOption,
    KindOption,
    OnOption,
    PeriodOption,
    SinceOption,
    TagOption,
    UntilOption,
    ValueOption,
    complete_contact,
    complete_direction,
    complete_event,
    complete_group,
    complete_kind,
)
from wederkerig.core.errors import InvalidInputError, WederkerigError
from wederkerig.core.i18n import N_, _
from wederkerig.core.vocabulary import (
    CLEAR_WORDS,
    DIRECTION_WORDS,
    KIND_WORDS,
    MAX_ID,
    entry_id,
    parse_amount,
    parse_direction,
    parse_kind,
    whole_number,
)
from wederkerig.formats.columns import Format
from wederkerig.formats.writers import write_entries
from wederkerig.render import console
from wederkerig.render import entries as entries_view

app = typer.Typer()

LOG_HINTS = {
    **FIELD_HINTS,
    "amount": N_("{problem}: drop --amount or use kind money"),
    "due": N_("{problem}: add --promise, or drop --due"),
}
EDIT_HINTS = {
    **FIELD_HINTS,
    "amount": N_("{problem}: add --amount none to drop it, or keep kind money"),
}

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
            help=_("Who: a name or alias. Leave out NAME, DIRECTION and KIND to be asked."),
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
    description: Annotated[
        list[str] | None,
        typer.Argument(
            help=_("What exactly, in a few words."),
            show_default=False,
        ),
    ] = None,
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
    group: Annotated[
        str | None,
        typer.Option(
            "--group",
            "-g",
            help=_("The collaboration (a group) it happened in: 'group show NAME --between'."),
            autocompletion=complete_group,
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
            parser=entry_id,
            help=_("The entry (the other way) this one answers."),
        ),
    ] = None,
) -> None:
    from wederkerig.usecases.entries import added_its_contact, describe, log_entry

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
    try:
        parsed_direction, parsed_kind = parse_direction(direction), parse_kind(kind)
    except InvalidInputError:
        _refuse_unquoted_name(ctx, [contact, direction, kind, *(description or ())])
        raise
    parsed_amount = parse_amount(amount) if amount is not None else None
    day = app_ctx.date(on) or app_ctx.today
    with transaction(ctx, write=True, hints=LOG_HINTS) as session:
        row = log_entry(
            session,
            contact=contact,
            direction=parsed_direction,
            kind=parsed_kind,
            description=" ".join(description or ()),
            value=1 if value is None else value,
            amount=parsed_amount,
            on=day,
            event=event,
            group=group,
            create=create,
            promise=promise,
            due=app_ctx.date(due, allow_future=True),
            answers=answers,
            member=app_ctx.member,
            now=app_ctx.now(),
        )
        added = create and added_its_contact(session, row.id)
    print(row.id)
    if added:
        console.message(_("Added contact '{name}'.").format(name=row.contact))
    console.message(_("Logged {entry}.").format(entry=describe(row)))


def _refuse_unquoted_name(ctx: typer.Context, words: list[str]) -> None:
    """'log Jan de Wit gaf kennis' reads 'de' as the direction: when the first words name a
    known contact, or are followed by a direction and a kind, say how to type the name
    rather than that 'de' is no direction."""
    from wederkerig.usecases.entries import unquoted_name

    try:
        with transaction(ctx) as session:
            name = unquoted_name(session, words)
    except WederkerigError:  # no ledger (yet): perhaps the words around the name tell
        name = None
    name = name or next(
        (
            " ".join(words[:count])
            for count in range(2, len(words) - 1)
            if words[count].casefold() in DIRECTION_WORDS
            and words[count + 1].casefold() in KIND_WORDS
        ),
        None,
    )
    if name is not None:
        raise InvalidInputError(_('put names with spaces in quotes: "{name}"').format(name=name))


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
    output_format: FormatOption = Format.TABLE,
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
        if output_format is not Format.TABLE:
            write_entries(output_format, sys.stdout, session, selection)
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
    kind: Annotated[str | None, typer.Option("--kind", "-k", autocompletion=complete_kind)] = None,
    direction: Annotated[
        str | None, typer.Option("--direction", "-d", autocompletion=complete_direction)
    ] = None,
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
    from wederkerig.usecases.corrections import EntryChange, edit_entry
    from wederkerig.usecases.entries import describe

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
    with transaction(ctx, write=True, hints=EDIT_HINTS) as session:
        before, after = edit_entry(session, entry_id, change)
    if before == after:
        console.message(_("Nothing changed in {entry}.").format(entry=describe(after)))
    else:
        console.message(
            _("Was {before}.\nNow {after}.").format(before=describe(before), after=describe(after))
        )


def _entry_id(text: str) -> int:
    try:
        number = whole_number(text)
    except ValueError:  # other scripts' digits, signs, or more digits than Python reads
        number = 0
    if not 1 <= number <= MAX_ID:
        raise InvalidInputError(
            _("--answers '{text}' is not an entry id: give a number, or none").format(text=text)
        )
    return number


def _means_none(text: str | None) -> bool:
    """Whether an option's value asks to clear the field: none, geen, or empty."""
    return text is not None and text.strip().casefold() in CLEAR_WORDS
