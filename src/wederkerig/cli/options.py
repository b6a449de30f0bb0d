"""Options shared by several commands, declared once so their names and help never drift."""

from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from wederkerig.core.i18n import _
from wederkerig.core.vocabulary import View, entry_id, whole_number
from wederkerig.formats.columns import CalendarFormat, Format


def _completer(what: str) -> Callable[[typer.Context, str], list[str]]:
    """Tab completion of ``what`` through Typer: for options, for zsh, fish and PowerShell
    (bash's common case is answered before Typer loads; see wederkerig.cli.completion)."""

    def complete(ctx: typer.Context, incomplete: str) -> list[str]:
        from wederkerig.cli.completion import candidates
        from wederkerig.settings.paths import choose_target

        return candidates(what, choose_target(ctx.find_root().params.get("db")), incomplete)

    return complete


complete_contact, complete_group, complete_event, complete_tag = (
    _completer(what) for what in ("contact", "group", "event", "tag")
)
complete_kind, complete_direction = _completer("kind"), _completer("direction")


# The panels of the root command's help, in the order a newcomer needs them.
START_PANEL, RECORD_PANEL, REPORT_PANEL, DATA_PANEL = (
    _("Start here"),
    _("Record"),
    _("Report"),
    _("Data"),
)

FormatOption = Annotated[
    Format,
    typer.Option(
        "--format", "-f", case_sensitive=False, help=_("table for people; csv or json for scripts.")
    ),
]
CalendarFormatOption = Annotated[
    CalendarFormat,
    typer.Option(
        "--format",
        "-f",
        case_sensitive=False,
        help=_("table for people; csv or json for scripts; ics for a calendar app."),
    ),
]
SinceOption = Annotated[
    str | None, typer.Option("--since", metavar="DATE", help=_("Only entries on or after DATE."))
]
PeriodOption = Annotated[
    str | None,
    typer.Option(
        "--period",
        "-p",
        help=_(
            "Only this stretch: 2026, 2026-Q1, 2026-03, this-month, last-quarter, last-90-days."
        ),
    ),
]
UntilOption = Annotated[
    str | None, typer.Option("--until", metavar="DATE", help=_("Only entries on or before DATE."))
]
KindOption = Annotated[
    str | None,
    typer.Option(
        "--kind",
        "-k",
        help=_("Only this kind: knowledge, talent, money, access (or kennis, geld, toegang)."),
        autocompletion=complete_kind,
    ),
]
DirectionOption = Annotated[
    str | None,
    typer.Option(
        "--direction",
        "-d",
        help=_("Only gave or received (or gaf, kreeg)."),
        autocompletion=complete_direction,
    ),
]
TagOption = Annotated[
    str | None,
    typer.Option(
        "--tag", "-t", help=_("Only contacts with this tag."), autocompletion=complete_tag
    ),
]
EventOption = Annotated[
    str | None,
    typer.Option(
        "--event", "-e", help=_("Only what flowed at this event."), autocompletion=complete_event
    ),
]
GroupOption = Annotated[
    str | None,
    typer.Option(
        "--group", "-g", help=_("Only the members of this group."), autocompletion=complete_group
    ),
]
AllOption = Annotated[
    bool, typer.Option("--all", help=_("Show every row in a table (csv and json always have all)."))
]
YesOption = Annotated[bool, typer.Option("--yes", "-y", help=_("Do not ask; needed in scripts."))]


ValueOption = Annotated[
    int | None,
    typer.Option(
        "--value",
        "-v",
        metavar="INTEGER",
        parser=whole_number,
        help=_("Points: 1 a small tip, 3 a real favour, 5 life-changing."),
    ),
]
OnOption = Annotated[
    str | None,
    typer.Option(
        "--on",
        metavar="DATE",
        help=_("YYYY-MM-DD, D-M-YYYY, today, yesterday, 'N days ago', 'last friday' (or Dutch)."),
    ),
]


class OtherSide(StrEnum):
    REMOVE = "remove"
    KEEP = "keep"


OtherSideOption = Annotated[
    OtherSide | None,
    typer.Option(
        "--other-side",
        case_sensitive=False,
        help=_(
            "When an entry is one side of an introduction: remove or keep the other side "
            "(asked on a terminal)."
        ),
    ),
]


def id_argument(sentence: str) -> Any:
    """An id as scripts pass it: a positive whole number that the database can hold."""
    return typer.Argument(metavar="ID", parser=entry_id, help=sentence)


EntryIdArgument = Annotated[int, id_argument(_("The entry's id."))]


SaveOption = Annotated[
    Path | None,
    typer.Option(
        "--save", metavar="FILE", help=_("Also write the report to FILE.svg or FILE.html (0600).")
    ),
]
TABLE_LIMIT = 50  # a Rich row costs ~0.5 ms; a person reads about this many


ViewOption = Annotated[
    bool | None,
    typer.Option(
        "--givers-gain/--scores",
        help=_(
            "Givers-gain: what you gave and received side by side, never a net; --scores "
            "shows the net. Default: the 'view' setting."
        ),
        show_default=False,
    ),
]


def chosen_view(givers_gain: bool | None) -> View:
    """The view a report is shown in: its flag, else the ``view`` setting."""
    from wederkerig.settings import config

    if givers_gain is None:
        return config.view()
    return View.GIVERS_GAIN if givers_gain else View.SCORES
