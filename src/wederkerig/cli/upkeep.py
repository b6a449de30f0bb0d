"""``wederkerig backup`` and ``doctor``: keep the ledger file safe and check its health."""

from pathlib import Path
from typing import Annotated

import typer

from wederkerig.cli.context import app_context
from wederkerig.cli.options import DATA_PANEL
from wederkerig.core.errors import StorageError
from wederkerig.core.i18n import _, ngettext
from wederkerig.core.vocabulary import whole_number_from
from wederkerig.render import console
from wederkerig.render import summaries as summaries_view

app = typer.Typer()


@app.command(
    rich_help_panel=DATA_PANEL,
    help=_("Copy the ledger consistently (even while others write), check it, keep it private."),
)
def backup(
    ctx: typer.Context,
    path: Annotated[
        Path | None,
        typer.Argument(help=_("Where to write it. Default: backups/ in the data directory.")),
    ] = None,
    keep: Annotated[
        int | None,
        typer.Option(
            "--keep",
            metavar="N",
            parser=whole_number_from(1),
            help=_("Then keep only the N newest default backups."),
        ),
    ] = None,
) -> None:
    from wederkerig.store.database import open_ledger
    from wederkerig.store.files import backup as copy_ledger
    from wederkerig.store.files import prune_backups, sqlite_path

    target = app_context(ctx).target
    open_ledger(target).dispose()  # refuses anything that is not a (current) ledger
    written = copy_ledger(sqlite_path(target), path, now=app_context(ctx).now())
    for removed in written.removed:
        console.message(
            _("Removed {path}, an unfinished copy an interrupted run left.").format(path=removed)
        )
    print(written.path)
    console.message(_("Backed up to {path} (integrity check: ok).").format(path=written.path))
    if keep is not None:
        for removed in prune_backups(sqlite_path(target), keep):
            console.message(_("Removed old backup {path}.").format(path=removed))


@app.command(
    rich_help_panel=DATA_PANEL,
    help=_("Check where the ledger is, its schema, size, counts, integrity and file modes."),
)
def doctor(ctx: typer.Context) -> None:
    from wederkerig.store.database import missing_ledger
    from wederkerig.store.files import diagnose, sqlite_path
    from wederkerig.store.schema import SCHEMA_HEAD

    target = app_context(ctx).target
    if not sqlite_path(target).exists():
        raise missing_ledger(target)
    found = diagnose(sqlite_path(target), head=SCHEMA_HEAD)
    console.show(summaries_view.diagnosis, found.facts, found.problems)
    if len(found.problems) == 1:
        raise StorageError(found.problems[0])
    if found.problems:
        more = len(found.problems) - 1
        raise StorageError(
            ngettext("{problem} (and {count} more)", "{problem} (and {count} more)", more).format(
                problem=found.problems[0], count=more
            )
        )


db = typer.Typer(help=_("The ledger's database: upgrade a shared ledger's schema."))


@db.command(
    "upgrade",
    help=_(
        "Bring a shared (PostgreSQL) ledger to this version's schema, once for the whole team.\n\n"
        "Back it up first (pg_dump). Members running commands meanwhile wait for it; a ledger "
        "file (SQLite) upgrades itself on first use and needs no command."
    ),
)
def upgrade(ctx: typer.Context) -> None:
    from wederkerig.store.database import open_ledger
    from wederkerig.store.schema import SCHEMA_HEAD

    ledger = open_ledger(app_context(ctx).target, upgrade_shared=True)
    ledger.dispose()
    if ledger.upgrade is None:
        console.message(
            _("{ledger} is at schema {schema} already; nothing to do.").format(
                ledger=ledger.where, schema=SCHEMA_HEAD
            )
        )
    else:
        console.message(
            _("Upgraded {ledger} from schema {old} to {new}.").format(
                ledger=ledger.where, old=ledger.upgrade.old, new=ledger.upgrade.new
            )
        )
