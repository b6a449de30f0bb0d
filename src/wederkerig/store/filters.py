"""Which entries a command looks at: the filters shared by listings, balances and exports."""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, exists, or_
from sqlalchemy.orm import aliased
from sqlmodel import col, select

from wederkerig.core.vocabulary import Direction, Kind, Status
from wederkerig.store.models import Entry, Membership, Tag


@dataclass(frozen=True)
class Selection:
    """Filters on entries; ``None`` means 'no filter'. Dates are inclusive."""

    contact_id: int | None = None
    kind: Kind | None = None
    direction: Direction | None = None
    since: date | None = None
    until: date | None = None
    tag: str | None = None
    event_id: int | None = None
    group_id: int | None = None
    member: str | None = None  # who logged it, on a team's ledger
    mentioning: tuple[str, ...] = ()  # descriptions naming any of these (ASCII case ignored)
    statuses: tuple[Status, ...] | None = (Status.DONE,)  # what happened; None: promises too
    unanswered: bool = False  # open loops: answers nothing, and nothing done answers it

    def conditions(self) -> list[ColumnElement[bool]]:
        """SQL conditions on :class:`Entry` rows, so filtering happens in the database."""
        conditions: list[ColumnElement[bool]] = []
        if self.contact_id is not None:
            conditions.append(col(Entry.contact_id) == self.contact_id)
        if self.kind is not None:
            conditions.append(col(Entry.kind) == self.kind.value)
        if self.direction is not None:
            conditions.append(col(Entry.direction) == self.direction.value)
        if self.since is not None:
            conditions.append(col(Entry.occurred_on) >= self.since)
        if self.until is not None:
            conditions.append(col(Entry.occurred_on) <= self.until)
        if self.member is not None:
            conditions.append(col(Entry.member) == self.member)
        if self.event_id is not None:
            conditions.append(col(Entry.event_id) == self.event_id)
        if self.group_id is not None:
            members = select(Membership.contact_id).where(Membership.group_id == self.group_id)
            conditions.append(col(Entry.contact_id).in_(members))
        if self.tag is not None:
            tagged = select(Tag.contact_id).where(Tag.name == self.tag)
            conditions.append(col(Entry.contact_id).in_(tagged))
        if self.statuses is not None:
            conditions.append(col(Entry.status).in_([status.value for status in self.statuses]))
        if self.unanswered:
            answer = aliased(Entry)
            conditions.append(col(Entry.answers_id).is_(None))
            conditions.append(
                ~exists().where(
                    col(answer.answers_id) == col(Entry.id),
                    col(answer.status) == Status.DONE.value,
                )
            )
        if self.mentioning:
            description = col(Entry.description)
            conditions.append(
                or_(*(description.contains(word, autoescape=True) for word in self.mentioning))
            )
        return conditions
