"""What every command shares: the chosen ledger, today's date, and one transaction per command."""

import os
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import typer

from wederkerig.cli import work_begins
from wederkerig.core.dates import read_date
from wederkerig.core.errors import InvalidInputError, WederkerigError
from wederkerig.core.i18n import N_, _
from wederkerig.core.vocabulary import parse_yes_no
from wederkerig.formats.columns import Format
from wederkerig.formats.writers import write_rows
from wederkerig.render import console
from wederkerig.settings import config, paths

if TYPE_CHECKING:
    from sqlmodel import Session

    from wederkerig.cli.options import OtherSide
    from wederkerig.store.database import Database
    from wederkerig.usecases.entries import EntryRow


@dataclass
class AppContext:
    """Built by the root callback; tests pass their own through ``obj=`` to fix 'today'."""

    db: str | None = None
    today: date = field(default_factory=date.today)

    @property
    def target(self) -> str:
        return paths.choose_target(self.db)

    @property
    def member(self) -> str:
        """Who is logging, recorded on each entry of a ledger a team shares."""
        return config.me()

    def now(self) -> datetime:
        return datetime.now(UTC)

    def date(self, text: str | None, *, allow_future: bool = False) -> date | None:
        """The date typed, saying on stderr which reading was taken when there was a choice."""
        if text is None:
            return None
        day, notice = read_date(text, self.today, allow_future=allow_future)
        if notice is not None:
            console.message(notice)
        return day


def app_context(ctx: typer.Context) -> AppContext:
    obj = ctx.find_object(AppContext)
    assert obj is not None, "the root callback always sets the context"
    return obj


# How to fix on the command line what a use case says about a ledger field (see hinted).
FIELD_HINTS: Mapping[str, str] = {
    "contact": N_("{problem} Add one with 'wederkerig contact add NAME', or log with --create."),
    "event": N_("{problem} Add it with 'wederkerig event add NAME', or log with --create."),
    "tag": N_("{problem}; add it with 'wederkerig contact edit NAME --tag TAG'"),
}


@contextmanager
def hinted(hints: Mapping[str, str]) -> Iterator[None]:
    """Add the command's fix to a use case's error about a field: the use case names what is
    wrong in the ledger, the command knows which option (or command) mends it here."""
    try:
        yield
    except WederkerigError as problem:
        hint = hints.get(problem.field or "")
        if hint is None:
            raise
        raise type(problem)(_(hint).format(problem=problem), field=problem.field) from None


@contextmanager
def transaction(
    ctx: typer.Context,
    *,
    write: bool = False,
    dry_run: bool = False,
    create: bool | None = None,
    hints: Mapping[str, str] = FIELD_HINTS,
) -> Iterator["Session"]:
    """Open the ledger and run the command's one transaction (committed only on success);
    ``hints`` (FIELD_HINTS and the command's own) complete the use case's errors. A missing
    ledger is made for a command that writes (``create`` says otherwise: a dry run makes none)."""
    with (
        opened(ctx, create=write if create is None else create, hints=hints) as ledger,
        ledger.transaction(write=write, dry_run=dry_run) as session,
    ):
        yield session


@contextmanager
def opened(
    ctx: typer.Context, *, create: bool = False, hints: Mapping[str, str] = FIELD_HINTS
) -> Iterator["Database"]:
    """The ledger, opened for a use case that runs its own transaction (and disposed after).

    Only a writing command (or one that is about to write: ``create``) makes a ledger that is
    not there yet, and only when it succeeds (it says so then); reading a mistyped --db is
    refused instead of showing an empty ledger.
    """
    from wederkerig.store.database import open_ledger

    target = app_context(ctx).target
    ledger = open_ledger(target, create=create)
    work_begins()
    if ledger.upgrade is not None:
        upgraded = (
            _(
                "Upgraded the ledger {ledger} from schema {old} to {new}; "
                "the old one is kept at {backup}."
            )
            if ledger.upgrade.backup
            else _("Upgraded the ledger {ledger} from schema {old} to {new}.")
        )
        console.message(
            upgraded.format(
                ledger=ledger.where,
                old=ledger.upgrade.old,
                new=ledger.upgrade.new,
                backup=ledger.upgrade.backup,
            )
        )
    try:
        with hinted(hints):
            yield ledger
    except BaseException:
        if ledger.created and ledger.file is not None:  # nothing was kept: make nothing either
            ledger.dispose()
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(f"{ledger.file}{suffix}").unlink(missing_ok=True)
        raise
    finally:
        ledger.dispose()
    if ledger.created:
        said_new(target)


def said_new(target: str) -> None:
    """Say that a new ledger was made, unless it is the default one on first use: a ledger
    made at a path given on purpose (perhaps mistyped) must not pass unnoticed."""
    if target != paths.default_target():
        console.message(_("Made a new ledger at {ledger}.").format(ledger=paths.describe(target)))


SAVE_SUFFIXES = {".svg": False, ".html": True, ".htm": True}  # suffix: is it HTML


def check_save(path: Path | None, output_format: Format) -> None:
    """Refuse a --save that cannot be honoured before any work is done."""
    if path is None:
        return
    if path.suffix.casefold() not in SAVE_SUFFIXES:
        raise InvalidInputError(_("--save {path}: name an .svg or .html file").format(path=path))
    if output_format is not Format.TABLE:
        raise InvalidInputError(_("--save keeps the table view: drop --format, or --save"))


def present(save: Path | None, build: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
    """Show a report on the terminal and, with --save, write the same rendering to a private
    file (0600: it holds other people's data)."""
    console.show(build, *args, **kwargs)
    if save is None:
        return
    document = console.recorded(build, *args, html=SAVE_SUFFIXES[save.suffix.casefold()], **kwargs)
    with output_stream(save) as stream:
        stream.write(document)
    console.message(_("Saved the report to {path}.").format(path=save))


def confirmed(question: str, *, refusal: str) -> bool:
    """Ask on a terminal; elsewhere refuse with ``refusal`` (which names the flag that
    answers the question), because a script cannot be asked."""
    if not sys.stdin.isatty():
        raise InvalidInputError(refusal)
    return yes_or_no(question, default=False)


def yes_or_no(question: str, *, default: bool) -> bool:
    """Ask until the answer is yes or no, in either language (y, yes, j, ja; n, no, nee):
    Click's confirm takes only y and n, which a Dutch reader asked in Dutch does not type.
    Ctrl-C or the end of input aborts."""
    hint = _("Y/n") if default else _("y/N")
    while True:
        try:
            typed = console.ask(f"{question} [{hint}]")
        except (KeyboardInterrupt, EOFError):
            raise typer.Abort() from None
        answer = parse_yes_no(typed, default=default)
        if answer is not None:
            return answer
        console.message(_("Answer y or n (or j, ja, nee)."))


def other_sides_too(choice: "OtherSide | None", partners: "list[EntryRow]") -> bool:
    """Whether to remove the other sides of the introductions about to lose one side: as
    chosen with --other-side, or asked; False when there are none."""
    from wederkerig.cli.options import OtherSide
    from wederkerig.usecases.entries import describe

    if not partners or choice is not None:
        return choice is OtherSide.REMOVE
    listed = "; ".join(describe(partner) for partner in partners[:3])
    if len(partners) > 3:
        listed = _("{listed} and {count} more").format(listed=listed, count=len(partners) - 3)
    return confirmed(
        _("That is one side of an introduction. Also remove the other side: {listed}?").format(
            listed=listed
        ),
        refusal=_(
            "the other side of that introduction is {listed}: "
            "add --other-side remove or --other-side keep"
        ).format(listed=listed),
    )


def show_listing(
    output_format: Format,
    columns: Sequence[str],
    rows: Sequence[Sequence[object]],
    table: Callable[..., Any],  # a table builder from wederkerig.render
    empty: str,
) -> None:
    """A listing in the chosen format: CSV/JSON rows for scripts, else a table (or, when
    there is nothing to list, one message on stderr saying how to start)."""
    if output_format is not Format.TABLE:
        write_rows(output_format, sys.stdout, columns, rows)
    elif not rows:
        console.message(empty)
    else:
        console.show(table, rows)


@contextmanager
def output_stream(output: Path | None) -> Iterator[TextIO]:
    """stdout, or a private file (0600) that appears only once it is complete (a draft
    until then, removed on an error, Ctrl-C or SIGTERM).

    A target that exists and is not a regular file (/dev/null, /dev/stdout, a named pipe)
    is written in place: replacing it would put a file where the device was.
    """
    if output is None:
        yield sys.stdout
        return
    output = output.expanduser()
    if output.exists() and not output.is_file():
        try:
            with output.open("w", encoding="utf-8", newline="") as stream:
                yield stream
        except OSError as error:
            raise WederkerigError(
                _("cannot write {path}: {error}").format(path=output, error=error.strerror)
            ) from None
        return
    try:
        descriptor, draft = paths.open_draft(output)
    except OSError as error:
        raise WederkerigError(
            _("cannot write {path}: {error}").format(path=output, error=error.strerror)
        ) from None
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as stream:
            yield stream
        os.replace(draft, output)
    except OSError as error:  # the disk is full, or the file grew past a limit
        draft.unlink(missing_ok=True)
        raise WederkerigError(
            _("cannot write {path}: {error}").format(path=output, error=error.strerror)
        ) from None
    except BaseException:
        draft.unlink(missing_ok=True)
        raise
