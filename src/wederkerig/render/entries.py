"""The entries table (``wederkerig entries``, and the timelines in balance and brief)."""

from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING

from rich.table import Column, Table
from rich.text import Text

from wederkerig.core import money
from wederkerig.core.i18n import _
from wederkerig.core.vocabulary import shown_kind
from wederkerig.render import cells

if TYPE_CHECKING:
    from wederkerig.usecases.entries import EntryRow


def entries_table(
    rows: Iterable["EntryRow"],
    *,
    width: int,
    title: str | None = None,
    show_contact: bool = True,
) -> Table:
    """Entries in date order. Only the description wraps; on a narrow terminal the direction
    becomes an arrow and the amount moves into the description, the event is left out."""
    rows = list(rows)
    wide = width >= cells.WIDE
    show_amount = wide and any(r.amount is not None for r in rows)
    show_event = wide and any(r.event for r in rows)
    table = cells.table(
        Column(_("Id"), justify="right", style="dim", no_wrap=True),
        Column(_("Date"), no_wrap=True, min_width=10),
        *([cells.name_column(_("Contact"), (r.contact for r in rows))] if show_contact else []),
        Column("", no_wrap=True),
        Column(_("Kind"), no_wrap=True),
        Column(_("Pts"), justify="right", no_wrap=True),
        *([Column(_("Amount"), justify="right", no_wrap=True)] if show_amount else []),
        Column(_("Description"), overflow="fold", min_width=20),
        *([Column(_("Event"), overflow="fold", max_width=28)] if show_event else []),
        title=title,
    )
    for r in rows:
        gave = r.direction == "gave"
        line: list[Text | str] = [str(r.id), r.date.isoformat()]
        if show_contact:
            line.append(Text(r.contact))
        line += [cells.arrow(gave, wide=wide), shown_kind(r.kind), str(r.value)]
        if show_amount:
            line.append(_amount(r.amount))
        description = Text(r.description)
        if r.amount is not None and not show_amount:
            description = Text.assemble((f"{_amount(r.amount)} ", "bold"), description)
        line.append(description)
        if show_event:
            line.append(Text(r.event or ""))
        table.add_row(*line)
    if not wide:
        table.caption = _("→ you gave, ← you received")
        table.caption_justify = "left"
    return table


def _amount(value: Decimal | None) -> str:
    """An amount of money in its own column, or blank: money is never shown as points."""
    return "" if not value else money.show(value)
