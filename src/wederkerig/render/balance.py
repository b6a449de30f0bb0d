"""The balance in its table forms: per contact (or organisation, group, event, member) with
each kind as gave/received, per kind, per period, and one contact's balance in words.

On a narrow terminal the organisation goes and the kinds shrink to initials, so that
names are never cut.
"""

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.table import Column
from rich.text import Text

from wederkerig.core.i18n import N_, _, ngettext
from wederkerig.core.vocabulary import By, Kind, View, shown_kind
from wederkerig.render import cells
from wederkerig.render.entries import entries_table
from wederkerig.render.promises import promises_line, promises_table

if TYPE_CHECKING:
    from wederkerig.usecases.balances import BalanceRow, ContactBalance, Tally
    from wederkerig.usecases.periods import PeriodBalances
    from wederkerig.usecases.promises import OpenPromise

SIGN_LEGEND = N_(
    "net = gave − received, in points: + you gave more, − they gave more. "
    "Amounts of money are shown apart and never added to points."
)
GIVERS_LEGEND = N_(
    "Givers-gain: what you gave and what you received, side by side, never weighed against "
    "each other. Amounts of money are shown apart and never added to points."
)


def legend(view: View) -> str:
    """The note under a table of points: the sign of the net, or why there is none."""
    return _(GIVERS_LEGEND if view is View.GIVERS_GAIN else SIGN_LEGEND)


# The first column's heading of a balance (CSV and JSON name that column by By's value).
HEADINGS = {
    By.CONTACT: N_("Contact"),
    By.ORGANISATION: N_("Organisation"),
    By.GROUP: N_("Group"),
    By.EVENT: N_("Event"),
    By.MEMBER: N_("Member"),
}


def balance_table(
    rows: Sequence["BalanceRow"],
    total: "BalanceRow",
    *,
    hidden: int,
    limit: int,
    width: int,
    promises: Sequence["OpenPromise"] = (),
    by: By = By.CONTACT,
    view: View = View.SCORES,
) -> Group:
    """Per contact (or what ``by`` names): each kind as gave/received, then the totals,
    net and last date (givers-gain: no net, and the day you last gave).

    On a narrow terminal the organisation goes and the kinds shrink to their initials, so
    that names are never cut.
    """
    wide = width >= cells.WIDE
    scores = view is View.SCORES
    organisations = wide and by is By.CONTACT
    kind_headers = [shown_kind(kind) if wide else kind.value[0].upper() for kind in Kind]
    table = cells.table(
        _label_column(by, (r.label for r in [*rows, total]), width),
        *([_organisation_column()] if organisations else []),
        *(Column(header, justify="center", no_wrap=True) for header in kind_headers),
        Column(_("Gave"), justify="right", style=cells.GAVE_STYLE, no_wrap=True),
        Column(_("Recv"), justify="right", style=cells.RECEIVED_STYLE, no_wrap=True),
        *cells.net_columns(view),
        Column(_("Last") if scores else _("Gave last"), no_wrap=True, min_width=10),
        show_footer=True,
    )
    for row in rows:
        table.add_row(*_balance_cells(row, organisation=organisations, view=view))
    footer = _balance_cells(total, organisation=organisations, view=view)
    for column, cell in zip(table.columns, footer, strict=True):
        column.footer = cell
    kinds_legend = (
        _("Per kind: gave/received points.")
        if wide
        else _("K knowledge, T talent, M money, A access: gave/received points.")
    )
    notes = [Text(kinds_legend + " " + legend(view), style="dim")]
    notes += cells.money_lines(total.amount_gave, total.amount_received)
    if promises:
        notes.append(promises_line(promises))
    if hidden:
        left_out = (
            _(
                "{hidden} more rows with smaller imbalances are not shown (the {limit} "
                "largest are); see all with --all or --format csv."
            )
            if scores
            else _(
                "{hidden} more rows are not shown (the {limit} you gave to most recently "
                "are); see all with --all or --format csv."
            )
        )
        notes.append(Text(left_out.format(hidden=hidden, limit=limit), style="yellow"))
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
    table = cells.table(
        _label_column(by, (row.label for row in rows), width),
        *(Column(period.replace("-", "\n"), justify="right", no_wrap=True) for period in shown),
        Column(_("Total"), justify="right", no_wrap=True, style="bold"),
        show_footer=True,
    )
    for row in balances.rows:
        nets = row.nets[skipped:]
        table.add_row(
            Text(_label(row.label)), *(_net_or_dot(n) for n in nets), cells.net(row.total)
        )
    footer = [Text(_("Total")), *(_net_or_dot(n) for n in balances.total.nets[skipped:])]
    for column, cell_text in zip(
        table.columns, [*footer, cells.net(balances.total.total)], strict=True
    ):
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


def _wrap_at(by: By, width: int) -> int | None:
    """A person's name is never wrapped (it is how they are found); an organisation's,
    group's or event's name may wrap, so the numbers beside it stay readable."""
    return None if by is By.CONTACT else width


def _net_or_dot(value: int) -> Text:
    return cells.net(value) if value else Text("·", style="dim")


def _organisation_column() -> Column:
    return Column(_("Organisation"), overflow="ellipsis", max_width=28)


def _label(text: str) -> str:
    """A row's label as shown: the stand-in for rows without an organisation, group, event
    or member ('(no group)') in the reader's language; a real name exactly as it is."""
    from wederkerig.usecases.balances import NO_LABEL  # loaded already: the rows came from there

    return _(text) if text in NO_LABEL.values() else text


def _label_column(by: By, labels: Iterable[str], width: int) -> Column:
    """The first column, headed by what a row stands for (contact, organisation, ...)."""
    shown = (_label(label) for label in labels)
    return cells.name_column(_(HEADINGS[by]), shown, width=_wrap_at(by, width))


def _kind_cell(tally: "Tally") -> Text:
    if not (tally.gave or tally.received):
        return Text("·", style="dim")
    return Text.assemble(
        (str(tally.gave), cells.GAVE_STYLE),
        ("/", "dim"),
        (str(tally.received), cells.RECEIVED_STYLE),
    )


def _balance_cells(row: "BalanceRow", *, organisation: bool, view: View) -> list[Text | str]:
    line: list[Text | str] = [Text(_label(row.label))]
    if organisation:
        line.append(Text(row.organisation or ""))
    line += [_kind_cell(row.by_kind[kind]) for kind in Kind]
    line += [str(row.gave), str(row.received)]
    if view is View.SCORES:
        line += [cells.net(row.net), cells.day(row.last_date)]
    else:
        line.append(cells.day(row.last_gave))
    return line


def balance_by_kind_table(
    rows: Sequence["BalanceRow"], *, width: int, by: By = By.CONTACT, view: View = View.SCORES
) -> Group:
    organisations = width >= cells.WIDE and by is By.CONTACT
    table = cells.table(
        _label_column(by, (r.label for r in rows), width),
        *([_organisation_column()] if organisations else []),
        Column(_("Kind"), no_wrap=True),
        Column(_("Gave"), justify="right", style=cells.GAVE_STYLE, no_wrap=True),
        Column(_("Recv"), justify="right", style=cells.RECEIVED_STYLE, no_wrap=True),
        *cells.net_columns(view),
        Column(_("Entries"), justify="right", no_wrap=True),
        Column(_("Last"), no_wrap=True),
    )
    for row in rows:
        line: list[Text | str] = [Text(_label(row.label))]
        if organisations:
            line.append(Text(row.organisation or ""))
        line += [shown_kind(row.kind) if row.kind else "", str(row.gave), str(row.received)]
        line += [cells.net(row.net)] if view is View.SCORES else []
        line += [str(row.entries), cells.day(row.last_date)]
        table.add_row(*line)
    return Group(table, Text(legend(view), style="dim"))


def contact_balance(
    balance: "ContactBalance",
    words: Sequence[str],
    *,
    width: int,
    promises: Sequence["OpenPromise"] = (),
    view: View = View.SCORES,
) -> Group:
    """The view before a meeting. ``words`` holds the overall sentence, then one per kind;
    the givers-gain view leaves out the net and those sentences, which weigh the two sides."""
    scores = view is View.SCORES
    heading = cells.person_heading(balance.contact)
    since = cells.last_contact(
        balance.last_date, balance.days_since, _("No entries in this period.")
    )
    kinds = cells.table(
        Column(_("Kind"), no_wrap=True),
        Column(_("Gave"), justify="right", style=cells.GAVE_STYLE),
        Column(_("Received"), justify="right", style=cells.RECEIVED_STYLE),
        *cells.net_columns(view),
        *([Column(_("In words"), overflow="fold")] if scores else []),
    )
    for (kind, tally), sentence in zip(balance.by_kind.items(), words[1:], strict=True):
        said = [Text(sentence, style="dim")] if scores else []
        kinds.add_row(*cells.kind_cells(kind, tally, scores=scores), *said)
    total = [Text(words[0], style="bold")] if scores else []
    kinds.add_row(*cells.total_cells(balance.tally, scores=scores), *total)
    parts: list[RenderableType] = [heading, since, kinds]
    parts += cells.money_lines(balance.amount_gave, balance.amount_received)
    if promises:
        parts.append(Text(_("Open promises (not counted above)"), style="bold"))
        parts.append(promises_table(promises, width=width))
    if balance.entries:
        parts.append(
            entries_table(balance.entries, title=_("Timeline"), show_contact=False, width=width)
        )
    parts.append(Text(legend(view), style="dim"))
    parts.append(
        Text(
            _('More before a meeting: wederkerig brief "{name}"').format(name=balance.contact.name),
            style="dim",
        )
    )
    return Group(*parts)
