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
    organisations = by is By.CONTACT
    kind_headers = [shown_kind(kind) if wide else kind.value[0].upper() for kind in Kind]
    columns = [
        _label_col(by, (r.label for r in [*rows, total]), width),
        *([_organisation_col()] if organisations else []),
        *(cells.Col(header, rank=3, justify="center") for header in kind_headers),
        cells.Col(_("Gave"), rank=2, justify="right", style=cells.GAVE_STYLE),
        cells.Col(_("Recv"), rank=2, justify="right", style=cells.RECEIVED_STYLE),
        *cells.net_columns(view),
        cells.Col(_("Last") if scores else _("Gave last"), rank=1),
    ]
    table = cells.fitted(
        width,
        columns,
        [_balance_cells(row, organisation=organisations, view=view) for row in rows],
        footer=_balance_cells(total, organisation=organisations, view=view),
    )
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
        (cells.net(n).cell_len + 1 for row in rows for n in (*row.nets, row.total)), default=1
    )
    cell = max(widest_number, *(len(part) for p in balances.periods for part in p.split("-")), 2)
    label = max((Text(_label(row.label)).cell_len for row in rows), default=0)
    label = max(label, Text(_(HEADINGS[by])).cell_len)
    wrap_at = _wrap_at(by, width) or (width if width < NARROW else None)
    if wrap_at is not None:  # a long label wraps at a third of the width
        label = min(label, width // 3)
    room = width - label - 1 - (max(widest_number, 5) + 1)
    shown = balances.periods[-max(1, room // (cell + 2)) :] if balances.periods else ()
    skipped = len(balances.periods) - len(shown)
    table = cells.table(
        cells.name_column(_(HEADINGS[by]), (_label(row.label) for row in rows), width=wrap_at),
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
                ).format(count=cells.count(skipped)),
                style="yellow",
            )
        )
    return Group(table, *notes)


NARROW = 60  # below this even a person's name wraps in a period table: the numbers need room


def _wrap_at(by: By, width: int) -> int | None:
    """A person's name is never wrapped (it is how they are found); an organisation's,
    group's or event's name may wrap, so the numbers beside it stay readable."""
    return None if by is By.CONTACT else width


def _net_or_dot(value: int) -> Text:
    return cells.net(value) if value else Text("·", style="dim")


def _organisation_col() -> cells.Col:
    """Where a contact works: the first column to go on a narrow terminal."""
    return cells.Col(_("Organisation"), rank=9, wrap=True, max_width=28)


def _label(text: str) -> str:
    """A row's label as shown: the stand-in for rows without an organisation, group, event
    or member ('(no group)') in the reader's language; a real name exactly as it is."""
    from wederkerig.usecases.balances import NO_LABEL  # loaded already: the rows came from there

    return _(text) if text in NO_LABEL.values() else text


def _label_column(by: By, labels: Iterable[str], width: int) -> Column:
    """The first column, headed by what a row stands for (contact, organisation, ...)."""
    shown = (_label(label) for label in labels)
    return cells.name_column(_(HEADINGS[by]), shown, width=_wrap_at(by, width))


def _label_col(by: By, labels: Iterable[str], width: int) -> cells.Col:
    """:func:`_label_column` for :func:`cells.fitted` tables."""
    shown = (_label(label) for label in labels)
    return cells.name_col(_(HEADINGS[by]), shown, _wrap_at(by, width))


def _kind_cell(tally: "Tally") -> Text:
    if not (tally.gave or tally.received):
        return Text("·", style="dim")
    return Text.assemble(
        (cells.count(tally.gave), cells.GAVE_STYLE),
        ("/", "dim"),
        (cells.count(tally.received), cells.RECEIVED_STYLE),
    )


def _balance_cells(row: "BalanceRow", *, organisation: bool, view: View) -> list[Text | str]:
    line: list[Text | str] = [Text(_label(row.label))]
    if organisation:
        line.append(Text(row.organisation or ""))
    line += [_kind_cell(row.by_kind[kind]) for kind in Kind]
    line += [cells.count(row.gave), cells.count(row.received)]
    if view is View.SCORES:
        line += [cells.net(row.net), cells.day(row.last_date)]
    else:
        line.append(cells.day(row.last_gave))
    return line


def balance_by_kind_table(
    rows: Sequence["BalanceRow"], *, width: int, by: By = By.CONTACT, view: View = View.SCORES
) -> Group:
    organisations = by is By.CONTACT
    columns = [
        _label_col(by, (r.label for r in rows), width),
        *([_organisation_col()] if organisations else []),
        cells.Col(_("Kind")),
        cells.Col(_("Gave"), rank=2, justify="right", style=cells.GAVE_STYLE),
        cells.Col(_("Recv"), rank=2, justify="right", style=cells.RECEIVED_STYLE),
        *cells.net_columns(view),
        cells.Col(_("Entries"), rank=3, justify="right"),
        cells.Col(_("Last"), rank=1),
    ]
    lines: list[list[Text | str]] = []
    for row in rows:
        line: list[Text | str] = [Text(_label(row.label))]
        if organisations:
            line.append(Text(row.organisation or ""))
        line += [
            shown_kind(row.kind) if row.kind else "",
            cells.count(row.gave),
            cells.count(row.received),
        ]
        line += [cells.net(row.net)] if view is View.SCORES else []
        line += [cells.count(row.entries), cells.day(row.last_date)]
        lines.append(line)
    table = cells.fitted(width, columns, lines)
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
        balance.last_date, balance.days_since, _("Nothing logged with them yet.")
    )
    columns = [
        cells.Col(_("Kind")),
        cells.Col(_("Gave"), justify="right", style=cells.GAVE_STYLE),
        cells.Col(_("Received"), justify="right", style=cells.RECEIVED_STYLE),
        *cells.net_columns(view),
        *([cells.Col(_("In words"), rank=1, wrap=True, min_width=20)] if scores else []),
    ]
    rows: list[list[Text | str]] = []
    for (kind, tally), sentence in zip(balance.by_kind.items(), words[1:], strict=True):
        said = [Text(sentence, style="dim")] if scores else []
        rows.append([*cells.kind_cells(kind, tally, scores=scores), *said])
    total = [Text(words[0], style="bold")] if scores else []
    rows.append([*cells.total_cells(balance.tally, scores=scores), *total])
    kinds = cells.fitted(width, columns, rows)
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
