"""The guided prompts' building blocks: one answer at a time, '<' to go back, yes or no in
English or Dutch, and a run of steps that asks again after an answer it cannot read."""

import readline
from collections.abc import Callable, Iterable

from wederkerig.core.errors import InvalidInputError
from wederkerig.core.i18n import _
from wederkerig.core.vocabulary import parse_yes_no
from wederkerig.render import console

BACK = "<"


class Back(Exception):
    """The user typed '<': go back one field."""


class Skip(Exception):
    """This field does not apply to the item as answered so far (an amount, for knowledge)."""


def ask(
    question: str,
    *,
    default: str | None = None,
    why: str | None = None,
    choices: Iterable[str] = (),
) -> str:
    """One line from the user, with Tab completing ``choices``; '<' raises :class:`Back`.

    ``why`` says where a default comes from ('3, as last time'), so a changing default
    never looks arbitrary."""
    options = sorted(set(choices), key=str.casefold)

    def complete(text: str, state: int) -> str | None:
        matches = [option for option in options if option.casefold().startswith(text.casefold())]
        return matches[state] if state < len(matches) else None

    readline.set_completer(complete)
    readline.set_completer_delims("\t\n")  # names hold spaces: complete the whole line
    readline.parse_and_bind("tab: complete")
    offer = f"{default}, {why}" if default and why else default
    shown = f"{question} [{offer}]: " if offer else f"{question}: "
    answer = input(shown).strip()
    if answer == BACK:
        raise Back
    return answer or (default or "")


def yes(question: str, *, default: bool) -> bool:
    """A yes or no, in English or Dutch; anything else asks again, so a stray answer at
    'Save?' never throws the conversation away."""
    hint = _("Y/n") if default else _("y/N")
    while True:
        answer = parse_yes_no(ask(f"{question} ({hint})"), default=default)
        if answer is not None:
            return answer
        console.message("  " + _("Answer y or yes, n or no (or in Dutch: j, ja, n, nee)."))


def until_valid(read: Callable[[], None]) -> None:
    """Ask again after an answer that cannot be read, saying why."""
    while True:
        try:
            read()
            return
        except InvalidInputError as problem:
            console.message(f"  {problem}")


def fill(
    steps: list[Callable[[], None]], first: Callable[[], None] | None = None, *, start: int = 0
) -> None:
    """Run the steps in order from ``start``; '<' goes back one (before the first: back to
    ``first``), and a step that does not apply is passed over in whichever direction the
    user is going (backwards when starting past the first, as when coming back to an item)."""
    position, step = start, -1 if start else 1
    while position < len(steps):
        try:
            until_valid(steps[position])
            position, step = position + 1, 1
        except Skip:
            position = max(position + step, 0)
        except Back:
            if position == 0:
                if first is None:
                    continue
                until_valid(first)
            else:
                position, step = position - 1, -1
