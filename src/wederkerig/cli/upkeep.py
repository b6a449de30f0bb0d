"""``wederkerig backup`` and ``doctor``: keep the ledger file safe and check its health."""

from pathlib import Path
from typing import Annotated

import typer

from wederkerig import render
from wederkerig.cli.context import app_context
from wederkerig.cli.options import DATA_PANEL
from wederkerig.errors import StorageError

app = typer.Typer()


@app.command(rich_help_panel=DATA_PANEL)
def backup(
    ctx: typer.Context,
    path: Annotated[
        Path | None,
        typer.Argument(help="Where to write it. Default: backups/ in the data directory."),
    ] = None,
    keep: Annotated[
        int | None,
        typer.Option("--keep", min=1, help="Then keep only the N newest default backups."),
    ] = None,
) -> None:
    """Copy the ledger consistently (even while others write), check it, keep it private."""
    from wederkerig.database import open_ledger
    from wederkerig.maintenance import backup as copy_ledger
    from wederkerig.maintenance import prune_backups, sqlite_path

    target = app_context(ctx).target
    open_ledger(target).dispose()  # refuses anything that is not a (current) ledger
    written = copy_ledger(sqlite_path(target), path, now=app_context(ctx).now())
    print(written)
    render.message(f"Backed up to {written} (integrity check: ok).")
    if keep is not None:
        for removed in prune_backups(sqlite_path(target), keep):
            render.message(f"Removed old backup {removed}.")


@app.command(rich_help_panel=DATA_PANEL)
def doctor(ctx: typer.Context) -> None:
    """Check where the ledger is, its schema, size, counts, integrity and file modes."""
    from wederkerig.database import SCHEMA_HEAD
    from wederkerig.maintenance import diagnose, sqlite_path

    found = diagnose(sqlite_path(app_context(ctx).target), head=SCHEMA_HEAD)
    render.console().print(render.diagnosis(found.facts, found.problems))
    if found.problems:
        raise StorageError(
            found.problems[0]
            + (f" (and {len(found.problems) - 1} more)" if len(found.problems) > 1 else "")
        )


db = typer.Typer(help="The ledger's database: upgrade a shared ledger's schema.")


@db.command("upgrade")
def upgrade(ctx: typer.Context) -> None:
    """Bring a shared (PostgreSQL) ledger to this version's schema, once for the whole team.

    Back it up first (pg_dump). Members running commands meanwhile wait for it; a ledger
    file (SQLite) upgrades itself on first use and needs no command.
    """
    from wederkerig.database import SCHEMA_HEAD, open_ledger

    ledger = open_ledger(app_context(ctx).target, upgrade_shared=True)
    ledger.dispose()
    if ledger.upgrade is None:
        render.message(f"{ledger.where} is at schema {SCHEMA_HEAD} already; nothing to do.")
    else:
        render.message(
            f"Upgraded {ledger.where} from schema {ledger.upgrade.old} to {ledger.upgrade.new}."
        )
