"""Open loops: what was received and not answered yet (or, if asked, given). Never prints."""

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date

from sqlmodel import Session

from wederkerig.core.vocabulary import Direction
from wederkerig.store.filters import Selection
from wederkerig.usecases.entries import EntryRow, iter_entries, narrow_to_contact


@dataclass(frozen=True)
class OpenLoop:
    entry: EntryRow
    age_days: int


def open_loops(
    session: Session, selection: Selection, *, today: date, both: bool = False
) -> Iterator[OpenLoop]:
    """Received entries nothing answers yet, oldest first: the gratitude still owed. With
    ``both``, also what was given and never answered (giving without keeping score is the
    default, so that side is only shown on request)."""
    direction = None if both else Direction.RECEIVED
    unanswered = replace(selection, unanswered=True, direction=direction)
    for row in iter_entries(session, unanswered):  # streamed: a long ledger has many
        yield OpenLoop(row, (today - row.date).days)


def open_loops_with(session: Session, contact: str, *, today: date) -> list[OpenLoop]:
    """What this contact gave that nothing answers yet, oldest first: what a give to them
    may answer (the guided log offers these)."""
    return list(open_loops(session, narrow_to_contact(session, Selection(), contact), today=today))
