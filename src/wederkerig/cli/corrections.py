"""``wederkerig rm`` and ``undo``: taking back what was logged by mistake."""

from typing import TYPE_CHECKING

import typer

from wederkerig.cli.context import (
    FIELD_HINTS,
    app_context,
    confirmed,
    other_sides_too,
    transaction,
)
from wederkerig.cli.options import RECORD_PANEL, EntryIdArgument, OtherSideOption, YesOption
from wederkerig.core.i18n import N_, _
from wederkerig.render import console

if TYPE_CHECKING:
    from wederkerig.usecases.entries import EntryRow

app = typer.Typer()


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
    from wederkerig.usecases.corrections import introduction_partners, remove_with_partners

    with transaction(ctx) as session:
        partners = introduction_partners(session, entry_id=entry_id)
    partners_too = other_sides_too(other_side, partners)
    with transaction(ctx, write=True) as session:
        removed = remove_with_partners(session, entry_id, other_sides_too=partners_too)
    _said_removed(removed)


def _said_removed(removed: "list[EntryRow]") -> None:
    from wederkerig.usecases.entries import describe

    for row in removed:
        console.message(_("Removed {entry}.").format(entry=describe(row)))


@app.command(
    rich_help_panel=RECORD_PANEL,
    help=_(
        "Remove the entry logged most recently (on a ledger with members, your own), "
        "and say what it was."
    ),
)
def undo(ctx: typer.Context, yes: YesOption = False, other_side: OtherSideOption = None) -> None:
    from wederkerig.usecases.corrections import introduction_partners, last_created, undo_newest
    from wederkerig.usecases.entries import describe

    member = app_context(ctx).member
    with transaction(ctx) as session:
        undo = last_created(session, member)
        partners = introduction_partners(session, entry_id=undo.entry.id)
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
    partners_too = other_sides_too(other_side, partners)
    hints = {**FIELD_HINTS, "entry": N_("{problem}: run undo again to see it")}
    with transaction(ctx, write=True, hints=hints) as session:
        undone = undo_newest(session, member, expected=undo.entry.id, other_sides_too=partners_too)
    _said_removed(undone.entries)
    if other is not None:
        console.message(
            _("The newest entry, {id}, is {member}'s; undid your own newest, {own}.").format(
                id=other.id, member=other.member, own=undo.entry.id
            )
        )
    if undone.contact is not None:
        console.message(_("Removed contact '{name}'.").format(name=undone.contact))
