"""What is still open: promises both ways, loops not answered yet, and introductions with
what came of them."""

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text

from wederkerig.core.i18n import _
from wederkerig.core.vocabulary import shown_kind, shown_outcome
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
        late = _("overdue {days} d").format(days=cells.count(-days)) if wide else cells.days(days)
        return Text(late, style="bold red")
    if days == 0:
        return Text(_("due today") if wide else _("today"), style="yellow")
    coming = _("due in {days} d").format(days=cells.count(days)) if wide else f"+{cells.days(days)}"
    return Text(coming, style="yellow" if days <= 7 else "")


def promises_table(promises: Sequence["OpenPromise"], *, width: int) -> Table:
    """Open promises: who owes what to whom, how old, and whether it is overdue. On a narrow
    terminal the dates give way and the due state is a count of days (−6 d: overdue)."""
    wide = width >= cells.WIDE
    columns = [
        cells.Col(_("Id"), justify="right", style="dim"),
        cells.Col(_("Made"), rank=5),
        cells.name_col(_("Contact"), (p.entry.contact for p in promises)),
        cells.Col(_("Who"), rank=1),
        cells.Col(_("Kind"), rank=2),
        cells.Col(_("Description"), rank=3, wrap=True, min_width=16),
        cells.Col(_("Age"), rank=4, justify="right"),
        cells.Col(_("Due"), justify="left" if wide else "right"),
    ]
    rows: list[list[Text | str]] = []
    for promise in promises:
        e = promise.entry
        who = (
            Text(_("you"), cells.GAVE_STYLE)
            if promise.mine
            else Text(_("they"), cells.RECEIVED_STYLE)
        )
        rows.append([str(e.id), e.date.isoformat(), Text(e.contact), who, shown_kind(e.kind),
                     Text(e.description), cells.days(promise.age_days),
                     _due_state(promise, wide=wide)])  # fmt: skip
    return cells.fitted(width, columns, rows)


def promises_line(promises: Sequence["OpenPromise"], *, width: int = 0) -> Text:
    """Open promises, which do not count in the numbers above, summed up in one line."""

    def side(mine: bool) -> str:
        own = [p for p in promises if p.mine is mine]
        late = sum(p.overdue for p in own)
        if late:
            return _("{count} ({late} overdue)").format(
                count=cells.count(len(own)), late=cells.count(late)
            )
        return cells.count(len(own))

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
    columns = [
        cells.Col(_("Id"), justify="right", style="dim"),
        cells.Col(_("Date"), rank=2),
        cells.name_col(_("Contact"), (loop.entry.contact for loop in loops)),
        cells.Col("", rank=1),
        cells.Col(_("Kind"), rank=2),
        cells.Col(_("Pts"), rank=5, justify="right"),
        cells.Col(_("Description"), rank=4, wrap=True, min_width=20),
        cells.Col(_("Waiting"), justify="right"),
    ]
    rows: list[list[Text | str]] = []
    for loop in loops:
        e = loop.entry
        rows.append([str(e.id), e.date.isoformat(), Text(e.contact),
                     cells.arrow(e.direction == "gave", wide=wide), shown_kind(e.kind),
                     cells.count(e.value), Text(e.description),
                     cells.days(loop.age_days)])  # fmt: skip
    return cells.fitted(
        width, columns, rows, caption=_("Close a loop by logging its answer with --answers ID.")
    )


def introductions_table(introductions: Sequence["IntroductionRow"], *, width: int) -> Table:
    """Who you connected to whom, and what came of it (yet to be heard: blank)."""
    columns = [
        cells.Col(_("Id"), justify="right", style="dim"),
        cells.Col(_("Date"), rank=2),
        cells.name_col(_("Introduced"), (i.first for i in introductions)),
        cells.name_col(_("to"), (i.second or "" for i in introductions)),
        cells.Col(_("Why"), rank=1, wrap=True, min_width=16),
        cells.Col(_("Pts"), rank=4, justify="right"),
        cells.Col(_("Outcome"), wrap=True, min_width=8),
    ]
    rows: list[list[Text | str]] = []
    for i in introductions:
        second = Text(i.second) if i.second else Text(_("(removed)"), style="dim")
        rows.append([str(i.id), i.date.isoformat(), Text(i.first), second, Text(i.why),
                     cells.count(i.value), _outcome_cell(i)])  # fmt: skip
    return cells.fitted(width, columns, rows)


def _outcome_cell(introduction: "IntroductionRow") -> Text:
    """The outcome word (dim '–' when not known yet) and, on the next line, its note."""
    outcome = introduction.outcome
    cell = Text(shown_outcome(outcome) if outcome else "–", style="" if outcome else "dim")
    if introduction.outcome_note:
        cell.append("\n").append(Text(introduction.outcome_note, style="italic"))
    return cell
