"""Contacts: the list and one contact's card."""

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.console import Group
from rich.text import Text

from wederkerig.core.i18n import _, ngettext
from wederkerig.core.vocabulary import ContactOrder
from wederkerig.render import cells

if TYPE_CHECKING:
    from wederkerig.usecases.contacts import ContactSummary, ListedContact


def contacts_table(
    listed: Sequence["ListedContact"], *, width: int, order: ContactOrder = ContactOrder.NAME
) -> Group:
    """Contacts; a narrow terminal shows name, organisation and tags, and says what it left out.
    Sorted by last contact or net, that figure is shown beside the name."""
    figure = {
        ContactOrder.LAST: [cells.Col(_("Last contact"))],
        ContactOrder.NET: [cells.Col(_("Net"), justify="right")],
    }.get(order, [])
    columns = [
        cells.name_col(_("Name"), (one.card.name for one in listed)),
        *figure,
        cells.Col(_("Organisation"), rank=1, wrap=True),
        cells.Col(_("Email"), rank=3, wrap=True),
        cells.Col(_("Tags"), rank=2, wrap=True),
        cells.Col(_("Aliases"), rank=4, wrap=True),
        cells.Col(_("Note"), rank=5, wrap=True),
    ]
    rows = [
        [
            Text(one.card.name),
            *([_sorted_by(one, order)] if figure else []),
            Text(one.card.organisation or ""),
            Text(one.card.email or ""),
            Text(", ".join(one.card.tags)),
            Text(", ".join(one.card.aliases)),
            Text(one.card.note or ""),
        ]
        for one in listed
    ]
    table = cells.fitted(width, columns, rows)
    if len(table.columns) == len(columns):
        return Group(table)
    return Group(
        table, Text(_("Email, aliases and notes: a wider terminal or --format csv."), style="dim")
    )


def _sorted_by(one: "ListedContact", order: ContactOrder) -> Text:
    """The figure ``contact list --sort`` orders by: the last contact's date, or the net."""
    if order is ContactOrder.NET:
        return cells.net(one.net)
    return Text(cells.day(one.last_date) or _("never"), style="" if one.last_date else "dim")


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
            count=cells.count(summary.entries),
            first=cells.day(summary.first_date),
            last=cells.day(summary.last_date),
        )
        lines.append(Text(f"  {count}", style="dim"))
    else:
        lines.append(Text("  " + _("no entries yet"), style="dim"))
    if summary.last_date is not None:
        lines.append(
            Text.assemble("  ", cells.last_contact(summary.last_date, summary.days_since, ""))
        )
    if summary.every_days:
        every = ngettext(
            "stay in touch every {count} day",
            "stay in touch every {count} days",
            summary.every_days,
        ).format(count=summary.every_days)
        lines.append(Text(f"  {every}", style="dim"))
    return Group(*lines)
