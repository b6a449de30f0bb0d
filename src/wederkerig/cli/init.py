"""``wederkerig init``: make a new ledger on purpose, so that no other command has to guess."""

from typing import Annotated

import typer

from wederkerig.cli.context import app_context
from wederkerig.cli.options import START_PANEL
from wederkerig.core.i18n import _
from wederkerig.render import console
from wederkerig.settings import paths

app = typer.Typer()


@app.command(
    rich_help_panel=START_PANEL,
    help=_(
        "Create a new, empty ledger at --db (default: ledger.db in your user data directory). "
        "An existing ledger is left as it is."
    ),
)
def init(
    ctx: typer.Context,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            metavar="TARGET",
            help=_("Where to make it, as the global --db: 'wederkerig init --db PATH' reads well."),
        ),
    ] = None,
) -> None:
    from wederkerig.store.database import create_ledger

    target = paths.choose_target(db) if db is not None else app_context(ctx).target
    if create_ledger(target):
        console.message(_("Made a new ledger at {ledger}.").format(ledger=paths.describe(target)))
    else:
        console.message(
            _("There is a ledger at {ledger} already; it was left as it is.").format(
                ledger=paths.describe(target)
            )
        )
