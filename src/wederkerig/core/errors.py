"""Domain errors, each carrying the exit code the CLI turns it into."""

from collections.abc import Iterable
from enum import IntEnum
from typing import Self

from wederkerig.core.i18n import _


class ExitCode(IntEnum):
    """The exit codes scripts may rely on (see docs/scripting.md)."""

    OK = 0
    LEDGER = 1  # not found, duplicate, refused: the ledger said no
    USAGE = 2  # bad option value, unknown kind or direction, bad date
    DATABASE = 3  # unreadable, corrupt, locked too long, newer schema
    INTERRUPTED = 130  # Ctrl-C
    TERMINATED = 143  # SIGTERM (kill): stopped cleanly, drafts removed, nothing saved


class WederkerigError(Exception):
    """A problem the user can fix; its message is one line naming the problem and the fix.

    A use case speaks of the ledger, never of flags: when the fix is an option, it names the
    ``field`` concerned and the command adds which option sets it (``cli.context.hinted``).
    """

    exit_code = ExitCode.LEDGER
    template: str | None = None
    arguments: dict[str, object]  # the template's, when there is one

    @classmethod
    def translated_when_shown(cls, template: str, **arguments: object) -> Self:
        """An error made before the language is chosen (reading the settings): its ``N_()``
        template is translated and filled in only when the error is shown."""
        error = cls(template)
        error.template, error.arguments = template, arguments
        return error

    def __str__(self) -> str:
        if self.template is None:
            return super().__str__()
        return _(self.template).format(**self.arguments)

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class NotFoundError(WederkerigError):
    """A contact, entry or event that does not exist."""


class RefusedError(WederkerigError):
    """The ledger refuses: a duplicate, an ambiguous name, a removal that would lose data."""


class InvalidInputError(WederkerigError):
    """A value the user typed cannot be understood."""

    exit_code = ExitCode.USAGE


class StorageError(WederkerigError):
    """The ledger file or database cannot be used as it is."""

    exit_code = ExitCode.DATABASE


def did_you_mean(candidates: Iterable[str]) -> str:
    """Phrase suggestions as the tail of an error message ('' when there are none)."""
    quoted = [f"'{c}'" for c in candidates]
    if not quoted:
        return ""
    if len(quoted) == 1:
        return " " + _("Did you mean {name}?").format(name=quoted[0])
    return " " + _("Did you mean {names} or {last}?").format(
        names=", ".join(quoted[:-1]), last=quoted[-1]
    )
