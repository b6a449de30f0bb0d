"""The command-line layer: parse arguments, call a use case, render the result. Nothing more."""

import atexit
import gc
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
    # Start-up makes ~300,000 objects that live as long as the process (the modules of Typer,
    # Rich, SQLAlchemy, pydantic): collecting garbage meanwhile walks them again and again,
    # and Python's last collection at exit walks them once more (together ~100 ms of a 0.5 s
    # balance, docs/performance.md). So no collection runs until the command starts its work
    # (work_begins), and objects frozen at exit are skipped: the system takes the memory back.
    gc.disable()
    atexit.register(gc.freeze)
    from wederkerig.core import i18n
    from wederkerig.settings import language

    # Before the commands are imported: their help is translated as they are defined.
    i18n.speak_for_libraries(language.choose())
    from wederkerig.cli.app import main as run

    run()


def work_begins() -> None:
    """Called once the ledger is open, when start-up has loaded all it needs: what is alive
    now lives until exit, so it is frozen out of every collection, and collecting resumes
    for the command's own work. (Under a test runner, which never paused it, this does
    nothing.)"""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()
