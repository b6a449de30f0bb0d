"""The entries table (``wederkerig entries``, and the timelines in balance and brief)."""

from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING

from rich.table import Table
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
    events = any(r.event for r in rows)
    columns = [
        cells.Col(_("Id"), justify="right", style="dim"),
        cells.Col(_("Date"), rank=1),
        *([cells.name_col(_("Contact"), (r.contact for r in rows))] if show_contact else []),
        cells.Col("", rank=2),
        cells.Col(_("Kind"), rank=4),
        cells.Col(_("Pts"), justify="right"),
        *([cells.Col(_("Amount"), justify="right")] if show_amount else []),
        cells.Col(_("Description"), rank=3, wrap=True, min_width=20),
        *([cells.Col(_("Event"), rank=6, wrap=True, max_width=28)] if events else []),
    ]
    lines: list[list[Text | str]] = []
    for r in rows:
        line: list[Text | str] = [str(r.id), r.date.isoformat()]
        if show_contact:
            line.append(Text(r.contact))
        line += [
            cells.arrow(r.direction == "gave", wide=wide),
            shown_kind(r.kind),
            cells.count(r.value),
        ]
        if show_amount:
            line.append(_amount(r.amount))
        description = Text(r.description)
        if r.amount is not None and not show_amount:
            description = Text.assemble((f"{_amount(r.amount)} ", "bold"), description)
        line.append(description)
        if events:
            line.append(Text(r.event or ""))
        lines.append(line)
    caption = None if wide else _("→ you gave, ← you received")
    return cells.fitted(width, columns, lines, title=title, caption=caption)


def _amount(value: Decimal | None) -> str:
    """An amount of money in its own column, or blank: money is never shown as points."""
    return "" if not value else money.show(value)
