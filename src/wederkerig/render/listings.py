"""The short listings: what is due, tags, events, groups (and one group's view), settings."""

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.console import Group
from rich.table import Table
from rich.text import Text

from wederkerig.core.i18n import _, ngettext, pgettext
from wederkerig.core.vocabulary import View, shown_kind
from wederkerig.render import cells
from wederkerig.render.balance import balance_by_kind_table

if TYPE_CHECKING:
    from wederkerig.usecases.cadence import DueItem, TagRow
    from wederkerig.usecases.events import EventRow
    from wederkerig.usecases.groups import Contribution, GroupReport


def due_table(items: Sequence["DueItem"], *, width: int) -> Table:
    """What needs you, in the order to act on it; lateness in days (−3: due in 3 days)."""
    words = {"cadence": _("get in touch"), "my-promise": _("your promise"),
             "their-promise": _("their promise"), "unanswered": _("say thanks")}  # fmt: skip
    columns = [
        cells.Col(pgettext("what needs doing", "Due"), rank=1),
        cells.name_col(_("Contact"), (item.contact for item in items)),
        cells.Col(_("Id"), justify="right", style="dim"),
        cells.Col(_("Since"), rank=4),
        cells.Col(_("Late"), justify="right"),
        cells.Col(_("Detail"), rank=2, wrap=True),
    ]
    rows: list[list[Text | str]] = []
    for item in items:
        days = item.days_late
        if days > 0:
            when = cells.days(days)
        else:
            when = _("today") if days == 0 else _("in {days} d").format(days=cells.count(-days))
        late = Text(when, style="bold red" if days > 0 else "yellow")
        rows.append([words[item.reason], Text(item.contact), str(item.entry or ""),
                     item.since.isoformat(), late, Text(item.detail)])  # fmt: skip
    return cells.fitted(width, columns, rows)


def settings_table(rows: Sequence[tuple[str, str | None, str | None, str]], *, width: int) -> Table:
    """Settings and their values; the origin column only when it was asked for."""
    origins = any(row[2] for row in rows)
    columns = [
        cells.Col(_("Key")),
        cells.Col(_("Value"), wrap=True),
        *([cells.Col(_("From"), rank=1, wrap=True)] if origins else []),
        cells.Col(_("Meaning"), rank=2, wrap=True, style="dim"),
    ]
    lines: list[list[Text | str]] = []
    for key, value, origin, about in rows:
        line: list[Text | str] = [key, Text(value or "–", style="" if value else "dim")]
        if origins:  # "env WEDERKERIG_DB": the kind of origin is a word to translate
            kind, space, where = (origin or "").partition(" ")
            line.append(Text(f"{_(kind)}{space}{where}" if kind else ""))
        lines.append([*line, _(about)])  # the help's English stays in CSV and JSON
    return cells.fitted(width, columns, lines)


def tags_table(rows: Sequence["TagRow"], *, width: int) -> Table:
    lines: list[list[Text | str]] = []
    for row in rows:
        every = (
            ngettext("every {count} day", "every {count} days", row.every_days).format(
                count=cells.count(row.every_days)
            )
            if row.every_days
            else "–"
        )
        lines.append([Text(row.name), cells.count(row.contacts), every])
    columns = [
        cells.name_col(_("Tag"), (row.name for row in rows)),
        cells.Col(_("Contacts"), justify="right"),
        cells.Col(_("Cadence"), rank=1),
    ]
    return cells.fitted(width, columns, lines)


def events_table(events: Sequence["EventRow"], *, width: int) -> Table:
    columns = [
        cells.name_col(_("Event"), (e.name for e in events)),
        cells.Col(_("Date")),
        cells.Col(_("Place"), rank=2, wrap=True),
        cells.Col(_("Entries"), rank=1, justify="right"),
    ]
    rows: list[list[Text | str]] = [
        [Text(e.name), cells.day(e.date), Text(e.place or ""), cells.count(e.entries)]
        for e in events
    ]
    return cells.fitted(width, columns, rows)


def groups_table(groups: Sequence[tuple[str, str | None, int]], *, width: int) -> Table:
    columns = [
        cells.name_col(_("Group"), (g[0] for g in groups)),
        cells.Col(_("Members"), justify="right"),
        cells.Col(_("Note"), rank=1, wrap=True),
    ]
    rows: list[list[Text | str]] = [
        [Text(name), cells.count(members), Text(note or "")] for name, note, members in groups
    ]
    return cells.fitted(width, columns, rows)


def group_view(report: "GroupReport", *, width: int, view: View = View.SCORES) -> Group:
    """A group: who is in it, each member's contribution per kind, both ways, and what
    flowed with the group as a whole, per kind."""
    heading = Text(report.name, style="bold")
    if report.note:
        heading.append(f" · {report.note}", style="dim")
    members = ", ".join(report.members) if report.members else _("none yet")
    who = Text(_("Members: {names}").format(names=members))
    if not report.rows:
        nothing = _("No entries with its members in this period.")
        return Group(heading, who, Text(nothing, style="dim"))
    whole = cells.kinds_table(
        width, report.by_kind, report.tally, view=view, title=_("The group as a whole")
    )
    members_table = balance_by_kind_table(report.rows, width=width, view=view)
    return Group(heading, who, members_table, Text(""), whole)


def between_table(given: Sequence["Contribution"], *, width: int) -> Table:
    """``group show --between``: who gave whom what in a collaboration, per kind."""
    from wederkerig.usecases.groups import YOU  # loaded already: the rows came from there

    def shown(name: str) -> str:
        return _(name) if name == YOU else name

    columns = [
        cells.name_col(pgettext("who gave", "From"), (shown(c.giver) for c in given)),
        cells.name_col(pgettext("who received", "To"), (shown(c.receiver) for c in given)),
        cells.Col(_("Kind")),
        cells.Col(_("Pts"), justify="right"),
        cells.Col(_("Entries"), rank=1, justify="right"),
    ]
    rows: list[list[Text | str]] = [
        [
            Text(shown(c.giver)),
            Text(shown(c.receiver)),
            shown_kind(c.kind),
            cells.count(c.points),
            cells.count(c.entries),
        ]
        for c in given
    ]
    return cells.fitted(width, columns, rows)
