"""The words of a free text that carry its meaning, for matching needs with offers.

Kept simple enough to explain to the user: case and accents do not count, Dutch and English
stop words and the four kind words are left out (they say what sort of help, not which), and
a plural ending (-en, -s) is dropped from a longer word. Punctuation only separates words.
"""

import re
import unicodedata

_WORD = re.compile(r"[^\W_]+")
_TERM = re.compile(r'"([^"]*)"|(\S+)')
_STOP_LIST = (
    # English
    "a an and any are as at be by for from has have he her his i in into is it its me my of on "
    "or our she some that the their them these they this those to us we what who with you "
    "your need needs needed offer offers looking want wants help "
    # Dutch
    "aan al als bij daar dan dat de deze die dit door een en er haar het hij hem hun iemand "
    "iets in is je jij jou jouw kan me met mij mijn na naar niet nodig of om onze ons op over "
    "te tot u uit van veel voor wat we wie wij wil ze zij zijn zoekt zoek zoeken biedt bieden "
    "hulp "
    # the kinds, in both languages
    "knowledge kennis talent talenten money geld access toegang"
)
_PLURAL_ENDINGS = ("en", "s")
_SHORTEST_STEM = 4


def fold(text: str) -> str:
    """Text as compared: casefolded, accents stripped (``Café`` → ``cafe``)."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in folded if not unicodedata.combining(char))


def search_terms(text: str) -> list[str]:
    """What a search looks for: each word, or a "quoted phrase" kept whole (its spacing
    tidied). Nothing in it is syntax beyond the pair of quotes: ``*``, ``-``, ``%`` or a lone
    ``"`` are characters like any other."""
    terms = (phrase or word for phrase, word in _TERM.findall(unicodedata.normalize("NFC", text)))
    return [" ".join(term.split()) for term in terms if term.strip()]


def _key(word: str) -> str:
    """The comparison form of one word: casefolded, accents stripped, a plural ending off."""
    bare = fold(word)
    for ending in _PLURAL_ENDINGS:
        if bare.endswith(ending) and len(bare) - len(ending) >= _SHORTEST_STEM:
            return bare[: -len(ending)]
    return bare


_STOP_KEYS = frozenset(_key(word) for word in _STOP_LIST.split())


def keywords(text: str) -> dict[str, str]:
    """The meaningful words of ``text``: comparison form → the word as first typed."""
    found: dict[str, str] = {}
    for word in _WORD.findall(unicodedata.normalize("NFC", text)):
        key = _key(word)
        if len(key) >= 2 and key not in _STOP_KEYS:
            found.setdefault(key, word)
    return found


def shared_words(need: str, offer: str) -> tuple[str, ...]:
    """The words of ``need`` that ``offer`` also has, as typed in the need, in its order."""
    offered = keywords(offer)
    return tuple(word for key, word in keywords(need).items() if key in offered)
