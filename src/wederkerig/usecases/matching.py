"""Who to introduce to whom: one contact's needs against the others' offers, and the other
way round (issue #14). Never prints; the words rule is in :mod:`wederkerig.core.keywords`."""

from typing import NamedTuple

from sqlmodel import Session, col, or_, select

from wederkerig.core.keywords import shared_words
from wederkerig.store.models import Contact
from wederkerig.usecases.contacts import resolve_contact

TOP = 3  # a brief stays short: the best three


class IntroductionMatch(NamedTuple):
    """``offerer`` offers what ``needer`` needs; ``words`` say why (as the needer typed them)."""

    needer: str
    offerer: str
    words: tuple[str, ...]


def introduction_matches(
    session: Session, contact: str, *, limit: int = TOP
) -> list[IntroductionMatch]:
    """The best matches of ``contact``'s needs with others' offers and of their needs with
    ``contact``'s offers: most shared words first, then by the other's name."""
    person = resolve_contact(session, contact)
    if not (person.needs or person.offers):
        return []
    others = session.exec(
        select(Contact).where(
            col(Contact.id) != person.id,
            or_(col(Contact.needs).is_not(None), col(Contact.offers).is_not(None)),
        )
    )
    found: list[tuple[str, IntroductionMatch]] = []
    for other in others:
        for needer, offerer in ((person, other), (other, person)):
            words = shared_words(needer.needs or "", offerer.offers or "")
            if words:
                found.append((other.name_key, IntroductionMatch(needer.name, offerer.name, words)))
    found.sort(key=lambda pair: (-len(pair[1].words), pair[0]))
    return [match for _, match in found[:limit]]
