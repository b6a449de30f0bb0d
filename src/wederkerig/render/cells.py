"""What every report is made of: the table skeleton, the cells for points, net, money and
days, the name column that never cuts a name, and the colours for each direction.

Reports in the other modules build on these, so that all tables look alike.
"""

from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from rich import box
from rich.console import Group
from rich.table import Column, Table
from rich.text import Text

from wederkerig.core import money
from wederkerig.core.i18n import N_, _, ngettext
from wederkerig.core.vocabulary import By, Kind

if TYPE_CHECKING:
    from wederkerig.usecases.balances import Tally
    from wederkerig.usecases.contacts import ContactCard

GAVE_STYLE, RECEIVED_STYLE = "green", "cyan"
WIDE = 110  # columns needed to show organisations and whole kind names beside the numbers
SIGN_LEGEND = N_(
    "net = gave − received, in points: + you gave more, − they gave more. "
    "Amounts of money are shown apart and never added to points."
)

# The first column's heading of a balance (CSV and JSON name that column by By's value).
HEADINGS = {
    By.CONTACT: N_("Contact"),
    By.ORGANISATION: N_("Organisation"),
    By.GROUP: N_("Group"),
    By.EVENT: N_("Event"),
    By.MEMBER: N_("Member"),
}


def arrow(gave: bool, *, wide: bool) -> Text:
    """The direction of an entry as a reader scans it: an arrow, with a word when there is room."""
    if wide:
        return Text(
            _("gave →") if gave else _("← got"), style=GAVE_STYLE if gave else RECEIVED_STYLE
        )
    return Text("→" if gave else "←", style=GAVE_STYLE if gave else RECEIVED_STYLE)


def name_column(header: str, names: Iterable[str], *, width: int | None = None) -> Column:
    """A column that never cuts a name: the other columns give way instead. Given the
    table's ``width``, a name longer than a third of it wraps onto a second line rather
    than crushing the numbers beside it."""
    widest = max((Text(name).cell_len for name in names), default=len(header))
    widest = max(widest, len(header))
    if width is not None and widest > width // 3:
        return Column(header, min_width=max(width // 3, len(header)), overflow="fold")
    return Column(header, no_wrap=True, min_width=widest, overflow="ignore")


def wrap_at(by: By, width: int) -> int | None:
    """A person's name is never wrapped (it is how they are found); an organisation's,
    group's or event's name may wrap, so the numbers beside it stay readable."""
    return None if by is By.CONTACT else width


def points(value: int) -> Text:
    return Text(str(value) if value else "·", style="dim" if not value else "")


def net(value: int) -> Text:
    if value > 0:
        return Text(f"+{value}", style=GAVE_STYLE)
    if value < 0:
        return Text(f"−{-value}", style=RECEIVED_STYLE)
    return Text("0", style="dim")


def net_or_dot(value: int) -> Text:
    return net(value) if value else Text("·", style="dim")


def amount(value: Decimal | None) -> str:
    """An amount of money in its own column, or blank: money is never shown as points."""
    return "" if not value else money.show(value)


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


def kind_cells(kind: Kind, tally: "Tally") -> list[Text | str]:
    """A kind's row of a per-kind table: its points both ways (nothing is a dim dot) and net."""
    return [kind.value, points(tally.gave), points(tally.received), net(tally.net)]


def total_cells(tally: "Tally") -> list[Text | str]:
    """The total row under :func:`kind_cells`' rows: zero is written out."""
    return [Text(_("total"), style="bold"), str(tally.gave), str(tally.received), net(tally.net)]


def section(title: str, count: int | None = None) -> Text:
    return Text(f"\n{title}" + (f" ({count})" if count is not None else ""), style="bold")


def organisation_column() -> Column:
    return Column(_("Organisation"), overflow="ellipsis", max_width=28)


def label(text: str) -> str:
    """A row's label as shown: the stand-in for rows without an organisation, group, event
    or member ('(no group)') in the reader's language; a real name exactly as it is."""
    from wederkerig.usecases.balances import NO_LABEL  # loaded already: the rows came from there

    return _(text) if text in NO_LABEL.values() else text


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
        ago = ngettext("{count} day ago", "{count} days ago", days).format(count=days)
    return Text(_("Last contact {date} ({ago}).").format(date=last.isoformat(), ago=ago))
