"""The filters every listing and report shares (--kind, --since, --period, --tag ...), parsed."""

from typing import TYPE_CHECKING

import typer

from wederkerig.cli.context import app_context
from wederkerig.core.dates import parse_period
from wederkerig.core.errors import InvalidInputError
from wederkerig.core.i18n import _
from wederkerig.core.names import tag_name
from wederkerig.core.vocabulary import parse_direction, parse_kind

if TYPE_CHECKING:
    from wederkerig.store.filters import Selection


def selection_from(
    ctx: typer.Context,
    *,
    kind: str | None = None,
    direction: str | None = None,
    since: str | None = None,
    until: str | None = None,
    period: str | None = None,
    tag: str | None = None,
) -> "Selection":
    """The filters every listing and report shares, parsed from what the user typed."""
    from wederkerig.store.filters import Selection

    app_ctx = app_context(ctx)
    if period is not None:
        if since or until:
            raise InvalidInputError(
                _("--period sets both ends of the stretch: give it without --since and --until")
            )
        first, last = parse_period(period, app_ctx.today)
        since, until = first.isoformat(), last.isoformat()
    selection = Selection(
        kind=parse_kind(kind) if kind else None,
        direction=parse_direction(direction) if direction else None,
        since=app_ctx.date(since, allow_future=True),
        until=app_ctx.date(until, allow_future=True),
        tag=tag_name(tag) if tag else None,
    )
    if selection.since and selection.until and selection.since > selection.until:
        raise InvalidInputError(
            _("--since {since} is after --until {until}: swap them").format(
                since=selection.since, until=selection.until
            )
        )
    return selection
