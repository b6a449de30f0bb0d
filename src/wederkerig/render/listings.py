"""The short listings: what is due, tags, events, groups (and one group's view), settings."""

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.console import Group
from rich.table import Column, Table
from rich.text import Text

from wederkerig.core.i18n import _, ngettext, pgettext
from wederkerig.render import cells
from wederkerig.render.balance import balance_by_kind_table

if TYPE_CHECKING:
    from wederkerig.usecases.balances import BalanceRow
    from wederkerig.usecases.cadence import DueItem, TagRow
    from wederkerig.usecases.events import EventRow


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


def group_view(
    name: str,
    note: str | None,
    members: Sequence[str],
    rows: Sequence["BalanceRow"],
    *,
    width: int,
) -> Group:
    """A group: who is in it, and each member's contribution per kind, both ways."""
    heading = Text(name, style="bold")
    if note:
        heading.append(f" · {note}", style="dim")
    who = Text(_("Members: {names}").format(names=", ".join(members) if members else _("none yet")))
    if not rows:
        nothing = _("No entries with its members in this period.")
        return Group(heading, who, Text(nothing, style="dim"))
    return Group(heading, who, balance_by_kind_table(rows, width=width))
