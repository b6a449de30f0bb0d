"""What you could give someone next: how ``brief`` ends in the givers-gain view. Never prints.

Each source below offers at most one line, most useful first: their needs, the kind they
value, introductions you could make.
"""

from collections.abc import Callable, Mapping, Sequence
from typing import NamedTuple

from sqlalchemy import union
from sqlmodel import Session, col, select

from wederkerig.core.i18n import _, ngettext
from wederkerig.core.vocabulary import Kind, shown_kind
from wederkerig.store.models import Contact, Membership, Tag
from wederkerig.usecases.balances import Tally
from wederkerig.usecases.introductions import IntroductionRow

SOME = 3  # names offered for an introduction: enough to choose from, few enough to read


class Recipient(NamedTuple):
    """What the sources know of the person you are about to meet."""

    contact_id: int
    name: str
    by_kind: Mapping[Kind, Tally]
    introductions: Sequence[IntroductionRow]
    needs: str | None = None


def _their_needs(session: Session, them: Recipient) -> str | None:
    """What they said they need (``contact edit --needs``): the most direct way to give."""
    if not them.needs:
        return None
    return _("They need {needs}: what could you give, or whom could you introduce?").format(
        needs=them.needs
    )


def _kinds_they_value(session: Session, them: Recipient) -> str | None:
    """The kind they received most from you, in points: likely what they value."""
    given = {kind: tally.gave for kind, tally in them.by_kind.items() if tally.gave}
    if not given:
        return _("You have not given them anything yet: what knowledge, talent or access "
                 "could you offer?")  # fmt: skip
    kind = max(given, key=lambda k: (given[k], -list(Kind).index(k)))
    return ngettext(
        "They have received {kind} from you most ({count} point): more {kind} may be welcome.",
        "They have received {kind} from you most ({count} points): more {kind} may be welcome.",
        given[kind],
    ).format(kind=shown_kind(kind), count=given[kind])


def _introductions_to_make(session: Session, them: Recipient) -> str | None:
    """People who share a tag or a group with them and whom you have not introduced them to."""
    their_tags = select(Tag.name).where(Tag.contact_id == them.contact_id)
    their_groups = select(Membership.group_id).where(Membership.contact_id == them.contact_id)
    alike = union(
        select(Tag.contact_id).where(col(Tag.name).in_(their_tags)),
        select(Membership.contact_id).where(col(Membership.group_id).in_(their_groups)),
    ).subquery()
    met = {name for row in them.introductions for name in (row.first, row.second) if name}
    names = session.exec(
        select(Contact.name)
        .where(col(Contact.id).in_(select(alike.c[0])), Contact.id != them.contact_id)
        .order_by(col(Contact.name_key))
    ).all()
    fresh = [name for name in names if name not in met][:SOME]
    if not fresh:
        return None
    return _(
        "Introductions you could make (they share a tag or group): {names}; "
        "'wederkerig intro \"{name}\" NAME' records one."
    ).format(names=", ".join(fresh), name=them.name)


SOURCES: tuple[Callable[[Session, Recipient], str | None], ...] = (
    _their_needs,
    _kinds_they_value,
    _introductions_to_make,
)


def give_next(session: Session, them: Recipient) -> list[str]:
    """What you could give them next, in plain words: never what they owe you."""
    return [line for source in SOURCES if (line := source(session, them)) is not None]
