"""Which entries a command looks at: the filters shared by listings, balances and exports."""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, exists, or_, select

from wederkerig.core.vocabulary import Direction, Kind, Status
from wederkerig.store.models import Entry, Membership, Tag, table


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
        """SQL conditions on :class:`Entry` rows, so filtering happens in the database.

        They are made of plain table columns, so that a report built from them alone
        compiles without the ORM (:func:`~wederkerig.store.models.table`)."""
        entry = table(Entry).c
        conditions: list[ColumnElement[bool]] = []
        if self.contact_id is not None:
            conditions.append(entry.contact_id == self.contact_id)
        if self.kind is not None:
            conditions.append(entry.kind == self.kind.value)
        if self.direction is not None:
            conditions.append(entry.direction == self.direction.value)
        if self.since is not None:
            conditions.append(entry.occurred_on >= self.since)
        if self.until is not None:
            conditions.append(entry.occurred_on <= self.until)
        if self.member is not None:
            conditions.append(entry.member == self.member)
        if self.event_id is not None:
            conditions.append(entry.event_id == self.event_id)
        if self.group_id is not None:
            membership = table(Membership).c
            members = select(membership.contact_id).where(membership.group_id == self.group_id)
            conditions.append(entry.contact_id.in_(members))
        if self.tag is not None:
            tag = table(Tag).c
            tagged = select(tag.contact_id).where(tag.name == self.tag)
            conditions.append(entry.contact_id.in_(tagged))
        if self.statuses is not None:
            conditions.append(entry.status.in_([status.value for status in self.statuses]))
        if self.unanswered:
            answer = table(Entry).alias("answer")
            conditions.append(entry.answers_id.is_(None))
            conditions.append(
                ~exists().where(
                    answer.c.answers_id == entry.id, answer.c.status == Status.DONE.value
                )
            )
        if self.mentioning:
            description = entry.description
            conditions.append(
                or_(*(description.contains(word, autoescape=True) for word in self.mentioning))
            )
        return conditions
