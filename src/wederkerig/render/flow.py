"""``wederkerig flow``: where value flowed over a stretch, per kind, top contacts, and a bar
per month each way."""

from typing import TYPE_CHECKING

from rich.bar import Bar
from rich.console import Group, RenderableType
from rich.table import Column
from rich.text import Text

from wederkerig.core.i18n import _
from wederkerig.core.vocabulary import Direction, View
from wederkerig.render import cells

if TYPE_CHECKING:
    from wederkerig.usecases.flow import Flow

FLOW_MONTHS = 36  # bars a person can compare at a glance


def flow_view(flow: "Flow", *, width: int, view: View = View.SCORES) -> Group:
    """Per kind the totals both ways (and the net, keeping scores), who you gave to and
    received from most, and a bar per month each way (Rich bars, scaled to the busiest
    month)."""
    scores = view is View.SCORES
    title = Text(
        _("Flow from {since} to {until}").format(since=flow.since, until=flow.until), style="bold"
    )
    kinds = cells.table(
        Column(_("Kind"), no_wrap=True),
        Column(_("Gave"), justify="right", style=cells.GAVE_STYLE, no_wrap=True),
        Column(_("Received"), justify="right", style=cells.RECEIVED_STYLE, no_wrap=True),
        *cells.net_columns(view),
    )
    for kind, tally in flow.by_kind.items():
        kinds.add_row(*cells.kind_cells(kind, tally, scores=scores))
    kinds.add_row(*cells.total_cells(flow.tally, scores=scores))
    top = cells.table(
        cells.name_column(_("You gave most to"), (pair[0] for pair in flow.top_gave)),
        Column(_("Pts"), justify="right", style=cells.GAVE_STYLE, no_wrap=True),
        cells.name_column(_("You received most from"), (pair[0] for pair in flow.top_received)),
        Column(_("Pts"), justify="right", style=cells.RECEIVED_STYLE, no_wrap=True),
    )
    for position in range(max(len(flow.top_gave), len(flow.top_received))):
        line: list[Text | str] = []
        for side in (flow.top_gave, flow.top_received):
            name, points = side[position] if position < len(side) else ("", 0)
            line += [Text(name), str(points) if points else ""]
        top.add_row(*line)
    gave, received = flow.monthly.of(Direction.GAVE), flow.monthly.of(Direction.RECEIVED)
    highest = max((*gave, *received), default=0) or 1
    number = max(len(str(highest)), 3)
    bar_width = max(6, (width - 8 - 2 * number - 8) // 2)
    months = cells.table(
        Column(_("Month"), no_wrap=True),
        Column(_("Gave"), no_wrap=True, width=bar_width),
        Column("", justify="right", style=cells.GAVE_STYLE, no_wrap=True, min_width=number),
        Column(_("Received"), no_wrap=True, width=bar_width),
        Column("", justify="right", style=cells.RECEIVED_STYLE, no_wrap=True, min_width=number),
    )
    rows = list(zip(flow.monthly.months, gave, received, strict=True))
    for month, out, back in rows[-FLOW_MONTHS:]:
        months.add_row(
            month,
            Bar(highest, 0, out, width=bar_width, color=cells.GAVE_STYLE),
            str(out),
            Bar(highest, 0, back, width=bar_width, color=cells.RECEIVED_STYLE),
            str(back),
        )
    parts: list[RenderableType] = [title, kinds]
    parts += cells.money_lines(flow.amount_gave, flow.amount_received)
    if flow.top_gave or flow.top_received:
        parts += [Text(""), top]
    parts += [cells.section(_("Per month, in points")), months]
    if len(rows) > FLOW_MONTHS:
        parts.append(
            Text(
                _("The newest {shown} of {count} months; all are in --format csv.").format(
                    shown=FLOW_MONTHS, count=len(rows)
                ),
                style="yellow",
            )
        )
    return Group(*parts)
