"""Contacts: the list and one contact's card."""

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.console import Group
from rich.table import Column
from rich.text import Text

from wederkerig.core.i18n import _, ngettext
from wederkerig.render import cells

if TYPE_CHECKING:
    from wederkerig.usecases.contacts import ContactCard, ContactSummary


def contacts_table(cards: Sequence["ContactCard"], *, width: int) -> Group:
    """Contacts; a narrow terminal shows name, organisation and tags, and says what it left out."""
    wide = width >= cells.WIDE
    table = cells.table(
        cells.name_column(_("Name"), (c.name for c in cards)),
        Column(_("Organisation"), overflow="fold"),
        *([Column(_("Email"), overflow="fold")] if wide else []),
        Column(_("Tags"), overflow="fold"),
        *(
            [Column(_("Aliases"), overflow="fold"), Column(_("Note"), overflow="fold")]
            if wide
            else []
        ),
    )
    for c in cards:
        line = [Text(c.name), Text(c.organisation or "")]
        if wide:
            line.append(Text(c.email or ""))
        line.append(Text(", ".join(c.tags)))
        if wide:
            line += [Text(", ".join(c.aliases)), Text(c.note or "")]
        table.add_row(*line)
    if wide:
        return Group(table)
    return Group(
        table, Text(_("Email, aliases and notes: a wider terminal or --format csv."), style="dim")
    )


def contact_summary(summary: "ContactSummary", *, width: int) -> Group:
    """``contact show``: the card, then how much there is with them; ``width`` is unused
    (a card's lines fold as the terminal does)."""
    c = summary.card
    lines = [Text(c.name, style="bold")]
    for label, value in (
        (_("organisation"), c.organisation),
        (_("email"), c.email),
        (_("tags"), ", ".join(c.tags)),
        (_("groups"), ", ".join(summary.groups)),
        (_("aliases"), ", ".join(c.aliases)),
        (_("note"), c.note),
        (_("needs"), c.needs),
        (_("offers"), c.offers),
    ):
        if value:
            lines.append(Text.assemble((f"  {label}: ", "dim"), value))
    if summary.entries:
        count = ngettext(
            "{count} entry, {first} to {last}",
            "{count} entries, {first} to {last}",
            summary.entries,
        ).format(
            count=summary.entries,
            first=cells.day(summary.first_date),
            last=cells.day(summary.last_date),
        )
        lines.append(Text(f"  {count}", style="dim"))
    else:
        lines.append(Text("  " + _("no entries yet"), style="dim"))
    if summary.every_days:
        every = ngettext(
            "stay in touch every {count} day",
            "stay in touch every {count} days",
            summary.every_days,
        ).format(count=summary.every_days)
        lines.append(Text(f"  {every}", style="dim"))
    return Group(*lines)
