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
