"""``wederkerig log`` with no arguments: guided prompts right after a conversation.

One field at a time (Tab completes names, kinds and events), ``<`` goes back a field, and
several things given and received in one conversation are saved together at the end;
Ctrl-C saves nothing.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import partial
from typing import TYPE_CHECKING

import typer

from wederkerig.cli.context import AppContext, app_context, transaction
from wederkerig.cli.prompts import Back, Skip, ask, fill, until_valid, yes
from wederkerig.core import i18n, money
from wederkerig.core.errors import InvalidInputError, NotFoundError
from wederkerig.core.i18n import _, ngettext
from wederkerig.core.vocabulary import (
    CLEAR_WORDS,
    Direction,
    Kind,
    format_amount,
    parse_amount,
    parse_direction,
    parse_kind,
    whole_number,
)
from wederkerig.core.words import DIRECTIONS, KINDS, offered
from wederkerig.render import console

if TYPE_CHECKING:
    from wederkerig.usecases.entries import EntryRow
    from wederkerig.usecases.loops import OpenLoop


@dataclass
class _Item:
    direction: Direction | None = None
    kind: Kind | None = None
    description: str = ""
    amount: Decimal | None = None
    value: int = 1
    on: date | None = None
    event: str | None = None
    answers: int | None = None  # the open loop this give answers
    promise: bool = False
    due: date | None = None


@dataclass
class _Conversation:
    contact: str | None = None
    create: bool = False
    items: list[_Item] = field(default_factory=list)


def _names(ctx: typer.Context, what: str) -> list[str]:
    """Known names for type-ahead: from a ledger file as Tab completion reads them (never
    creating it); from a database server through the ledger, which Tab completion never asks."""
    from wederkerig.cli.completion import candidates, names_in
    from wederkerig.settings.paths import sqlite_file

    target = app_context(ctx).target
    if sqlite_file(target) is not None:
        return candidates(what, target, "")
    with transaction(ctx, create=True) as session:
        return names_in(session, what)


def _ask_contact(ctx: typer.Context, talk: _Conversation) -> None:
    from wederkerig.usecases.contacts import resolve_contact, suggestions

    while True:
        typed = ask(_("Who did you talk to"), choices=_names(ctx, "contact"))
        if not typed:
            continue
        with transaction(ctx, create=True) as session:
            try:
                talk.contact, talk.create = resolve_contact(session, typed).name, False
                return
            except NotFoundError:
                alike = suggestions(session, typed)
        for number, name in enumerate(alike, start=1):
            console.message(f"  {number}. {name}")
        pick = ask(
            _("No contact '{name}'. Pick a number, or n to add '{name}' as new").format(name=typed),
            default="n" if not alike else "1",
        )
        numbers = [str(number) for number in range(1, len(alike) + 1)]
        if pick.strip() in numbers:
            talk.contact, talk.create = alike[numbers.index(pick.strip())], False
            return
        if pick.casefold() in {"n", "new", "nieuw"}:
            talk.contact, talk.create = typed, True
            return


def _in_my_words(words: dict[str, str], stored: str) -> str:
    """A stored kind or direction as the user's language types it (kennis, kreeg)."""
    return words.get(stored, stored) if i18n.language() == "nl" else stored


def _next_item(talk: _Conversation) -> _Item:
    """A new item of the conversation: it happened on the same day at the same event as the
    one before, so those are carried over (one conversation, one date)."""
    if not talk.items:
        return _Item()
    return _Item(on=talk.items[-1].on, event=talk.items[-1].event)


def _item_steps(ctx: typer.Context, talk: _Conversation, item: _Item) -> list[Callable[[], None]]:
    from wederkerig.usecases.entries import check_description, check_due, describe

    app_ctx: AppContext = app_context(ctx)

    def last() -> "EntryRow | None":
        """The newest entry with this contact: its direction and kind are offered."""
        if talk.create or talk.contact is None:
            return None
        from wederkerig.usecases.entries import last_entry_with

        with transaction(ctx, create=True) as session:
            return last_entry_with(session, talk.contact)

    def direction() -> None:
        before = last()
        typed = ask(
            _("Gave or received"),
            default=_in_my_words(DIRECTIONS, before.direction) if before else None,
            why=_("as last time"),
            choices=offered(DIRECTIONS),
        )
        if not typed:
            raise InvalidInputError(_("Type gave or received (Tab completes)."))
        item.direction = parse_direction(typed)

    def kind() -> None:
        before = last()
        typed = ask(
            _("Which kind (knowledge, talent, money, access)"),
            default=_in_my_words(KINDS, before.kind) if before else None,
            why=_("as last time"),
            choices=offered(KINDS),
        )
        if not typed:
            raise InvalidInputError(_("Type knowledge, talent, money or access (Tab completes)."))
        item.kind = parse_kind(typed)

    def description() -> None:
        item.description = check_description(ask(_("What exactly")))  # now, not at 'Save?'

    def amount() -> None:
        if item.kind is not Kind.MONEY:
            item.amount = None  # the kind may have changed after going back
            raise Skip
        typed = ask(
            _("How much, in {currency} (Enter for none)").format(currency=money.currency()),
            default=format_amount(item.amount),
        )  # back here after '<', 'none' clears the amount offered
        item.amount = None if typed.casefold() in CLEAR_WORDS else parse_amount(typed)

    def value() -> None:
        usual = None
        if not talk.create and item.kind is not None and talk.contact is not None:
            from wederkerig.usecases.entries import usual_value

            with transaction(ctx, create=True) as session:
                usual = usual_value(session, talk.contact, item.kind)
        typed = ask(
            _("Worth how many points (1 small, 3 a real favour, 5 life-changing)"),
            default=str(usual or 1),
            why=_("as last time") if usual else None,
        )
        try:
            item.value = whole_number(typed)
        except ValueError:
            raise InvalidInputError(
                _("'{typed}' is not a whole number of points").format(typed=typed)
            ) from None

    def when() -> None:
        carried = item.on.isoformat() if item.on else _("today")
        item.on = app_ctx.date(ask(_("When"), default=carried))

    def event() -> None:
        known = _names(ctx, "event")
        if item.event:
            typed = ask(_("At an event ('none' for none)"), default=item.event, choices=known)
            typed = "" if typed.casefold() in CLEAR_WORDS else typed
        else:
            typed = ask(_("At an event (Enter for none)"), choices=known)
        seen = {name.casefold() for name in known} | {(item.event or "").casefold()}
        new = typed and typed.casefold() not in seen
        if new and not yes(_("'{name}' is a new event: add it?").format(name=typed), default=False):
            raise InvalidInputError(_("then leave the event empty, or pick a known one (Tab)"))
        item.event = typed or None

    def answers() -> None:
        loops = _answerable(ctx, talk, item)
        if not loops:
            item.answers = None  # the direction may have changed after going back
            raise Skip
        console.message(_("Still open with {contact}:").format(contact=talk.contact))
        for number, loop in enumerate(loops, start=1):
            console.message(f"  {number}. {describe(loop.entry)}")
        typed = ask(_("Does this answer one of them? Pick a number, or Enter for none"))
        numbers = [str(number) for number in range(1, len(loops) + 1)]
        if typed and typed not in numbers:
            raise InvalidInputError(
                _("Pick a number from 1 to {count}, or press Enter for none.").format(
                    count=len(loops)
                )
            )
        item.answers = loops[numbers.index(typed)].entry.id if typed else None

    def promise() -> None:
        item.promise = yes(_("Only promised, not done yet?"), default=item.promise)

    def due() -> None:
        if not item.promise:
            item.due = None
            raise Skip
        typed = ask(_("Due when (Enter for no date)"))
        assert item.on is not None
        item.due = app_ctx.date(typed, allow_future=True) if typed else None
        check_due(item.on, item.due)

    return [direction, kind, description, amount, value, when, event, answers, promise, due]


def _answerable(ctx: typer.Context, talk: _Conversation, item: _Item) -> "list[OpenLoop]":
    """The open loops a give to this contact may answer, less those the conversation's
    earlier items already answer."""
    if item.direction is not Direction.GAVE or talk.create or talk.contact is None:
        return []
    from wederkerig.usecases.loops import open_loops_with

    taken = {earlier.answers for earlier in talk.items}
    with transaction(ctx, create=True) as session:
        loops = open_loops_with(session, talk.contact, today=app_context(ctx).today)
    return [loop for loop in loops if loop.entry.id not in taken]


def _summary(talk: _Conversation) -> str:
    heading = _("With {contact} (new contact):") if talk.create else _("With {contact}:")
    lines = [heading.format(contact=talk.contact)]
    for item in talk.items:
        assert item.direction is not None
        assert item.kind is not None
        words = f' "{item.description}"' if item.description else ""
        amount = f", {money.show(item.amount)}" if item.amount is not None else ""
        at = _(" at {event}").format(event=item.event) if item.event else ""
        if item.answers is not None:
            at += _(", answering entry {id}").format(id=item.answers)
        if item.promise:
            at += _(", promised, due {date}").format(date=item.due) if item.due else _(", promised")
        line = ngettext(
            "{direction} {kind}{description}, {value} point{amount}, on {day}{event}",
            "{direction} {kind}{description}, {value} points{amount}, on {day}{event}",
            item.value,
        ).format(
            direction=item.direction.value,
            kind=item.kind.value,
            description=words,
            value=item.value,
            amount=amount,
            day=item.on,
            event=at,
        )
        lines.append(f"  {line}")
    return "\n".join(lines)


def _converse(ctx: typer.Context, talk: _Conversation) -> bool:
    """Ask for items until there are no more, then whether to save them; '<' at either
    question goes back into the last item rather than throwing the conversation away."""
    first = partial(_ask_contact, ctx, talk)
    while True:
        item = _next_item(talk)
        steps = _item_steps(ctx, talk, item)
        fill(steps, first=first)
        talk.items.append(item)
        while True:
            try:
                if yes(_("Anything else in this conversation?"), default=False):
                    break
                console.message(_summary(talk))
                return yes(_("Save?"), default=True)
            except Back:
                talk.items.pop()  # its open loop may be offered again while it is changed
                fill(steps, first=first, start=len(steps) - 1)
                talk.items.append(item)


def guided_log(ctx: typer.Context) -> None:
    """Ask for a conversation's entries, show them, and save them together if confirmed."""
    from wederkerig.usecases.entries import describe, log_entry

    talk = _Conversation()
    try:
        until_valid(lambda: _ask_contact(ctx, talk))
        if not _converse(ctx, talk):
            console.message(_("Nothing was saved."))
            return
    except (KeyboardInterrupt, EOFError, Back):
        console.message("\n" + _("Nothing was saved."))
        raise typer.Exit(130) from None
    app_ctx = app_context(ctx)
    saved: list[EntryRow] = []
    with transaction(ctx, write=True) as session:
        for item in talk.items:
            assert talk.contact is not None
            assert item.direction is not None
            assert item.kind is not None
            assert item.on is not None
            saved.append(
                log_entry(
                    session, contact=talk.contact, direction=item.direction, kind=item.kind,
                    description=item.description, value=item.value, amount=item.amount,
                    on=item.on, event=item.event, create=True, promise=item.promise,
                    due=item.due, answers=item.answers, member=app_ctx.member, now=app_ctx.now(),
                )
            )  # fmt: skip
    for row in saved:
        print(row.id)
        console.message(_("Logged {entry}.").format(entry=describe(row)))
