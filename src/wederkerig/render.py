"""Rich rendering for people: tables and reports on stdout, messages on stderr.

User data always enters as :class:`~rich.text.Text`, never as markup, so a name such as
``[bold]Jan`` or one with terminal escapes is shown literally.
"""

import io
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from rich import box
from rich.bar import Bar
from rich.console import Console, Group, RenderableType
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Column, Table
from rich.text import Text

from wederkerig.core import money
from wederkerig.core.i18n import N_, _, ngettext, pgettext
from wederkerig.core.vocabulary import By, Direction, Kind

if TYPE_CHECKING:
    from wederkerig.usecases.balances import BalanceRow, ContactBalance, Tally
    from wederkerig.usecases.brief import Brief
    from wederkerig.usecases.cadence import DueItem, TagRow
    from wederkerig.usecases.contacts import ContactCard, ContactSummary
    from wederkerig.usecases.entries import EntryRow
    from wederkerig.usecases.events import EventRow
    from wederkerig.usecases.flow import Flow
    from wederkerig.usecases.import_contacts import ContactImportReport
    from wederkerig.usecases.import_entries import ImportReport
    from wederkerig.usecases.introductions import IntroductionRow
    from wederkerig.usecases.loops import OpenLoop
    from wederkerig.usecases.merging import Merge
    from wederkerig.usecases.periods import PeriodBalances
    from wederkerig.usecases.promises import OpenPromise

GAVE_STYLE, RECEIVED_STYLE = "green", "cyan"
_UNSAFE = {"Cc", "Cf", "Zl", "Zp"}  # control, format (bidi), line and paragraph separators
FLOW_MONTHS = 36  # bars a person can compare at a glance
WIDE = 110  # columns needed to show organisations and whole kind names beside the numbers
SIGN_LEGEND = N_(
    "net = gave − received, in points: + you gave more, − they gave more. "
    "Amounts of money are shown apart and never added to points."
)


def console(*, stderr: bool = False) -> Console:
    """A console that colours only a terminal and honours NO_COLOR (Rich reads it).

    Messages on stderr are never wrapped: one problem, one line, whatever the width.
    """
    return Console(stderr=stderr, highlight=False, emoji=False, soft_wrap=stderr)


def show(build: Callable[..., RenderableType], *args: Any, **kwargs: Any) -> None:
    """Print a report on stdout, built for the width of the terminal (80 when piped)."""
    out = console()
    out.print(build(*args, width=out.width, **kwargs))


def export(build: Callable[..., RenderableType], *args: Any, html: bool, **kwargs: Any) -> str:
    """The same report as a standalone SVG or HTML document (Rich's export), 100 columns
    wide whatever the terminal, with its colours: for an email to a fellow board member."""
    recorder = Console(
        record=True, width=100, file=io.StringIO(), force_terminal=True, color_system="truecolor"
    )
    recorder.print(build(*args, width=100, **kwargs))
    if html:
        return recorder.export_html(inline_styles=True)
    return recorder.export_svg(title="wederkerig")


def inert(text: str) -> str:
    """Text safe to show in a terminal: control and format characters (ESC, a bidi override)
    become visible escapes (\\x1b, \\u202e), so echoing what someone typed cannot clear a
    screen, write the clipboard or reverse a line. Line breaks and tabs stay."""
    if text.isprintable():
        return text
    return "".join(
        (f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}")
        if unicodedata.category(char) in _UNSAFE and char not in "\n\t\u200d\u200c"
        else char
        for char in text
    )


def message(text: str) -> None:
    """A message for the person (never data): to stderr, so stdout stays clean for pipes."""
    console(stderr=True).print(Text(inert(text)))


def error(text: str) -> None:
    console(stderr=True).print(Text.assemble((_("error: "), "bold red"), inert(text)))


def _arrow(gave: bool, *, wide: bool) -> Text:
    """The direction of an entry as a reader scans it: an arrow, with a word when there is room."""
    if wide:
        return Text(
            _("gave →") if gave else _("← got"), style=GAVE_STYLE if gave else RECEIVED_STYLE
        )
    return Text("→" if gave else "←", style=GAVE_STYLE if gave else RECEIVED_STYLE)


def _name_column(header: str, names: Iterable[str], *, width: int | None = None) -> Column:
    """A column that never cuts a name: the other columns give way instead. Given the
    table's ``width``, a name longer than a third of it wraps onto a second line rather
    than crushing the numbers beside it."""
    widest = max((Text(name).cell_len for name in names), default=len(header))
    widest = max(widest, len(header))
    if width is not None and widest > width // 3:
        return Column(header, min_width=max(width // 3, len(header)), overflow="fold")
    return Column(header, no_wrap=True, min_width=widest, overflow="ignore")


def _wrap_at(by: By, width: int) -> int | None:
    """A person's name is never wrapped (it is how they are found); an organisation's,
    group's or event's name may wrap, so the numbers beside it stay readable."""
    return None if by is By.CONTACT else width


# The first column's heading of a balance (CSV and JSON name that column by By's value).
HEADINGS = {
    By.CONTACT: N_("Contact"),
    By.ORGANISATION: N_("Organisation"),
    By.GROUP: N_("Group"),
    By.EVENT: N_("Event"),
    By.MEMBER: N_("Member"),
}


def _points(value: int) -> Text:
    return Text(str(value) if value else "·", style="dim" if not value else "")


def _net(value: int) -> Text:
    if value > 0:
        return Text(f"+{value}", style=GAVE_STYLE)
    if value < 0:
        return Text(f"−{-value}", style=RECEIVED_STYLE)
    return Text("0", style="dim")


def _money(amount: Decimal | None) -> str:
    return "" if not amount else money.show(amount)


def _day(day: date | None) -> str:
    return day.isoformat() if day else ""


def _table(
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


def contacts_table(cards: Sequence["ContactCard"], *, width: int) -> Group:
    """Contacts; a narrow terminal shows name, organisation and tags, and says what it left out."""
    wide = width >= WIDE
    table = _table(
        _name_column(_("Name"), (c.name for c in cards)),
        Column(_("Organisation"), overflow="fold"),
        *([Column(_("Email"), overflow="fold")] if wide else []),
        Column(_("Tags"), overflow="fold"),
        *(
            [Column(_("Aliases"), overflow="fold"), Column(_("Note"), overflow="fold")]
            if wide
            else []
        ),
    )
    for c in cards:
        cells = [Text(c.name), Text(c.organisation or "")]
        if wide:
            cells.append(Text(c.email or ""))
        cells.append(Text(", ".join(c.tags)))
        if wide:
            cells += [Text(", ".join(c.aliases)), Text(c.note or "")]
        table.add_row(*cells)
    if wide:
        return Group(table)
    return Group(
        table, Text(_("Email, aliases and notes: a wider terminal or --format csv."), style="dim")
    )


def contact_summary(summary: "ContactSummary") -> Group:
    c = summary.card
    lines = [Text(c.name, style="bold")]
    for label, value in (
        (_("organisation"), c.organisation),
        (_("email"), c.email),
        (_("tags"), ", ".join(c.tags)),
        (_("groups"), ", ".join(summary.groups)),
        (_("aliases"), ", ".join(c.aliases)),
        (_("note"), c.note),
    ):
        if value:
            lines.append(Text.assemble((f"  {label}: ", "dim"), value))
    if summary.entries:
        count = ngettext(
            "{count} entry, {first} to {last}",
            "{count} entries, {first} to {last}",
            summary.entries,
        ).format(
            count=summary.entries, first=_day(summary.first_date), last=_day(summary.last_date)
        )
        lines.append(Text(f"  {count}", style="dim"))
    else:
        lines.append(Text("  " + _("no entries yet"), style="dim"))
    if summary.every_days:
        every = ngettext(
            "stay in touch every {count} day",
            "stay in touch every {count} days",
            summary.every_days,
        ).format(count=summary.every_days)
        lines.append(Text(f"  {every}", style="dim"))
    return Group(*lines)


def entries_table(
    rows: Iterable["EntryRow"],
    *,
    width: int,
    title: str | None = None,
    show_contact: bool = True,
) -> Table:
    """Entries in date order. Only the description wraps; on a narrow terminal the direction
    becomes an arrow and the amount moves into the description, the event is left out."""
    rows = list(rows)
    wide = width >= WIDE
    show_amount = wide and any(r.amount is not None for r in rows)
    show_event = wide and any(r.event for r in rows)
    table = _table(
        Column(_("Id"), justify="right", style="dim", no_wrap=True),
        Column(_("Date"), no_wrap=True, min_width=10),
        *([_name_column(_("Contact"), (r.contact for r in rows))] if show_contact else []),
        Column("", no_wrap=True),
        Column(_("Kind"), no_wrap=True),
        Column(_("Pts"), justify="right", no_wrap=True),
        *([Column(_("Amount"), justify="right", no_wrap=True)] if show_amount else []),
        Column(_("Description"), overflow="fold", min_width=20),
        *([Column(_("Event"), overflow="fold", max_width=28)] if show_event else []),
        title=title,
    )
    for r in rows:
        gave = r.direction == "gave"
        cells: list[Text | str] = [str(r.id), r.date.isoformat()]
        if show_contact:
            cells.append(Text(r.contact))
        cells += [_arrow(gave, wide=wide), r.kind, str(r.value)]
        if show_amount:
            cells.append(_money(r.amount))
        description = Text(r.description)
        if r.amount is not None and not show_amount:
            description = Text.assemble((f"{_money(r.amount)} ", "bold"), description)
        cells.append(description)
        if show_event:
            cells.append(Text(r.event or ""))
        table.add_row(*cells)
    if not wide:
        table.caption = _("→ you gave, ← you received")
        table.caption_justify = "left"
    return table


def balance_table(
    rows: Sequence["BalanceRow"],
    total: "BalanceRow",
    *,
    hidden: int,
    limit: int,
    width: int,
    promises: Sequence["OpenPromise"] = (),
    by: By = By.CONTACT,
) -> Group:
    """Per contact (or what ``by`` names): each kind as gave/received, then the totals,
    net and last date.

    On a narrow terminal the organisation goes and the kinds shrink to their initials, so
    that names are never cut.
    """
    wide = width >= WIDE
    organisations = wide and by is By.CONTACT
    kind_headers = [kind.value if wide else kind.value[0].upper() for kind in Kind]
    table = _table(
        _name_column(
            _(HEADINGS[by]), (_label(r.contact) for r in [*rows, total]), width=_wrap_at(by, width)
        ),
        *([_organisation_column()] if organisations else []),
        *(Column(header, justify="center", no_wrap=True) for header in kind_headers),
        Column(_("Gave"), justify="right", style=GAVE_STYLE, no_wrap=True),
        Column(_("Recv"), justify="right", style=RECEIVED_STYLE, no_wrap=True),
        Column(_("Net"), justify="right", no_wrap=True),
        Column(_("Last"), no_wrap=True, min_width=10),
        show_footer=True,
    )
    for row in rows:
        table.add_row(*_balance_cells(row, organisation=organisations))
    footer = _balance_cells(total, organisation=organisations)
    for column, cell in zip(table.columns, footer, strict=True):
        column.footer = cell
    legend = (
        _("Per kind: gave/received points.")
        if wide
        else _("K knowledge, T talent, M money, A access: gave/received points.")
    )
    notes = [Text(legend + " " + _(SIGN_LEGEND), style="dim")]
    if total.amount_gave or total.amount_received:
        notes.append(_money_line(total.amount_gave, total.amount_received))
    if promises:
        notes.append(promises_line(promises))
    if hidden:
        notes.append(
            Text(
                _(
                    "{hidden} more rows with smaller imbalances are not shown (the {limit} "
                    "largest are); see all with --all or --format csv."
                ).format(hidden=hidden, limit=limit),
                style="yellow",
            )
        )
    return Group(table, *notes)


def period_table(balances: "PeriodBalances", *, width: int, by: By) -> Group:
    """Net points per row and period (the newest periods that fit the width), and a total.

    A period's header is stacked (2026 over 03) so that a year of months fits 80 columns.
    """
    rows = [*balances.rows, balances.total]
    widest_number = max(
        (len(str(n)) + 1 for row in rows for n in (*row.nets, row.total)), default=1
    )
    cell = max(widest_number, *(len(part) for p in balances.periods for part in p.split("-")), 2)
    label = max((Text(_label(row.label)).cell_len for row in rows), default=0)
    label = max(label, Text(_(HEADINGS[by])).cell_len)
    if _wrap_at(by, width) is not None:  # a long label wraps at a third of the width
        label = min(label, width // 3)
    room = width - label - 1 - (max(widest_number, 5) + 1)
    shown = balances.periods[-max(1, room // (cell + 2)) :] if balances.periods else ()
    skipped = len(balances.periods) - len(shown)
    table = _table(
        _name_column(
            _(HEADINGS[by]), (_label(row.label) for row in rows), width=_wrap_at(by, width)
        ),
        *(Column(period.replace("-", "\n"), justify="right", no_wrap=True) for period in shown),
        Column(_("Total"), justify="right", no_wrap=True, style="bold"),
        show_footer=True,
    )
    for row in balances.rows:
        nets = row.nets[skipped:]
        table.add_row(Text(_label(row.label)), *(_net_or_dot(n) for n in nets), _net(row.total))
    footer = [Text(_("Total")), *(_net_or_dot(n) for n in balances.total.nets[skipped:])]
    for column, cell_text in zip(table.columns, [*footer, _net(balances.total.total)], strict=True):
        column.footer = cell_text
    notes = [Text(_("Net points per period:") + " " + _(SIGN_LEGEND), style="dim")]
    if skipped:
        notes.append(
            Text(
                ngettext(
                    "{count} earlier period does not fit this width (the total counts them); "
                    "see all with --format csv.",
                    "{count} earlier periods do not fit this width (the total counts them); "
                    "see all with --format csv.",
                    skipped,
                ).format(count=f"{skipped:,}"),
                style="yellow",
            )
        )
    return Group(table, *notes)


def _net_or_dot(value: int) -> Text:
    return _net(value) if value else Text("·", style="dim")


def _kind_cell(tally: "Tally") -> Text:
    if not (tally.gave or tally.received):
        return Text("·", style="dim")
    return Text.assemble(
        (str(tally.gave), GAVE_STYLE), ("/", "dim"), (str(tally.received), RECEIVED_STYLE)
    )


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


def _money_line(gave: Decimal, received: Decimal) -> Text:
    return Text(
        _("Money, apart from points: you gave {gave} and received {received}.").format(
            gave=money.show(gave), received=money.show(received)
        )
    )


def _organisation_column() -> Column:
    return Column(_("Organisation"), overflow="ellipsis", max_width=28)


def _label(label: str) -> str:
    """A row's label as shown: the stand-in for rows without an organisation, group, event
    or member ('(no group)') in the reader's language; a real name exactly as it is."""
    from wederkerig.usecases.balances import NO_LABEL  # loaded already: the rows came from there

    return _(label) if label in NO_LABEL.values() else label


def _balance_cells(row: "BalanceRow", *, organisation: bool) -> list[Text | str]:
    cells: list[Text | str] = [Text(_label(row.contact))]
    if organisation:
        cells.append(Text(row.organisation or ""))
    cells += [_kind_cell(row.by_kind[kind]) for kind in Kind]
    cells += [str(row.gave), str(row.received), _net(row.net)]
    cells.append(_day(row.last_date))
    return cells


def balance_by_kind_table(
    rows: Sequence["BalanceRow"], *, width: int, by: By = By.CONTACT
) -> Group:
    organisations = width >= WIDE and by is By.CONTACT
    table = _table(
        _name_column(_(HEADINGS[by]), (_label(r.contact) for r in rows), width=_wrap_at(by, width)),
        *([_organisation_column()] if organisations else []),
        Column(_("Kind"), no_wrap=True),
        Column(_("Gave"), justify="right", style=GAVE_STYLE, no_wrap=True),
        Column(_("Recv"), justify="right", style=RECEIVED_STYLE, no_wrap=True),
        Column(_("Net"), justify="right", no_wrap=True),
        Column(_("Entries"), justify="right", no_wrap=True),
        Column(_("Last"), no_wrap=True),
    )
    for row in rows:
        cells: list[Text | str] = [Text(_label(row.contact))]
        if organisations:
            cells.append(Text(row.organisation or ""))
        cells += [
            row.kind.value if row.kind else "",
            str(row.gave),
            str(row.received),
            _net(row.net),
            str(row.entries),
            _day(row.last_date),
        ]
        table.add_row(*cells)
    return Group(table, Text(_(SIGN_LEGEND), style="dim"))


def contact_balance(
    balance: "ContactBalance",
    words: Sequence[str],
    *,
    width: int,
    promises: Sequence["OpenPromise"] = (),
) -> Group:
    """The view before a meeting. ``words`` holds the overall sentence, then one per kind."""
    heading = _person_heading(balance.contact)
    since = _last_contact(balance.last_date, balance.days_since, _("No entries in this period."))
    kinds = _table(
        Column(_("Kind"), no_wrap=True),
        Column(_("Gave"), justify="right", style=GAVE_STYLE),
        Column(_("Received"), justify="right", style=RECEIVED_STYLE),
        Column(_("Net"), justify="right"),
        Column(_("In words"), overflow="fold"),
    )
    for (kind, tally), sentence in zip(balance.by_kind.items(), words[1:], strict=True):
        kinds.add_row(
            kind.value,
            _points(tally.gave),
            _points(tally.received),
            _net(tally.net),
            Text(sentence, style="dim"),
        )
    kinds.add_row(
        Text(_("total"), style="bold"),
        str(balance.tally.gave),
        str(balance.tally.received),
        _net(balance.tally.net),
        Text(words[0], style="bold"),
    )
    parts: list[RenderableType] = [heading, since, kinds]
    if balance.amount_gave or balance.amount_received:
        parts.append(_money_line(balance.amount_gave, balance.amount_received))
    if promises:
        parts.append(Text(_("Open promises (not counted above)"), style="bold"))
        parts.append(promises_table(promises, width=width))
    if balance.entries:
        parts.append(
            entries_table(balance.entries, title=_("Timeline"), show_contact=False, width=width)
        )
    parts.append(Text(_(SIGN_LEGEND), style="dim"))
    parts.append(
        Text(
            _('More before a meeting: wederkerig brief "{name}"').format(name=balance.contact.name),
            style="dim",
        )
    )
    return Group(*parts)


def _person_heading(person: "ContactCard", groups: Sequence[str] = ()) -> Group:
    """Name and organisation, then tags and groups on a line of their own (never wrapped
    into the name)."""
    heading = Text(person.name, style="bold")
    if person.organisation:
        heading.append(f" · {person.organisation}", style="")
    labels = [_("tags: {tags}").format(tags=", ".join(person.tags))] if person.tags else []
    labels += [_("groups: {groups}").format(groups=", ".join(groups))] if groups else []
    return Group(heading, *([Text("  ".join(labels), style="dim")] if labels else []))


def _last_contact(last: date | None, days_since: int | None, never: str) -> Text:
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


def _section(title: str, count: int | None = None) -> Text:
    return Text(f"\n{title}" + (f" ({count})" if count is not None else ""), style="bold")


def brief_view(brief: "Brief", *, width: int) -> Group:
    """One screen before a meeting: who, how it stands per kind with a year of months,
    what is open both ways, introductions, the last entries and what to do next."""
    heading = _person_heading(brief.contact, brief.groups)
    since = _last_contact(brief.last_date, brief.days_since, _("Nothing logged with them yet."))
    if brief.every_days:
        rhythm = ngettext(
            "Rhythm: every {count} day.", "Rhythm: every {count} days.", brief.every_days
        ).format(count=brief.every_days)
        since.append(f" {rhythm}", style="dim")
    months = brief.monthly.months
    highest = max((max(series) for series in brief.monthly.points.values()), default=0)
    kinds = _table(
        Column(_("Kind"), no_wrap=True),
        Column(_("Gave"), justify="right", style=GAVE_STYLE, no_wrap=True),
        Column(_("Recv"), justify="right", style=RECEIVED_STYLE, no_wrap=True),
        Column(_("Net"), justify="right", no_wrap=True),
        Column(_("Gave/month"), no_wrap=True, style=GAVE_STYLE),
        Column(_("Recv/month"), no_wrap=True, style=RECEIVED_STYLE),
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
            kind.value,
            _points(tally.gave),
            _points(tally.received),
            _net(tally.net),
            sparkline(brief.monthly.of(Direction.GAVE, kind), highest),
            sparkline(brief.monthly.of(Direction.RECEIVED, kind), highest),
        )
    tally = brief.tally
    kinds.add_row(
        Text(_("total"), style="bold"), str(tally.gave), str(tally.received), _net(tally.net)
    )
    parts: list[RenderableType] = [heading, since, kinds]
    if brief.amount_gave or brief.amount_received:
        parts.append(_money_line(brief.amount_gave, brief.amount_received))
    if brief.promises:
        parts += [
            _section(_("Open promises"), len(brief.promises)),
            promises_table(brief.promises, width=width),
        ]
    if brief.loops:
        parts += [
            _section(_("Open loops"), len(brief.loops)),
            loops_table(brief.loops, width=width),
        ]
    if brief.introductions:
        parts += [
            _section(_("Introductions"), len(brief.introductions)),
            introductions_table(brief.introductions, width=width),
        ]
    if brief.recent:
        parts += [
            _section(_("Last entries")),
            entries_table(brief.recent, show_contact=False, width=width),
        ]
    if brief.suggestions:
        suggestions = Table.grid(padding=(0, 1))
        suggestions.add_column(no_wrap=True)
        suggestions.add_column(overflow="fold")
        for line in brief.suggestions:
            suggestions.add_row("•", Text(line))
        parts += [_section(_("Suggestions")), suggestions]
    return Group(*parts)


def flow_view(flow: "Flow", *, width: int) -> Group:
    """Per kind the totals both ways, who you gave to and received from most, and a bar per
    month each way (Rich bars, scaled to the busiest month)."""
    title = Text(
        _("Flow from {since} to {until}").format(since=flow.since, until=flow.until), style="bold"
    )
    kinds = _table(
        Column(_("Kind"), no_wrap=True),
        Column(_("Gave"), justify="right", style=GAVE_STYLE, no_wrap=True),
        Column(_("Received"), justify="right", style=RECEIVED_STYLE, no_wrap=True),
        Column(_("Net"), justify="right", no_wrap=True),
    )
    for kind, tally in flow.by_kind.items():
        kinds.add_row(kind.value, _points(tally.gave), _points(tally.received), _net(tally.net))
    summed = flow.tally
    kinds.add_row(
        Text(_("total"), style="bold"), str(summed.gave), str(summed.received), _net(summed.net)
    )
    top = _table(
        _name_column(_("You gave most to"), (pair[0] for pair in flow.top_gave)),
        Column(_("Pts"), justify="right", style=GAVE_STYLE, no_wrap=True),
        _name_column(_("You received most from"), (pair[0] for pair in flow.top_received)),
        Column(_("Pts"), justify="right", style=RECEIVED_STYLE, no_wrap=True),
    )
    for position in range(max(len(flow.top_gave), len(flow.top_received))):
        cells: list[Text | str] = []
        for side in (flow.top_gave, flow.top_received):
            name, points = side[position] if position < len(side) else ("", 0)
            cells += [Text(name), str(points) if points else ""]
        top.add_row(*cells)
    gave, received = flow.monthly.of(Direction.GAVE), flow.monthly.of(Direction.RECEIVED)
    highest = max((*gave, *received), default=0) or 1
    number = max(len(str(highest)), 3)
    bar_width = max(6, (width - 8 - 2 * number - 8) // 2)
    months = _table(
        Column(_("Month"), no_wrap=True),
        Column(_("Gave"), no_wrap=True, width=bar_width),
        Column("", justify="right", style=GAVE_STYLE, no_wrap=True, min_width=number),
        Column(_("Received"), no_wrap=True, width=bar_width),
        Column("", justify="right", style=RECEIVED_STYLE, no_wrap=True, min_width=number),
    )
    rows = list(zip(flow.monthly.months, gave, received, strict=True))
    for month, out, back in rows[-FLOW_MONTHS:]:
        months.add_row(
            month,
            Bar(highest, 0, out, width=bar_width, color=GAVE_STYLE),
            str(out),
            Bar(highest, 0, back, width=bar_width, color=RECEIVED_STYLE),
            str(back),
        )
    parts: list[RenderableType] = [title, kinds]
    if flow.amount_gave or flow.amount_received:
        parts.append(_money_line(flow.amount_gave, flow.amount_received))
    if flow.top_gave or flow.top_received:
        parts += [Text(""), top]
    parts += [_section(_("Per month, in points")), months]
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


@contextmanager
def progress(description: str) -> Iterator[Callable[[int], None]]:
    """A live row count on a terminal's stderr; nothing at all when stderr is piped."""
    err = console(stderr=True)
    if not err.is_terminal:
        yield lambda rows: None
        return
    with Progress(
        SpinnerColumn(),
        TextColumn(_("{task.description}: {task.completed:,.0f} rows")),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    ) as bar:
        task = bar.add_task(description, total=None)
        yield lambda rows: bar.advance(task, rows)


def _some(names: Iterable[str], shown: int = 5) -> str:
    """A few names and how many more: a summary stays one line for a million rows."""
    names = list(names)
    listed = ", ".join(f"'{name}'" for name in names[:shown])
    if len(names) <= shown:
        return listed
    return _("{names} and {count} more").format(names=listed, count=f"{len(names) - shown:,}")


def import_summary(report: "ImportReport") -> str:
    """What an import did, or would do, in one or two sentences."""
    added = ngettext("{count} entry", "{count} entries", report.added).format(
        count=f"{report.added:,}"
    )
    rows = ngettext("{count} row", "{count} rows", report.rows).format(count=f"{report.rows:,}")
    first = (
        _("Would add {entries} of {rows}; {skipped} already in the ledger")
        if report.dry_run
        else _("Added {entries} of {rows}; {skipped} already in the ledger")
    )
    parts = [first.format(entries=added, rows=rows, skipped=f"{report.skipped:,}")]
    if report.refused:
        unknown = _some(report.unknown_contacts)
        parts.append(
            _("{count} refused for unknown contacts ({names})").format(
                count=f"{report.refused:,}", names=unknown
            )
        )
    if report.new_contacts:
        parts.append(_("new contacts: {names}").format(names=_some(report.new_contacts)))
    if report.new_events:
        parts.append(_("new events: {names}").format(names=_some(report.new_events)))
    if report.unlinked:
        parts.append(
            _(
                "{count} 'answers' links left out (the ledger already had entries, "
                "so the ids they point at changed)"
            ).format(count=f"{report.unlinked:,}")
        )
    if report.introductions:
        parts.append(
            ngettext(
                "{count} introduction linked again",
                "{count} introductions linked again",
                report.introductions,
            ).format(count=f"{report.introductions:,}")
        )
    suffix = " " + _("(dry run: nothing was written)") if report.dry_run else ""
    return "; ".join(parts) + "." + suffix


def diagnosis(facts: Sequence[tuple[str, str]], problems: Sequence[str]) -> Group:
    table = _table(
        Column(_("Check"), style="dim", no_wrap=True), Column(_("Found"), overflow="fold")
    )
    for label, value in facts:
        table.add_row(label, Text(value))
    verdict = (
        Text(_("All is well."), style="green")
        if not problems
        else Text(
            "\n".join(_("Problem: {problem}").format(problem=problem) for problem in problems),
            style="red",
        )
    )
    return Group(table, verdict)


def contact_import_summary(report: "ContactImportReport") -> str:
    added, merged = len(report.added), f"{len(report.merged):,}"
    if report.dry_run:
        parts = [
            ngettext("Would add {count} contact", "Would add {count} contacts", added),
            _("would complete {count}").format(count=merged),
        ]
    else:
        parts = [
            ngettext("Added {count} contact", "Added {count} contacts", added),
            _("completed {count}").format(count=merged),
        ]
    parts[0] = parts[0].format(count=f"{added:,}")
    if report.added:
        parts[0] += f" ({_some(report.added)})"
    if report.merged:
        parts[1] += f" ({_some(report.merged)})"
    parts.append(_("{count} already up to date").format(count=f"{report.skipped:,}"))
    suffix = " " + _("(dry run: nothing was written)") if report.dry_run else ""
    summary = ngettext(
        "{clauses}, of {count} card or row.", "{clauses}, of {count} cards or rows.", report.rows
    ).format(clauses="; ".join(parts), count=f"{report.rows:,}")
    if report.kept:
        summary += " " + _(
            "Kept what the ledger already had where the file says otherwise (organisation, "
            "email or note) for {names}; change it with 'wederkerig contact edit'."
        ).format(names=_some(report.kept))
    return summary + suffix


def merge_summary(merge: "Merge") -> str:
    moved = [
        ngettext("{count} entry", "{count} entries", merge.entries).format(
            count=f"{merge.entries:,}"
        )
    ]
    if merge.tags:
        moved.append(_("tags {names}").format(names=_some(merge.tags)))
    if merge.aliases:
        moved.append(_("aliases {names}").format(names=_some(merge.aliases)))
    text = _("Merged '{absorbed}' into '{kept}': moved {moved}.").format(
        absorbed=merge.absorbed, kept=merge.kept, moved=", ".join(moved)
    )
    if merge.conflicts:
        text += " " + _(
            "Kept the values of '{kept}'; '{absorbed}' also had {fields} "
            "(now gone: set them with 'contact edit' if they were right)."
        ).format(kept=merge.kept, absorbed=merge.absorbed, fields=", ".join(merge.conflicts))
    return text


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
    wide = width >= WIDE
    table = _table(
        Column(_("Id"), justify="right", style="dim", no_wrap=True),
        *([Column(_("Made"), no_wrap=True)] if wide else []),
        _name_column(_("Contact"), (p.entry.contact for p in promises)),
        Column(_("Who"), no_wrap=True),
        Column(_("Kind"), no_wrap=True),
        Column(_("Description"), overflow="fold", min_width=12),
        *([Column(_("Age"), justify="right", no_wrap=True)] if wide else []),
        Column(_("Due"), justify="left" if wide else "right", no_wrap=True),
    )
    for promise in promises:
        e = promise.entry
        who = Text(_("you"), GAVE_STYLE) if promise.mine else Text(_("they"), RECEIVED_STYLE)
        cells: list[Text | str] = [str(e.id)]
        if wide:
            cells.append(e.date.isoformat())
        cells += [Text(e.contact), who, e.kind, Text(e.description)]
        if wide:
            cells.append(f"{promise.age_days} d")
        cells.append(_due_state(promise, wide=wide))
        table.add_row(*cells)
    return table


def loops_table(loops: Sequence["OpenLoop"], *, width: int) -> Table:
    """Unanswered entries, oldest first, with how long they have waited."""
    wide = width >= WIDE
    table = _table(
        Column(_("Id"), justify="right", style="dim", no_wrap=True),
        Column(_("Date"), no_wrap=True),
        _name_column(_("Contact"), (loop.entry.contact for loop in loops)),
        Column("", no_wrap=True),
        Column(_("Kind"), no_wrap=True),
        *([Column(_("Pts"), justify="right", no_wrap=True)] if wide else []),
        Column(_("Description"), overflow="fold", min_width=12),
        Column(_("Waiting"), justify="right", no_wrap=True),
    )
    for loop in loops:
        e = loop.entry
        gave = e.direction == "gave"
        cells: list[Text | str] = [str(e.id), e.date.isoformat(), Text(e.contact)]
        cells += [_arrow(gave, wide=wide), e.kind]
        if wide:
            cells.append(str(e.value))
        cells += [Text(e.description), f"{loop.age_days} d"]
        table.add_row(*cells)
    table.caption = _("Close a loop by logging its answer with --answers ID.")
    table.caption_justify = "left"
    return table


def introductions_table(introductions: Sequence["IntroductionRow"], *, width: int) -> Table:
    """Who you connected to whom, and what came of it (yet to be heard: blank)."""
    wide = width >= WIDE
    table = _table(
        Column(_("Id"), justify="right", style="dim", no_wrap=True),
        Column(_("Date"), no_wrap=True),
        _name_column(_("Introduced"), (i.first for i in introductions)),
        _name_column(_("to"), (i.second or "" for i in introductions)),
        Column(_("Why"), overflow="fold", min_width=12),
        *([Column(_("Pts"), justify="right", no_wrap=True)] if wide else []),
        Column(_("Outcome"), no_wrap=True),
    )
    for i in introductions:
        cells: list[Text | str] = [str(i.id), i.date.isoformat(), Text(i.first)]
        second = Text(i.second) if i.second else Text(_("(removed)"), style="dim")
        cells += [second, Text(i.why)]
        if wide:
            cells.append(str(i.value))
        cells.append(Text(i.outcome or "–", style="" if i.outcome else "dim"))
        table.add_row(*cells)
    return table


def due_table(items: Sequence["DueItem"], *, width: int) -> Table:
    """What needs you, in the order to act on it; lateness in days (−3: due in 3 days)."""
    wide = width >= WIDE
    words = {"cadence": _("get in touch"), "my-promise": _("your promise"),
             "their-promise": _("their promise"), "unanswered": _("say thanks")}  # fmt: skip
    table = _table(
        Column(pgettext("what needs doing", "Due"), no_wrap=True),
        _name_column(_("Contact"), (item.contact for item in items)),
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
        cells: list[Text | str] = [words[item.reason], Text(item.contact), str(item.entry or "")]
        if wide:
            cells.append(item.since.isoformat())
        cells += [late, Text(item.detail)]
        table.add_row(*cells)
    return table


def settings_table(rows: Sequence[tuple[str, str | None, str | None, str]], *, width: int) -> Table:
    """Settings and their values; the origin column only when it was asked for."""
    origins = any(row[2] for row in rows)
    table = _table(
        Column(_("Key"), no_wrap=True),
        Column(_("Value"), overflow="fold"),
        *([Column(_("From"), overflow="fold")] if origins else []),
        Column(_("Meaning"), overflow="fold", style="dim"),
    )
    for key, value, origin, about in rows:
        cells: list[Text | str] = [key, Text(value or "–", style="" if value else "dim")]
        if origins:  # "env WEDERKERIG_DB": the kind of origin is a word to translate
            kind, space, where = (origin or "").partition(" ")
            cells.append(Text(f"{_(kind)}{space}{where}" if kind else ""))
        table.add_row(*cells, _(about))  # the help's English stays in CSV and JSON
    return table


def tags_table(rows: Sequence["TagRow"], *, width: int) -> Table:
    table = _table(
        _name_column(_("Tag"), (row.name for row in rows)),
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
    table = _table(
        _name_column(_("Event"), (e.name for e in events)),
        Column(_("Date"), no_wrap=True),
        Column(_("Place"), overflow="fold"),
        Column(_("Entries"), justify="right", no_wrap=True),
    )
    for e in events:
        table.add_row(Text(e.name), _day(e.date), Text(e.place or ""), str(e.entries))
    return table


def groups_table(groups: Sequence[tuple[str, str | None, int]], *, width: int) -> Table:
    table = _table(
        _name_column(_("Group"), (g[0] for g in groups)),
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
