"""``wederkerig config …``: the settings file (who I am, the default ledger, thresholds)."""

from typing import Annotated

import typer

from wederkerig import config, render
from wederkerig.cli.context import show_listing
from wederkerig.cli.options import FormatOption
from wederkerig.formats import SETTING_COLUMNS, Format
from wederkerig.i18n import _

app = typer.Typer(
    help="Show and change settings (a TOML file). A flag beats the environment, which beats "
    "the file, which beats the default."
)
KeyArgument = Annotated[
    str, typer.Argument(metavar="KEY", help=f"One of: {', '.join(config.KEYS)}.")
]


@app.command("get")
def get(key: KeyArgument) -> None:
    """Print a setting's value as it applies now (nothing if it has none)."""
    found = config.value(key)
    if found is not None:
        print(found)


@app.command("set")
def set_(key: KeyArgument, value: Annotated[str, typer.Argument(help="The new value.")]) -> None:
    """Store a setting in the file (private, 0600)."""
    path = config.store(key, value)
    render.message(f"Set {key} in {path}.")


@app.command("unset")
def unset(key: KeyArgument) -> None:
    """Remove a setting from the file, so the default (or the environment) applies."""
    path = config.store(key, None)
    render.message(f"Removed {key} from {path}.")


@app.command("list")
def list_(
    ctx: typer.Context,
    origin: Annotated[
        bool, typer.Option("--origin", help="Say where each value comes from.")
    ] = False,
    format: FormatOption = Format.TABLE,
) -> None:
    """Every setting with its value (and, with --origin, whether flag, env, file or default)."""
    flags = {"db": ctx.find_root().params.get("db")}
    rows = []
    for key, spec in config.KEYS.items():
        found, source = config.lookup(key, flags.get(key))
        rows.append((key, found, source if origin else None, _(spec.help)))
    show_listing(format, SETTING_COLUMNS, rows, render.settings_table, "No settings.")
