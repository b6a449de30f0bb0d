"""The root command: global options, sub-commands, and the one place errors become exit codes."""

from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from wederkerig import __version__, render
from wederkerig.cli import contacts, demo, entries, export, reports
from wederkerig.cli.context import AppContext
from wederkerig.errors import WederkerigError
from wederkerig.paths import DB_ENV


class LedgerGroup(TyperGroup):
    """Turns a :class:`WederkerigError` from any command into one stderr line and its exit code."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except WederkerigError as problem:
            render.error(str(problem))
            raise typer.Exit(problem.exit_code) from None


app = typer.Typer(
    name="wederkerig",
    cls=LedgerGroup,
    help="A reciprocity ledger: what you gave, what you received, and what is still open.",
    epilog="Kinds: knowledge (kennis), talent, money (geld), access (toegang). "
    "Directions: gave (gaf), received (kreeg). See docs/ for the manual.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,  # a traceback would show locals, which hold personal data
)


def _show_version(show: bool) -> None:
    if show:
        print(f"wederkerig {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            envvar=DB_ENV,
            metavar="TARGET",
            help="Ledger to use: a SQLite file path or a SQLAlchemy URL. "
            "Default: ledger.db in your user data directory.",
            show_envvar=True,
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_show_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """A reciprocity ledger: what you gave, what you received, and what is still open."""
    if not isinstance(ctx.obj, AppContext):
        ctx.obj = AppContext()
    ctx.obj.db = db


app.add_typer(contacts.app, name="contact", rich_help_panel="Record")
for commands in (entries.app, reports.app, export.app, demo.app):
    app.add_typer(commands)


def main() -> None:
    """Console-script entry point."""
    app(prog_name="wederkerig")
