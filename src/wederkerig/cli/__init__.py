"""The command-line layer: parse arguments, call a use case, render the result. Nothing more."""

import os
import sys


def main() -> None:
    """Console-script entry point: the version and a contact name for bash's Tab answered
    before Typer and Rich load (see wederkerig.cli.completion), anything else through the
    Typer app."""
    if sys.argv[1:] == ["--version"]:  # the app's --version says the same, ~10x slower
        from wederkerig import __version__

        sys.stdout.write(f"wederkerig {__version__}\n")
        return
    from wederkerig.cli.completion import bash_answer

    answer = bash_answer(os.environ)
    if answer is not None:
        sys.stdout.write(answer)
        return
    from wederkerig.core import i18n
    from wederkerig.settings import language

    # Before the commands are imported: their help is translated as they are defined.
    i18n.speak_for_libraries(language.choose())
    from wederkerig.cli.app import main as run

    run()
