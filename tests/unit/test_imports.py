"""What importing a module pulls in: the layers below it only, and nothing slow before a
command needs it."""

import subprocess
import sys

import pytest


def imported_after(code: str) -> set[str]:
    """The modules a fresh interpreter holds after running ``code``."""
    shown = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport sys\nprint('\\n'.join(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
    )
    return set(shown.stdout.split())


@pytest.mark.parametrize(
    "code",
    [
        "from wederkerig.core import i18n; i18n._('Options'); i18n.language()",
        "from wederkerig.core import money; money.currency()",
    ],
)
def test_translation_and_money_do_not_read_the_settings(code: str) -> None:
    """The settings are read once, by whoever starts the process, and handed down: speaking
    and counting money do not go looking for them (that was a config ↔ i18n cycle)."""
    modules = imported_after(code)
    assert "wederkerig.core" in modules
    assert not {name for name in modules if name.startswith("wederkerig.settings")}


def test_the_package_loads_its_library_only_when_it_is_used() -> None:
    """``import wederkerig`` runs before every command; SQLAlchemy costs half a second."""
    assert "sqlalchemy" not in imported_after("import wederkerig; wederkerig.Kind")
    assert "sqlalchemy" in imported_after("import wederkerig; wederkerig.Ledger")


def test_help_does_not_load_the_database_stack() -> None:
    modules = imported_after(
        "import contextlib, io, sys\n"
        "from wederkerig.cli import main\n"
        "sys.argv = ['wederkerig', '--help']\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):\n"
        "    main()"
    )
    assert "wederkerig.cli.app" in modules
    assert not {name for name in modules if name.split(".")[0] in {"sqlalchemy", "sqlmodel"}}
