"""The terminal: reports on stdout, messages and errors on stderr, a progress count while
importing, and the same report recorded as an SVG or HTML document for --save.

User data always enters as :class:`~rich.text.Text`, never as markup, so a name such as
``[bold]Jan`` or one with terminal escapes is shown literally.
"""

import io
import re
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from rich._export_format import CONSOLE_SVG_FORMAT
from rich.console import Console, RenderableType
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.text import Text

from wederkerig.core.i18n import _

_UNSAFE = {"Cc", "Cf", "Zl", "Zp"}  # control, format (bidi), line and paragraph separators


def _console(*, stderr: bool = False) -> Console:
    """A console that colours only a terminal and honours NO_COLOR (Rich reads it).

    Messages on stderr wrap between words on a terminal (the terminal itself would cut a
    word in two); piped, they are never wrapped: one problem, one line, whatever the width.
    (Asked whether it is a terminal, not Rich: FORCE_COLOR makes Rich treat a pipe as one.)
    """
    out = Console(stderr=stderr, highlight=False, emoji=False)
    out.soft_wrap = stderr and not out.file.isatty()
    return out


def show(build: Callable[..., RenderableType], *args: Any, **kwargs: Any) -> None:
    """Print a report on stdout, built for the width of the terminal (80 when piped).

    Piped, each line loses the spaces Rich pads table cells with, so a script reading the
    table sees no trailing blanks."""
    out = _console()
    report = build(*args, width=out.width, **kwargs)
    if out.is_terminal:
        out.print(report)
        return
    with out.capture() as captured:
        out.print(report)
    out.file.write("".join(line.rstrip() + "\n" for line in captured.get().splitlines()))


# Rich's SVG template loads the Fira Code font from a CDN; a saved report must look the same
# offline, so the @font-face rules go and the terminal's monospace font is used instead.
_OFFLINE_SVG = re.sub(r"@font-face \{\{.*?\}\}\s*", "", CONSOLE_SVG_FORMAT, flags=re.DOTALL)


def recorded(build: Callable[..., RenderableType], *args: Any, html: bool, **kwargs: Any) -> str:
    """The same report as on the terminal (same width, so the same columns) as a standalone
    SVG or HTML document with its colours and no remote resources: for an email to a fellow
    board member."""
    width = _console().width
    recorder = Console(
        record=True, width=width, file=io.StringIO(), force_terminal=True, color_system="truecolor"
    )
    recorder.print(build(*args, width=width, **kwargs))
    if html:
        return recorder.export_html(inline_styles=True)
    return recorder.export_svg(title="wederkerig", code_format=_OFFLINE_SVG)


def inert(text: str) -> str:
    """Text safe to show in a terminal: control and format characters (ESC, a bidi override)
    become visible escapes (\\x1b, \\u202e), so echoing what someone typed cannot clear a
    screen, write the clipboard or reverse a line. Line breaks and tabs stay."""
    if text.isprintable():
        return text
    return "".join(
        (f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}")
        if unicodedata.category(char) in _UNSAFE and char not in "\n\t\u200d\u200c"
        else char
        for char in text
    )


def message(text: str) -> None:
    """A message for the person (never data): to stderr, so stdout stays clean for pipes."""
    _console(stderr=True).print(Text(inert(text)))


def error(text: str) -> None:
    """The one line that says what went wrong and how to fix it, on stderr: a line break
    echoed from the user's input (a CSV cell) is shown as ``\\n``, not made a second line."""
    one_line = inert(text).replace("\r", "\\r").replace("\n", "\\n")
    _console(stderr=True).print(Text.assemble((_("error: "), "bold red"), one_line))


def ask(question: str) -> str:
    """The person's answer to ``question``, asked on stderr and wrapped between words."""
    _console(stderr=True).print(Text(inert(question)), end=" ")
    return input()


@contextmanager
def progress(description: str) -> Iterator[Callable[[int], None]]:
    """A live row count on a terminal's stderr; nothing at all when stderr is piped."""
    err = _console(stderr=True)
    if not err.is_terminal:
        yield lambda rows: None
        return
    with Progress(
        SpinnerColumn(),
        TextColumn(_("{task.description}: {task.completed:,.0f} rows")),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    ) as bar:
        task = bar.add_task(description, total=None)
        yield lambda rows: bar.advance(task, rows)
