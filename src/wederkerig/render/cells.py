"""What every report is made of: the table skeleton, the cells for points, net, money and
days, the name column that never cuts a name, and the colours for each direction.

Reports in the other modules build on these, so that all tables look alike.
"""

from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from rich import box
from rich.console import Group
from rich.table import Column, Table
from rich.text import Text

from wederkerig.core import money
from wederkerig.core.i18n import _, ngettext
from wederkerig.core.vocabulary import Kind, View, shown_kind

if TYPE_CHECKING:
    from wederkerig.usecases.balances import Tally
    from wederkerig.usecases.contacts import ContactCard

GAVE_STYLE, RECEIVED_STYLE = "green", "cyan"
WIDE = 110  # columns needed to show organisations and whole kind names beside the numbers


def arrow(gave: bool, *, wide: bool) -> Text:
    """The direction of an entry as a reader scans it: an arrow, with a word when there is room."""
    if wide:
        return Text(
            _("gave →") if gave else _("← got"), style=GAVE_STYLE if gave else RECEIVED_STYLE
        )
    return Text("→" if gave else "←", style=GAVE_STYLE if gave else RECEIVED_STYLE)


def name_column(header: str, names: Iterable[str], *, width: int | None = None) -> Column:
    """A column that never cuts a name: the other columns give way instead. Given the
    table's ``width``, a name longer than a third of it wraps onto a second line rather
    than crushing the numbers beside it."""
    widest = max((Text(name).cell_len for name in names), default=len(header))
    widest = max(widest, len(header))
    if width is not None and widest > width // 3:
        return Column(header, min_width=max(width // 3, len(header)), overflow="fold")
    return Column(header, no_wrap=True, min_width=widest, overflow="ignore")


def _points(value: int) -> Text:
    return Text(str(value) if value else "·", style="dim" if not value else "")


def net(value: int) -> Text:
    if value > 0:
        return Text(f"+{value}", style=GAVE_STYLE)
    if value < 0:
        return Text(f"−{-value}", style=RECEIVED_STYLE)
    return Text("0", style="dim")


def day(value: date | None) -> str:
    return value.isoformat() if value else ""


def table(
    *columns: Column | str,
    title: str | None = None,
    show_footer: bool = False,
    caption: str | None = None,
) -> Table:
    return Table(
        *columns,
        padding=(0, 1),
        pad_edge=False,
        collapse_padding=True,
        title=title,
        show_footer=show_footer,
        box=box.SIMPLE_HEAD,
        show_edge=False,
        title_justify="left",
        header_style="bold",
        caption=caption,
        caption_justify="left",
        caption_style="dim",
    )


def money_lines(gave: Decimal, received: Decimal) -> list[Text]:
    """The money given and received, apart from points, as one line; none when there was none."""
    if not (gave or received):
        return []
    said = _("Money, apart from points: you gave {gave} and received {received}.")
    return [Text(said.format(gave=money.show(gave), received=money.show(received)))]


def kind_cells(kind: Kind, tally: "Tally", *, scores: bool = True) -> list[Text | str]:
    """A kind's row of a per-kind table: its points both ways (nothing is a dim dot) and,
    keeping scores, the net."""
    both: list[Text | str] = [shown_kind(kind), _points(tally.gave), _points(tally.received)]
    return [*both, net(tally.net)] if scores else both


def total_cells(tally: "Tally", *, scores: bool = True) -> list[Text | str]:
    """The total row under :func:`kind_cells`' rows: zero is written out."""
    both: list[Text | str] = [Text(_("total"), style="bold"), str(tally.gave), str(tally.received)]
    return [*both, net(tally.net)] if scores else both


def net_columns(view: View) -> list[Column]:
    """The Net column of a table that keeps scores; none in the givers-gain view."""
    if view is View.GIVERS_GAIN:
        return []
    return [Column(_("Net"), justify="right", no_wrap=True)]


def section(title: str, count: int | None = None) -> Text:
    return Text(f"\n{title}" + (f" ({count})" if count is not None else ""), style="bold")


def person_heading(person: "ContactCard", groups: Sequence[str] = ()) -> Group:
    """Name and organisation, then tags and groups on a line of their own (never wrapped
    into the name)."""
    heading = Text(person.name, style="bold")
    if person.organisation:
        heading.append(f" · {person.organisation}", style="")
    labels = [_("tags: {tags}").format(tags=", ".join(person.tags))] if person.tags else []
    labels += [_("groups: {groups}").format(groups=", ".join(groups))] if groups else []
    return Group(heading, *([Text("  ".join(labels), style="dim")] if labels else []))


def last_contact(last: date | None, days_since: int | None, never: str) -> Text:
    if last is None:
        return Text(never, style="dim")
    days = days_since or 0
    if days == 0:
        ago = _("today")
    elif days == 1:
        ago = _("yesterday")
    else:
        ago = ngettext("{count} day ago", "{count} days ago", days).format(count=days)
    return Text(_("Last contact {date} ({ago}).").format(date=last.isoformat(), ago=ago))
