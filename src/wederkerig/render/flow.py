"""``wederkerig flow``: where value flowed over a stretch, per kind, top contacts, and a bar
per month each way."""

from typing import TYPE_CHECKING

from rich.bar import Bar
from rich.console import Group, RenderableType
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
    title = Text(
        _("Flow from {since} to {until}").format(since=flow.since, until=flow.until), style="bold"
    )
    kinds = cells.kinds_table(width, flow.by_kind, flow.tally, view=view)
    top_rows: list[list[Text | str]] = []
    for position in range(max(len(flow.top_gave), len(flow.top_received))):
        line: list[Text | str] = []
        for side in (flow.top_gave, flow.top_received):
            name, points = side[position] if position < len(side) else ("", 0)
            line += [Text(name), cells.count(points) if points else ""]
        top_rows.append(line)
    top = cells.fitted(
        width,
        [
            cells.name_col(_("You gave most to"), (pair[0] for pair in flow.top_gave)),
            cells.Col(_("Pts"), justify="right", style=cells.GAVE_STYLE),
            cells.name_col(_("You received most from"), (pair[0] for pair in flow.top_received)),
            cells.Col(_("Pts"), justify="right", style=cells.RECEIVED_STYLE),
        ],
        top_rows,
    )
    gave, received = flow.monthly.of(Direction.GAVE), flow.monthly.of(Direction.RECEIVED)
    highest = max((*gave, *received), default=0) or 1
    number = max(len(cells.count(highest)), 3)
    bar_width = max(6, (width - 8 - 2 * number - 8) // 2)
    headers = [_("Gave"), _("Received")]
    if any(len(header) > bar_width for header in headers):  # a phone: arrows head the bars
        headers = [cells.arrow(True, wide=False).plain, cells.arrow(False, wide=False).plain]
    rows = list(zip(flow.monthly.months, gave, received, strict=True))
    months = cells.fitted(
        width,
        [
            cells.Col(_("Month")),
            cells.Col(headers[0]),
            cells.Col("", justify="right", style=cells.GAVE_STYLE),
            cells.Col(headers[1]),
            cells.Col("", justify="right", style=cells.RECEIVED_STYLE),
        ],
        [
            [
                month,
                Bar(highest, 0, out, width=bar_width, color=cells.GAVE_STYLE),
                cells.count(out),
                Bar(highest, 0, back, width=bar_width, color=cells.RECEIVED_STYLE),
                cells.count(back),
            ]
            for month, out, back in rows[-FLOW_MONTHS:]
        ],
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
                    shown=FLOW_MONTHS, count=cells.count(len(rows))
                ),
                style="yellow",
            )
        )
    return Group(*parts)
