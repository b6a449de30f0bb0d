"""The short listings: what is due, tags, events, groups (and one group's view), settings."""

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.console import Group
from rich.table import Column, Table
from rich.text import Text

from wederkerig.core.i18n import _, ngettext, pgettext
from wederkerig.core.vocabulary import View
from wederkerig.render import cells
from wederkerig.render.balance import balance_by_kind_table

if TYPE_CHECKING:
    from wederkerig.usecases.cadence import DueItem, TagRow
    from wederkerig.usecases.events import EventRow
    from wederkerig.usecases.groups import Contribution, GroupReport


def due_table(items: Sequence["DueItem"], *, width: int) -> Table:
    """What needs you, in the order to act on it; lateness in days (−3: due in 3 days)."""
    wide = width >= cells.WIDE
    words = {"cadence": _("get in touch"), "my-promise": _("your promise"),
             "their-promise": _("their promise"), "unanswered": _("say thanks")}  # fmt: skip
    table = cells.table(
        Column(pgettext("what needs doing", "Due"), no_wrap=True),
        cells.name_column(_("Contact"), (item.contact for item in items)),
        Column(_("Id"), justify="right", style="dim", no_wrap=True),
        *([Column(_("Since"), no_wrap=True)] if wide else []),
        Column(_("Late"), justify="right", no_wrap=True),
        Column(_("Detail"), overflow="fold", min_width=12),
    )
    for item in items:
        days = item.days_late
        if days > 0:
            when = f"{days} d"
        else:
            when = _("today") if days == 0 else _("in {days} d").format(days=-days)
        late = Text(when, style="bold red" if days > 0 else "yellow")
        line: list[Text | str] = [words[item.reason], Text(item.contact), str(item.entry or "")]
        if wide:
            line.append(item.since.isoformat())
        line += [late, Text(item.detail)]
        table.add_row(*line)
    return table


def settings_table(rows: Sequence[tuple[str, str | None, str | None, str]], *, width: int) -> Table:
    """Settings and their values; the origin column only when it was asked for."""
    origins = any(row[2] for row in rows)
    table = cells.table(
        Column(_("Key"), no_wrap=True),
        Column(_("Value"), overflow="fold"),
        *([Column(_("From"), overflow="fold")] if origins else []),
        Column(_("Meaning"), overflow="fold", style="dim"),
    )
    for key, value, origin, about in rows:
        line: list[Text | str] = [key, Text(value or "–", style="" if value else "dim")]
        if origins:  # "env WEDERKERIG_DB": the kind of origin is a word to translate
            kind, space, where = (origin or "").partition(" ")
            line.append(Text(f"{_(kind)}{space}{where}" if kind else ""))
        table.add_row(*line, _(about))  # the help's English stays in CSV and JSON
    return table


def tags_table(rows: Sequence["TagRow"], *, width: int) -> Table:
    table = cells.table(
        cells.name_column(_("Tag"), (row.name for row in rows)),
        Column(_("Contacts"), justify="right", no_wrap=True),
        Column(_("Cadence"), no_wrap=True),
    )
    for row in rows:
        every = (
            ngettext("every {count} day", "every {count} days", row.every_days).format(
                count=row.every_days
            )
            if row.every_days
            else "–"
        )
        table.add_row(Text(row.name), str(row.contacts), every)
    return table


def events_table(events: Sequence["EventRow"], *, width: int) -> Table:
    table = cells.table(
        cells.name_column(_("Event"), (e.name for e in events)),
        Column(_("Date"), no_wrap=True),
        Column(_("Place"), overflow="fold"),
        Column(_("Entries"), justify="right", no_wrap=True),
    )
    for e in events:
        table.add_row(Text(e.name), cells.day(e.date), Text(e.place or ""), str(e.entries))
    return table


def groups_table(groups: Sequence[tuple[str, str | None, int]], *, width: int) -> Table:
    table = cells.table(
        cells.name_column(_("Group"), (g[0] for g in groups)),
        Column(_("Members"), justify="right", no_wrap=True),
        Column(_("Note"), overflow="fold"),
    )
    for name, note, members in groups:
        table.add_row(Text(name), str(members), Text(note or ""))
    return table


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
    scores = view is View.SCORES
    whole = cells.table(
        Column(_("Kind"), no_wrap=True),
        Column(_("Gave"), justify="right", style=cells.GAVE_STYLE, no_wrap=True),
        Column(_("Received"), justify="right", style=cells.RECEIVED_STYLE, no_wrap=True),
        *cells.net_columns(view),
        title=_("The group as a whole"),
    )
    for kind, tally in report.by_kind.items():
        whole.add_row(*cells.kind_cells(kind, tally, scores=scores))
    whole.add_row(*cells.total_cells(report.tally, scores=scores))
    members_table = balance_by_kind_table(report.rows, width=width, view=view)
    return Group(heading, who, members_table, Text(""), whole)


def between_table(given: Sequence["Contribution"], *, width: int) -> Table:
    """``group show --between``: who gave whom what in a collaboration, per kind."""
    from wederkerig.usecases.groups import YOU  # loaded already: the rows came from there

    def shown(name: str) -> str:
        return _(name) if name == YOU else name

    table = cells.table(
        cells.name_column(pgettext("who gave", "From"), (shown(c.giver) for c in given)),
        cells.name_column(pgettext("who received", "To"), (shown(c.receiver) for c in given)),
        Column(_("Kind"), no_wrap=True),
        Column(_("Pts"), justify="right", no_wrap=True),
        Column(_("Entries"), justify="right", no_wrap=True),
    )
    for c in given:
        table.add_row(
            Text(shown(c.giver)), Text(shown(c.receiver)), c.kind, str(c.points), str(c.entries)
        )
    return table
