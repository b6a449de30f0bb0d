"""What is still open: promises both ways, loops not answered yet, and introductions with
what came of them."""

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.table import Column, Table
from rich.text import Text

from wederkerig.core.i18n import _
from wederkerig.render import cells

if TYPE_CHECKING:
    from wederkerig.usecases.introductions import IntroductionRow
    from wederkerig.usecases.loops import OpenLoop
    from wederkerig.usecases.promises import OpenPromise


def _due_state(promise: "OpenPromise", *, wide: bool) -> Text:
    days = promise.due_in_days
    if days is None:
        return Text(_("no due date") if wide else "–", style="dim")
    if days < 0:
        late = _("overdue {days} d").format(days=-days) if wide else f"{days} d"
        return Text(late, style="bold red")
    if days == 0:
        return Text(_("due today") if wide else _("today"), style="yellow")
    coming = _("due in {days} d").format(days=days) if wide else f"+{days} d"
    return Text(coming, style="yellow" if days <= 7 else "")


def promises_table(promises: Sequence["OpenPromise"], *, width: int) -> Table:
    """Open promises: who owes what to whom, how old, and whether it is overdue. On a narrow
    terminal the dates give way and the due state is a count of days (−6 d: overdue)."""
    wide = width >= cells.WIDE
    table = cells.table(
        Column(_("Id"), justify="right", style="dim", no_wrap=True),
        *([Column(_("Made"), no_wrap=True)] if wide else []),
        cells.name_column(_("Contact"), (p.entry.contact for p in promises)),
        Column(_("Who"), no_wrap=True),
        Column(_("Kind"), no_wrap=True),
        Column(_("Description"), overflow="fold", min_width=12),
        *([Column(_("Age"), justify="right", no_wrap=True)] if wide else []),
        Column(_("Due"), justify="left" if wide else "right", no_wrap=True),
    )
    for promise in promises:
        e = promise.entry
        who = (
            Text(_("you"), cells.GAVE_STYLE)
            if promise.mine
            else Text(_("they"), cells.RECEIVED_STYLE)
        )
        line: list[Text | str] = [str(e.id)]
        if wide:
            line.append(e.date.isoformat())
        line += [Text(e.contact), who, e.kind, Text(e.description)]
        if wide:
            line.append(f"{promise.age_days} d")
        line.append(_due_state(promise, wide=wide))
        table.add_row(*line)
    return table


def promises_line(promises: Sequence["OpenPromise"], *, width: int = 0) -> Text:
    """Open promises, which do not count in the numbers above, summed up in one line."""

    def side(mine: bool) -> str:
        own = [p for p in promises if p.mine is mine]
        late = sum(p.overdue for p in own)
        if late:
            return _("{count} ({late} overdue)").format(count=len(own), late=late)
        return f"{len(own)}"

    return Text(
        _(
            "Open promises, not counted above: yours {yours}, theirs {theirs}; "
            "see 'wederkerig promises'."
        ).format(yours=side(True), theirs=side(False)),
        style="yellow" if any(p.overdue for p in promises) else "",
    )


def loops_table(loops: Sequence["OpenLoop"], *, width: int) -> Table:
    """Unanswered entries, oldest first, with how long they have waited."""
    wide = width >= cells.WIDE
    table = cells.table(
        Column(_("Id"), justify="right", style="dim", no_wrap=True),
        Column(_("Date"), no_wrap=True),
        cells.name_column(_("Contact"), (loop.entry.contact for loop in loops)),
        Column("", no_wrap=True),
        Column(_("Kind"), no_wrap=True),
        *([Column(_("Pts"), justify="right", no_wrap=True)] if wide else []),
        Column(_("Description"), overflow="fold", min_width=12),
        Column(_("Waiting"), justify="right", no_wrap=True),
    )
    for loop in loops:
        e = loop.entry
        gave = e.direction == "gave"
        line: list[Text | str] = [str(e.id), e.date.isoformat(), Text(e.contact)]
        line += [cells.arrow(gave, wide=wide), e.kind]
        if wide:
            line.append(str(e.value))
        line += [Text(e.description), f"{loop.age_days} d"]
        table.add_row(*line)
    table.caption = _("Close a loop by logging its answer with --answers ID.")
    table.caption_justify = "left"
    return table


def introductions_table(introductions: Sequence["IntroductionRow"], *, width: int) -> Table:
    """Who you connected to whom, and what came of it (yet to be heard: blank)."""
    wide = width >= cells.WIDE
    table = cells.table(
        Column(_("Id"), justify="right", style="dim", no_wrap=True),
        Column(_("Date"), no_wrap=True),
        cells.name_column(_("Introduced"), (i.first for i in introductions)),
        cells.name_column(_("to"), (i.second or "" for i in introductions)),
        Column(_("Why"), overflow="fold", min_width=12),
        *([Column(_("Pts"), justify="right", no_wrap=True)] if wide else []),
        Column(_("Outcome"), overflow="fold"),
    )
    for i in introductions:
        line: list[Text | str] = [str(i.id), i.date.isoformat(), Text(i.first)]
        second = Text(i.second) if i.second else Text(_("(removed)"), style="dim")
        line += [second, Text(i.why)]
        if wide:
            line.append(str(i.value))
        line.append(_outcome_cell(i))
        table.add_row(*line)
    return table


def _outcome_cell(introduction: "IntroductionRow") -> Text:
    """The outcome word (dim '–' when not known yet) and, on the next line, its note."""
    cell = Text(introduction.outcome or "–", style="" if introduction.outcome else "dim")
    if introduction.outcome_note:
        cell.append("\n").append(Text(introduction.outcome_note, style="italic"))
    return cell
