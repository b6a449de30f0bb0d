"""The root command: global options, sub-commands, and the one place errors become exit codes."""

import functools
import importlib
import re
import signal
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Annotated, Any

import typer
import typer.main
from typer.core import TyperGroup

from wederkerig import __version__
from wederkerig.cli import helpscreen, shells
from wederkerig.cli.context import AppContext
from wederkerig.cli.options import DATA_PANEL, RECORD_PANEL
from wederkerig.core import money
from wederkerig.core.errors import ExitCode, InvalidInputError, WederkerigError, did_you_mean
from wederkerig.core.i18n import N_, _
from wederkerig.render import console
from wederkerig.settings import config, paths
from wederkerig.settings.paths import DB_ENV

# Typer bundles Click without exporting the base of its errors; find it through a public one.
ClickException: type[Exception] = next(
    base for base in typer.BadParameter.__mro__ if base.__name__ == "ClickException"
)


# The Click that Typer bundles words its usage errors in English literals. These are their
# shapes, so that a Dutch reader gets them in Dutch; a shape not listed here stays English.
CLICK_SHAPES = [
    (re.compile(pattern), message)
    for pattern, message in (
        (r"Invalid value for (?P<param>.+?): (?:Value error, )?(?P<problem>.*)",
         N_("Invalid value for {param}: {problem}")),
        (r"'(?P<value>.*)' is not one of (?P<choices>.+)\.",
         N_("'{value}' is not one of {choices}.")),
        (r"Input should be a valid integer, unable to parse string as an integer",
         N_("Input should be a whole number")),
        (r"Input should be greater than or equal to (?P<limit>\S+)",
         N_("Input should be at least {limit}")),
        (r"Input should be less than or equal to (?P<limit>\S+)",
         N_("Input should be at most {limit}")),
        (r"No such option: (?P<option>\S+)(?: \(Possible options: (?P<options>.+)\))?",
         N_("No such option: {option}.")),
        (r"Option '(?P<option>.+)' requires an argument\.",
         N_("Option '{option}' requires an argument.")),
        (r"Got unexpected extra argument(?:s|\(s\))? \((?P<arguments>.*)\)",
         N_("Got unexpected extra argument(s) ({arguments})")),
        # Typer's own suggestion, after a message its gettext already translated
        (r"(?P<message>.+)\. Did you mean (?P<options>.+)\?", N_("{message}.")),
        (r"Missing argument (?P<param>.+)\.", N_("Missing argument {param}.")),
        (r"Missing option (?P<param>.+)\.", N_("Missing option {param}.")),
    )
]  # fmt: skip


def click_message(text: str) -> str:
    """Click's message in the reader's language, by its shape (nested: a value's problem)."""
    for shape, message in CLICK_SHAPES:
        if found := shape.fullmatch(text):
            parts = {key: value or "" for key, value in found.groupdict().items()}
            if "problem" in parts:
                parts["problem"] = click_message(parts["problem"])
            said = _(message).format(**parts)
            if parts.get("options"):
                said += did_you_mean(name.strip("'") for name in parts["options"].split(", "))
            return said
    return text


@dataclass(frozen=True)
class Commands:
    """Where some of the root's commands are defined: the Typer app ``app`` of the module
    ``wederkerig.cli.<module>``, either as the sub-command ``group`` (``contact add``) or as
    the root commands ``names``."""

    module: str
    names: tuple[str, ...] = ()
    group: str | None = None
    app: str = "app"
    panel: str | None = None

    @property
    def root_names(self) -> tuple[str, ...]:
        return (self.group,) if self.group else self.names

    def build(self) -> dict[str, Any]:
        """Import the module and let Typer build its Click commands, by name."""
        holder = typer.Typer()
        module = importlib.import_module(f"wederkerig.cli.{self.module}")
        holder.add_typer(getattr(module, self.app), name=self.group, rich_help_panel=self.panel)
        return dict(typer.main.get_group(holder).commands)


# Every root command, in the order help lists them. A run imports and builds only the module
# of the command it names (Typer would otherwise build all ~45 and import every module on
# every run, issue #15); help, completion and suggestions ask for the others as they need them.
COMMANDS = (
    Commands("contacts", group="contact", panel=RECORD_PANEL),
    Commands("events", group="event", panel=RECORD_PANEL),
    Commands("groups", group="group", panel=RECORD_PANEL),
    Commands("cadence", group="tag", app="tags", panel=RECORD_PANEL),
    Commands("imports", group="import", panel=DATA_PANEL),
    Commands("upkeep", group="db", app="db", panel=DATA_PANEL),
    Commands("settings", group="config", panel=DATA_PANEL),
    Commands("init", ("init",)),
    Commands("entries", ("log", "entries", "edit")),
    Commands("corrections", ("rm", "undo")),
    Commands("introductions", ("intro", "intros", "intro-outcome")),
    Commands("promises", ("promises", "keep", "drop", "loops")),
    Commands("cadence", ("due",)),
    Commands("reports", ("balance", "brief", "flow")),
    Commands("search", ("search",)),
    Commands("export", ("export",)),
    Commands("privacy", ("forget",)),
    Commands("upkeep", ("backup", "doctor")),
    Commands("demo", ("demo",)),
)
WHERE = {name: commands for commands in COMMANDS for name in commands.root_names}


class LedgerGroup(TyperGroup):
    """The one error boundary: every problem becomes one line on stderr and an exit code.
    It builds a command only when asked for it, and words its help for the reader."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        helpscreen.tidy(self)

    def list_commands(self, ctx: Any) -> list[str]:
        return list(WHERE)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        if cmd_name not in self.commands and cmd_name in WHERE:
            words = helpscreen.placeholders()
            for name, command in WHERE[cmd_name].build().items():
                helpscreen.tidy(command, words)
                self.add_command(command, name)
        return super().get_command(ctx, cmd_name)

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        """A name that is no command is matched against them all (Typer suggests from the
        commands it holds), so a typo costs building them all and a command none."""
        if args and args[0] not in WHERE:
            for name in WHERE:
                self.get_command(ctx, name)
        return super().resolve_command(ctx, args)

    def get_params(self, ctx: Any) -> list[Any]:
        """Also Typer's own options, which it adds after building this group."""
        params: list[Any] = super().get_params(ctx)
        helpscreen.tidy_params(params)
        return params

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except WederkerigError as problem:
            console.error(str(problem))
            raise typer.Exit(problem.exit_code) from None

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        """Report Click's own usage errors (a bad option value, a missing argument) in one line
        too, instead of Typer's usage-and-panel block; answer Tab with names each shell keeps
        as one argument."""
        shells.use_escaping_shells()
        run = functools.partial(
            super().main, args, prog_name, complete_var, False, windows_expand_args, **extra
        )
        if not standalone_mode:
            return run()
        try:
            outcome = run()
        except ClickException as problem:
            context = getattr(problem, "ctx", None)
            if type(problem).__name__ != "NoArgsIsHelpError":  # help was shown; say no more
                where = (
                    " " + _("(see '{command} --help')").format(command=context.command_path)
                    if context
                    else ""
                )
                said = getattr(problem, "format_message", problem.__str__)()
                console.error(f"{click_message(said)}{where}")
            sys.exit(getattr(problem, "exit_code", ExitCode.USAGE))
        except typer.Abort:
            console.error(_("aborted; nothing was saved"))
            sys.exit(ExitCode.LEDGER)
        sys.exit(outcome if isinstance(outcome, int) else ExitCode.OK)


app = typer.Typer(
    name="wederkerig",
    cls=LedgerGroup,
    help=_("A reciprocity ledger: what you gave, what you received, and what is still open."),
    epilog=_(
        "Kinds: knowledge (kennis), talent, money (geld), access (toegang). "
        "Directions: gave (gaf), received (kreeg). See docs/ for the manual."
    ),
    invoke_without_command=True,  # bare, it shows the first steps (see root)
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
            help=_(
                "Ledger to use: a SQLite file path or a SQLAlchemy URL. "
                "Default: ledger.db in your user data directory."
            ),
            show_envvar=True,
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_show_version, is_eager=True, help=_("Show the version and exit.")
        ),
    ] = False,
) -> None:
    config.read()  # a broken settings file is reported by every command, not by some
    money.use(config.value("currency"))
    if db and paths.has_password(db) and _typed(ctx, "db"):
        raise InvalidInputError(
            _(
                "a password in --db is visible to others (process list, shell history): put "
                "the URL in {variable}, or the password in ~/.pgpass or a PostgreSQL service file"
            ).format(variable=DB_ENV)
        )
    if not isinstance(ctx.obj, AppContext):
        ctx.obj = AppContext()
    ctx.obj.db = db
    if ctx.invoked_subcommand is None:
        print(helpscreen.start_here())
        raise typer.Exit()


def _typed(ctx: typer.Context, name: str) -> bool:
    """Whether a parameter's value came from the command line (not the environment)."""
    source = ctx.get_parameter_source(name)
    return source is not None and source.name == "COMMANDLINE"


def main() -> None:
    """Console-script entry point."""
    signal.signal(signal.SIGTERM, _terminated)
    app(prog_name="wederkerig")


def _terminated(signum: int, frame: Any) -> None:
    """SIGTERM unwinds the command like an error: the open transaction is rolled back and the
    draft of an --output file removed, where the default action would leave both behind."""
    raise SystemExit(ExitCode.TERMINATED)
