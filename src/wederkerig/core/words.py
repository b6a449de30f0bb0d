"""The words a person types for a kind or a direction, in English and Dutch.

Standard library only and nothing else of wederkerig: Tab completion offers these words on
every keystroke, before anything heavy loads (see wederkerig.cli.completion), and
wederkerig.core.vocabulary reads them into its kinds and directions.
"""

# Each kind's English word (the value stored) and its Dutch word: what Tab offers.
KINDS = {"knowledge": "kennis", "talent": "talent", "money": "geld", "access": "toegang"}
DIRECTIONS = {"gave": "gaf", "received": "kreeg"}
# Also understood when typed, never offered: other forms of the same words.
KIND_SYNONYMS = {"introduction": "access", "introductie": "access", "intro": "access"}
DIRECTION_SYNONYMS = {
    "given": "gave",
    "gegeven": "gave",
    "got": "received",
    "gekregen": "received",
    "ontvangen": "received",
}

# Each side of an introduction is described in the language it was made in: stored with the
# entry (data, never translated again), and read back by the import in either language.
INTRODUCED = {"en": "introduced to {name}", "nl": "voorgesteld aan {name}"}


def offered(words: dict[str, str]) -> tuple[str, ...]:
    """What Tab offers: the English words, then the Dutch ones that differ from them."""
    return tuple(dict.fromkeys([*words, *words.values()]))


def understood(words: dict[str, str], synonyms: dict[str, str]) -> dict[str, str]:
    """Every word that is read, each to the English word it stands for."""
    return (
        {word: word for word in words} | {dutch: word for word, dutch in words.items()} | synonyms
    )
