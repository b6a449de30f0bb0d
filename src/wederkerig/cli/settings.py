"""``wederkerig config …``: the settings file (who I am, the default ledger, thresholds)."""

from typing import Annotated

import typer

from wederkerig.cli.context import show_listing
from wederkerig.cli.options import FormatOption
from wederkerig.core.i18n import _
from wederkerig.formats.columns import SETTING_COLUMNS, Format
from wederkerig.render import console
from wederkerig.render import listings as listings_view
from wederkerig.settings import config

app = typer.Typer(
    help=_(
        "Show and change settings (a TOML file). A flag beats the environment, which beats "
        "the file, which beats the default."
    )
)
KeyArgument = Annotated[
    str,
    typer.Argument(metavar="KEY", help=_("One of: {keys}.").format(keys=", ".join(config.KEYS))),
]


@app.command("get", help=_("Print a setting's value as it applies now (nothing if it has none)."))
def get(key: KeyArgument) -> None:
    found = config.value(key)
    if found is not None:
        print(found)


@app.command("set", help=_("Store a setting in the file (private, 0600)."))
def set_(key: KeyArgument, value: Annotated[str, typer.Argument(help=_("The new value."))]) -> None:
    path = config.store(key, value)
    console.message(_("Set {key} in {path}.").format(key=key, path=path))


@app.command(
    "unset",
    help=_("Remove a setting from the file, so the default (or the environment) applies."),
)
def unset(key: KeyArgument) -> None:
    path = config.store(key, None)
    console.message(_("Removed {key} from {path}.").format(key=key, path=path))


@app.command(
    "list",
    help=_(
        "Every setting with its value (and, with --origin, whether flag, env, file or default)."
    ),
)
def list_(
    ctx: typer.Context,
    origin: Annotated[
        bool, typer.Option("--origin", help=_("Say where each value comes from."))
    ] = False,
    output_format: FormatOption = Format.TABLE,
) -> None:
    flags = {"db": ctx.find_root().params.get("db")}
    rows = []
    for key, spec in config.KEYS.items():
        found, source = config.lookup(key, flags.get(key))
        rows.append((key, found, source if origin else None, spec.help))
    show_listing(
        output_format, SETTING_COLUMNS, rows, listings_view.settings_table, _("No settings.")
    )
