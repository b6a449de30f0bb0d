"""Typer's answers to each shell, with every name arriving as one argument.

Typer hands completions over as they are; names hold spaces, apostrophes (Dirk 't Hart),
``$`` and ``*``. Bash inserts what it is given, so it gets them backslash-escaped, as the quick
path in :mod:`wederkerig.cli.completion` does. Zsh reads Typer's answer as shell code
(``eval``, inside single quotes, inside double quotes) and quotes the match itself when it
inserts it, so a name only has to survive those layers. Fish quotes what it inserts: Typer's
plain lines are right for it. Zsh and fish match and replace the whole word typed, so for
``--group=Dr`` they are offered ``--group=Drechtsteden Partnership`` (bash splits that word at
the '=' and is answered by the quick path).
"""

import os

from typer import _completion_shared
from typer._click.shell_completion import CompletionItem, ShellComplete, add_completion_class
from typer._completion_classes import (
    BashComplete,
    FishComplete,
    ZshComplete,
    _sanitize_help_text,
)

from wederkerig.cli.completion import DOUBLE_QUOTED_SPECIAL, bash_escaped, bash_words


class EscapingBashComplete(BashComplete):
    """Bash: each name escaped as bash inserts it, for the quote the word is open in."""

    quote = ""

    def get_completion_args(self) -> tuple[list[str], str]:
        words, self.quote = bash_words(os.environ["COMP_WORDS"])
        cursor = int(os.environ["COMP_CWORD"])
        return words[1:cursor], words[cursor] if cursor < len(words) else ""

    def format_completion(self, item: CompletionItem) -> str:
        return bash_escaped(item.value, self.quote)


def zsh_quoted(text: str) -> str:
    """``text`` as one word of the ``_arguments`` spec that Typer's zsh script evaluates, layer
    by layer from the inside: '\\' and ':' escaped for the value:description split, then
    '\\', '"', '$' and '`' for the double quotes, then each ' closing and reopening the single
    quotes the whole spec stands in."""
    described = text.replace("\\", "\\\\").replace(":", "\\:")
    quoted = DOUBLE_QUOTED_SPECIAL.sub(r"\\\1", described)
    return '"' + quoted.replace("'", "'\\''") + '"'


ZSH_SCRIPT = """
#compdef %(prog_name)s

_%(prog_name)s() {
  eval $(env _TYPER_COMPLETE_ARGS="${words[1,$CURRENT]}" \\
    %(autocomplete_var)s=complete_zsh %(prog_name)s)
}

if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
  _%(prog_name)s "$@"
else
  compdef _%(prog_name)s %(prog_name)s
fi
"""


class _WholeWord(ShellComplete):
    """Values for ``--option=start`` offered as the whole word, as Click reads it: the option
    and '=' in front of each value Click completes."""

    def get_completions(self, args: list[str], incomplete: str) -> list[CompletionItem]:
        items = super().get_completions(args, incomplete)
        option, equals, _ = incomplete.partition("=")
        if equals and option.startswith("-"):
            for item in items:
                item.value = f"{option}={item.value}"
        return items


class WholeWordFishComplete(_WholeWord, FishComplete):
    """Fish: Typer's lines, with ``--option=`` kept in front of a value."""


class QuotingZshComplete(_WholeWord, ZshComplete):
    """Zsh: each value and description quoted so it survives the evaluation intact."""

    source_template = ZSH_SCRIPT

    def format_completion(self, item: CompletionItem) -> str:
        value = zsh_quoted(item.value)
        if not item.help:
            return value
        return f"{value}:{zsh_quoted(_sanitize_help_text(' '.join(item.help.split())))}"


def use_escaping_shells() -> None:
    """Answer bash, zsh and fish through the classes above, and install :data:`ZSH_SCRIPT` (Typer
    registers its own classes each time the app is built, so this runs once it is built,
    before the command line is parsed)."""
    add_completion_class(EscapingBashComplete, "bash")
    add_completion_class(QuotingZshComplete, "zsh")
    add_completion_class(WholeWordFishComplete, "fish")
    _completion_shared._completion_scripts["zsh"] = ZSH_SCRIPT
