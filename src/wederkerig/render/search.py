"""``search``: where the words were found, the hits highlighted as the search found them."""

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text

from wederkerig.core.i18n import N_, _
from wederkerig.core.keywords import fold
from wederkerig.render import cells

if TYPE_CHECKING:
    from wederkerig.usecases.search import SearchHit

HIT_STYLE = "bold reverse"
# The machine words of the 'kind' column (as CSV and JSON write them), said for people.
KINDS = {
    "entry": N_("entry"), "dropped_reason": N_("drop reason"), "note": N_("note"),
    "needs": N_("needs"), "offers": N_("offers"), "event": N_("event"),
    "event_place": N_("event place"), "introduction": N_("introduction"),
    "outcome_note": N_("outcome note"), "group": N_("group note"),
}  # fmt: skip


def search_table(hits: Sequence["SearchHit"], *, width: int, terms: Sequence[str]) -> Table:
    """One row per field that matched; ``terms`` are highlighted where they occur."""
    columns = [
        cells.Col(_("What"), rank=2),
        cells.Col(_("Id"), justify="right", style="dim"),
        cells.Col(_("Date"), rank=1),
        cells.name_col(_("Contact"), (hit.contact or "" for hit in hits), rank=3),
        cells.Col(_("Text"), wrap=True, min_width=20),
    ]
    rows: list[list[Text | str]] = [
        [
            _(KINDS[hit.kind]),
            str(hit.id or ""),
            hit.date.isoformat() if hit.date else "",
            Text(hit.contact or ""),
            highlighted(hit.text, terms),
        ]
        for hit in hits
    ]
    return cells.fitted(width, columns, rows)


def highlighted(text: str, terms: Sequence[str]) -> Text:
    """``text`` with each occurrence of ``terms`` styled, accents and case aside: each
    folded character remembers the original character it came from."""
    folded, origin = "", []
    for position, char in enumerate(text):
        bare = fold(char)
        folded += bare
        origin += [position] * len(bare)
    shown = Text(text)
    for term in map(fold, terms):
        start = folded.find(term)
        while term and start != -1:
            end = origin[start + len(term) - 1] + 1
            shown.stylize(HIT_STYLE, origin[start], end)
            start = folded.find(term, start + len(term))
    return shown
