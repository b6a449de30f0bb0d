"""``wederkerig demo``: a sample ledger to look around in, never the user's own."""

from pathlib import Path

import typer

from wederkerig.cli.context import AppContext, app_context
from wederkerig.cli.options import START_PANEL
from wederkerig.core.i18n import _
from wederkerig.core.vocabulary import View
from wederkerig.render import balance as balance_view
from wederkerig.render import console
from wederkerig.settings import config, paths

app = typer.Typer()


@app.command(
    rich_help_panel=START_PANEL,
    help=_(
        "Write a sample ledger to demo.db (beside, never instead of, yours) and show its balance."
    ),
)
def demo(ctx: typer.Context) -> None:
    from wederkerig.store.database import open_ledger
    from wederkerig.store.filters import Selection
    from wederkerig.usecases.balances import balance_rows, most_recently_given, total
    from wederkerig.usecases.demo import fill_demo_ledger
    from wederkerig.usecases.promises import open_promises

    target = paths.demo_target()
    for stale in (target, f"{target}-wal", f"{target}-shm"):
        Path(stale).unlink(missing_ok=True)
    app_ctx: AppContext = app_context(ctx)
    ledger = open_ledger(target, create=True)
    try:
        with ledger.transaction(write=True) as session:
            fill_demo_ledger(session, today=app_ctx.today, now=app_ctx.now())
            rows = balance_rows(session, Selection())
            pending = open_promises(session, Selection(), today=app_ctx.today)
    finally:
        ledger.dispose()
    view = config.view()
    shown = rows if view is View.SCORES else most_recently_given(rows, None)
    console.show(
        balance_view.balance_table,
        shown,
        total(rows),
        hidden=0,
        limit=len(rows),
        promises=pending,
        view=view,
    )
    console.message(
        _(
            "This is a sample ledger in {target}; your own ledger is untouched.\n"
            'Look around: wederkerig --db "{target}" brief "Anneke de Vries"\n'
            "  (also: flow, due, promises, loops, intros, balance --by group, "
            "balance --every month)"
        ).format(target=target)
    )
