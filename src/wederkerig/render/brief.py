"""``wederkerig brief``: one screen before a meeting, with a sparkline of points per month."""

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from wederkerig.core.i18n import _, ngettext
from wederkerig.core.vocabulary import Direction, View
from wederkerig.render import cells
from wederkerig.render.entries import entries_table
from wederkerig.render.promises import introductions_table, loops_table, promises_table

if TYPE_CHECKING:
    from wederkerig.usecases.brief import Brief

SPARKS = "▁▂▃▄▅▆▇█"


def sparkline(values: Sequence[int], highest: int) -> Text:
    """One character per value, its height relative to ``highest``; nothing at all is ▁ dim."""
    line = Text()
    for value in values:
        if value <= 0 or highest <= 0:
            line.append(SPARKS[0], style="dim")
        else:
            line.append(SPARKS[min(7, 1 + (value * 6 + highest - 1) // highest)])
    return line


def _bullets(lines: Sequence[str | Text]) -> Table:
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    for line in lines:
        grid.add_row("•", Text(line) if isinstance(line, str) else line)
    return grid


def brief_view(brief: "Brief", *, width: int, view: View = View.SCORES) -> Group:
    """One screen before a meeting: who, how it stands per kind with a year of months,
    what is open both ways, introductions, the last entries and what to do next.

    The givers-gain view shows no net and no gift of yours as an open loop, and ends with
    what you could give them next."""
    scores = view is View.SCORES
    heading = cells.person_heading(brief.contact, brief.groups)
    since = cells.last_contact(
        brief.last_date, brief.days_since, _("Nothing logged with them yet.")
    )
    if brief.every_days:
        rhythm = ngettext(
            "Rhythm: every {count} day.", "Rhythm: every {count} days.", brief.every_days
        ).format(count=brief.every_days)
        since.append(f" {rhythm}", style="dim")
    months = brief.monthly.months
    highest = max((max(series) for series in brief.monthly.points.values()), default=0)
    columns = [
        cells.Col(_("Kind")),
        cells.Col(_("Gave"), rank=1, justify="right", style=cells.GAVE_STYLE),
        cells.Col(_("Recv"), rank=1, justify="right", style=cells.RECEIVED_STYLE),
        *cells.net_columns(view),
        cells.Col(_("Gave/month"), rank=2, style=cells.GAVE_STYLE),
        cells.Col(_("Recv/month"), rank=2, style=cells.RECEIVED_STYLE),
    ]
    rows: list[list[RenderableType]] = [
        [
            *cells.kind_cells(kind, tally, scores=scores),
            sparkline(brief.monthly.of(Direction.GAVE, kind), highest),
            sparkline(brief.monthly.of(Direction.RECEIVED, kind), highest),
        ]
        for kind, tally in brief.by_kind.items()
    ]
    rows.append([*cells.total_cells(brief.tally, scores=scores), "", ""])
    caption = (
        _("Per month from {first} to {last}, oldest left.").format(first=months[0], last=months[-1])
        if months
        else None
    )
    kinds = cells.fitted(width, columns, rows, caption=caption)
    parts: list[RenderableType] = [heading, since, kinds]
    parts += cells.money_lines(brief.amount_gave, brief.amount_received)
    if brief.promises:
        parts += [
            cells.section(_("Open promises"), len(brief.promises)),
            promises_table(brief.promises, width=width),
        ]
    owed = [loop for loop in brief.loops if loop.entry.direction == Direction.RECEIVED]
    loops = brief.loops if scores else owed
    if loops:
        parts += [cells.section(_("Open loops"), len(loops)), loops_table(loops, width=width)]
    if brief.introductions:
        parts += [
            cells.section(_("Introductions"), len(brief.introductions)),
            introductions_table(brief.introductions, width=width),
        ]
    if brief.recent:
        parts += [
            cells.section(_("Last entries")),
            entries_table(brief.recent, show_contact=False, width=width),
        ]
    suggestions = brief.suggestions if scores else brief.givers_suggestions
    if suggestions:
        parts += [cells.section(_("Suggestions")), _bullets(suggestions)]
    parts += introductions_to_suggest(brief)
    if not scores and brief.give_next:
        parts += [cells.section(_("What you could give next")), _bullets(brief.give_next)]
    return Group(*parts)


def introductions_to_suggest(brief: "Brief") -> list[RenderableType]:
    """Who to introduce them to, and why: the words a need and an offer share."""
    if not brief.matches:
        return []
    name = brief.contact.name
    lines: list[Text] = []
    for match in brief.matches:
        words = ", ".join(match.words)
        if match.needer == name:
            said = _("{other} offers what they need: {words}.")
            other = match.offerer
        else:
            said = _("{other} needs what they offer: {words}.")
            other = match.needer
        line = Text(said.format(other=other, words=words))
        line.highlight_words(match.words, style="bold", case_sensitive=False)
        line.append(
            "\n"
            + _('Introduce them: wederkerig intro "{name}" "{other}"').format(
                name=name, other=other
            ),
            style="dim",
        )
        lines.append(line)
    return [cells.section(_("Introductions to suggest"), len(brief.matches)), _bullets(lines)]
