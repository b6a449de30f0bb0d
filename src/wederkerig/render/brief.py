"""``wederkerig brief``: one screen before a meeting, with a sparkline of points per month."""

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.table import Column, Table
from rich.text import Text

from wederkerig.core.i18n import _, ngettext
from wederkerig.core.vocabulary import Direction
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


def brief_view(brief: "Brief", *, width: int) -> Group:
    """One screen before a meeting: who, how it stands per kind with a year of months,
    what is open both ways, introductions, the last entries and what to do next."""
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
    kinds = cells.table(
        Column(_("Kind"), no_wrap=True),
        Column(_("Gave"), justify="right", style=cells.GAVE_STYLE, no_wrap=True),
        Column(_("Recv"), justify="right", style=cells.RECEIVED_STYLE, no_wrap=True),
        Column(_("Net"), justify="right", no_wrap=True),
        Column(_("Gave/month"), no_wrap=True, style=cells.GAVE_STYLE),
        Column(_("Recv/month"), no_wrap=True, style=cells.RECEIVED_STYLE),
        caption=(
            _("Per month from {first} to {last}, oldest left.").format(
                first=months[0], last=months[-1]
            )
            if months
            else None
        ),
    )
    for kind, tally in brief.by_kind.items():
        kinds.add_row(
            *cells.kind_cells(kind, tally),
            sparkline(brief.monthly.of(Direction.GAVE, kind), highest),
            sparkline(brief.monthly.of(Direction.RECEIVED, kind), highest),
        )
    kinds.add_row(*cells.total_cells(brief.tally))
    parts: list[RenderableType] = [heading, since, kinds]
    parts += cells.money_lines(brief.amount_gave, brief.amount_received)
    if brief.promises:
        parts += [
            cells.section(_("Open promises"), len(brief.promises)),
            promises_table(brief.promises, width=width),
        ]
    if brief.loops:
        parts += [
            cells.section(_("Open loops"), len(brief.loops)),
            loops_table(brief.loops, width=width),
        ]
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
    if brief.suggestions:
        suggestions = Table.grid(padding=(0, 1))
        suggestions.add_column(no_wrap=True)
        suggestions.add_column(overflow="fold")
        for line in brief.suggestions:
            suggestions.add_row("•", Text(line))
        parts += [cells.section(_("Suggestions")), suggestions]
    parts += introductions_to_suggest(brief)
    return Group(*parts)


def introductions_to_suggest(brief: "Brief") -> list[RenderableType]:
    """Who to introduce them to, and why: the words a need and an offer share."""
    if not brief.matches:
        return []
    name = brief.contact.name
    lines = Table.grid(padding=(0, 1))
    lines.add_column(no_wrap=True)
    lines.add_column(overflow="fold")
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
        lines.add_row("•", line)
    return [cells.section(_("Introductions to suggest"), len(brief.matches)), lines]
