"""What every report is made of: the table skeleton and the fitter that makes it fit any
width (whole columns give way, least important first; nothing kept is cut), the cells for
points, net, money and days, and the colours for each direction.

Reports in the other modules build on these, so that all tables look alike.
"""

import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from rich import box
from rich.console import Console, Group, JustifyMethod, RenderableType
from rich.measure import Measurement
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


GAP = 2  # what :func:`table` puts between two columns (a divider and one collapsed padding)
_MEASURE = Console(file=io.StringIO(), width=1000, highlight=False, emoji=False)


@dataclass(frozen=True)
class Col:
    """A column and how it gives way on a narrow terminal.

    ``rank`` 0 is never dropped; when a table does not fit, whole columns go, the highest
    rank first (then the rightmost), so nothing in a column that stays is ever cut. A column
    that does not ``wrap`` (numbers, dates, ids, states) is as wide as its widest cell; one
    that wraps breaks at word boundaries, down to ``min_width``.
    """

    header: str
    rank: int = 0
    wrap: bool = False
    justify: JustifyMethod = "left"
    style: str = ""
    min_width: int = 12
    max_width: int | None = None


def name_col(header: str, names: Iterable[str], width: int | None = None, *, rank: int = 0) -> Col:
    """A column of names, never cut. Given the table's ``width``, a name longer than a third
    of it wraps at word boundaries so the numbers beside it keep their room; without, a
    name (how a person is found) stays whole on one line."""
    widest = max((Text(name).cell_len for name in names), default=0)
    widest = max(widest, Text(header).cell_len)
    if width is not None:
        widest = min(widest, max(width // 3, len(header)))
    return Col(header, rank=rank, wrap=True, min_width=widest)


def _extent(cell: "RenderableType") -> Measurement:
    return Measurement.get(
        _MEASURE, _MEASURE.options, Text(cell) if isinstance(cell, str) else cell
    )


def _need(col: Col, cells: Iterable["RenderableType"]) -> tuple[int, int, int, int]:
    """How wide a column would be, how narrow it may get, then narrower still when nothing
    else can give way, and how wide it would like to be. A column that does not wrap is
    its widest cell, always. One that wraps is ``min_width``, may narrow to its longest
    word, then (a path, a URL) to its header's, folding what is longer, and would like its
    longest line."""
    header = _extent(col.header)
    extents = [header, *(_extent(cell) for cell in cells)]
    widest = max(extent.maximum for extent in extents)
    if not col.wrap:
        return widest, widest, widest, widest
    word = max(extent.minimum for extent in extents)
    want = min(widest, col.max_width or widest)
    return max(min(widest, col.min_width), word), word, max(header.minimum, 1), want


def fitted(
    width: int,
    cols: Sequence[Col],
    rows: Sequence[Sequence["RenderableType"]],
    *,
    footer: Sequence["RenderableType"] | None = None,
    title: str | None = None,
    caption: str | None = None,
) -> Table:
    """A :func:`table` of the columns that fit ``width``: the highest-ranked go whole until
    the rest fit (then wrapping columns narrow, to their longest word first), and the room
    left goes to the wrapping ones. Every width is fixed here, so Rich never cuts a cell."""
    everything = [*rows, *([footer] if footer is not None else [])]
    sizes = [_need(col, [row[i] for row in everything]) for i, col in enumerate(cols)]
    needs = [size[0] for size in sizes]
    kept = list(range(len(cols)))

    def room() -> int:
        return sum(needs[i] for i in kept) + GAP * (len(kept) - 1)

    while room() > width and any(cols[i].rank for i in kept):
        kept.remove(max(reversed(kept), key=lambda i: cols[i].rank))
    for floor in (1, 2):  # to the longest word, then (folding it) to the header's
        while room() > width and any(needs[i] > sizes[i][floor] for i in kept):
            needs[max(kept, key=lambda i: needs[i] - sizes[i][floor])] -= 1
    while room() < width and any(needs[i] < sizes[i][3] for i in kept):
        needs[max(kept, key=lambda i: sizes[i][3] - needs[i])] += 1
    result = table(
        *(
            Column(
                cols[i].header,
                justify=cols[i].justify,
                style=cols[i].style,
                no_wrap=not cols[i].wrap,
                overflow="fold" if cols[i].wrap else "ellipsis",
                width=needs[i],
            )
            for i in kept
        ),
        title=title,
        show_footer=footer is not None,
        caption=caption,
    )
    for row in rows:
        result.add_row(*(row[i] for i in kept))
    if footer is not None:
        for column, i in zip(result.columns, kept, strict=True):
            column.footer = footer[i]
    return result


def name_column(header: str, names: Iterable[str], *, width: int | None = None) -> Column:
    """A column that never cuts a name: the other columns give way instead. Given the
    table's ``width``, a name longer than a third of it wraps onto a second line rather
    than crushing the numbers beside it."""
    widest = max((Text(name).cell_len for name in names), default=len(header))
    widest = max(widest, len(header))
    if width is not None and widest > width // 3:
        return Column(header, min_width=max(width // 3, len(header)), overflow="fold")
    return Column(header, no_wrap=True, min_width=widest, overflow="ignore")


def count(value: int) -> str:
    """A count or points for people, with the reader's thousands separator."""
    return money.number(value)


def _points(value: int) -> Text:
    return Text(count(value) if value else "·", style="dim" if not value else "")


def net(value: int) -> Text:
    """Net points with their sign: + you gave more, − (a minus sign, never a hyphen) they did."""
    if value > 0:
        return Text(f"+{count(value)}", style=GAVE_STYLE)
    if value < 0:
        return Text(f"−{count(-value)}", style=RECEIVED_STYLE)
    return Text("0", style="dim")


def days(value: int) -> str:
    """A number of days, signed the way :func:`net` is: ``−6 d``, ``+3 d``, ``12 d``."""
    if value < 0:
        return f"−{count(-value)} d"
    return f"{count(value)} d"


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
    both: list[Text | str] = [
        Text(_("total"), style="bold"),
        count(tally.gave),
        count(tally.received),
    ]
    return [*both, net(tally.net)] if scores else both


def kinds_table(
    width: int,
    by_kind: Mapping[Kind, "Tally"],
    tally: "Tally",
    *,
    view: View = View.SCORES,
    title: str | None = None,
) -> Table:
    """Points per kind both ways, a total row, and the net when keeping scores."""
    scores = view is View.SCORES
    return fitted(
        width,
        [
            Col(_("Kind")),
            Col(_("Gave"), justify="right", style=GAVE_STYLE),
            Col(_("Received"), justify="right", style=RECEIVED_STYLE),
            *net_columns(view),
        ],
        [
            *(kind_cells(kind, kind_tally, scores=scores) for kind, kind_tally in by_kind.items()),
            total_cells(tally, scores=scores),
        ],
        title=title,
    )


def net_columns(view: View) -> list[Col]:
    """The Net column of a table that keeps scores; none in the givers-gain view."""
    if view is View.GIVERS_GAIN:
        return []
    return [Col(_("Net"), justify="right")]


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
        ago = ngettext("{count} day ago", "{count} days ago", days).format(count=count(days))
    return Text(_("Last contact {date} ({ago}).").format(date=last.isoformat(), ago=ago))
