"""Which entries a command looks at: the filters shared by listings, balances and exports."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Boolean, ColumnElement, exists, or_, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.visitors import InternalTraversal

from wederkerig.core.vocabulary import Direction, Kind, Status
from wederkerig.store.models import Entry, Membership, Tag, table


class Likely(ColumnElement[bool]):
    """A condition most entries meet (done; answering nothing). SQLite, which keeps no
    statistics, takes an equality on an indexed column for a selective one: it would start
    from the balance index at ``status = 'done'`` and sort every done entry for a listing in
    date order, where walking the date index stops at the rows a table shows (docs/
    performance.md). SQLite is told with ``likelihood()``; other engines get the bare
    condition and plan by their statistics."""

    type = Boolean()
    inherit_cache = True
    _traverse_internals = [("condition", InternalTraversal.dp_clauseelement)]  # noqa: RUF012 (SQLAlchemy's own shape)

    def __init__(self, condition: ColumnElement[bool]) -> None:
        """``condition``: one comparison (``IN``, ``IS NULL``), which needs no parentheses."""
        self.condition = condition

    def self_group(self, against: Any = None) -> "Likely":
        """As it is, like a comparison: not as ``= 1``, which SQLite could not use with an
        index (a Boolean column in a WHERE clause gets that where booleans are numbers)."""
        return self


@compiles(Likely)
def _bare(likely: Likely, compiler: Any, **kw: Any) -> str:
    return str(compiler.process(likely.condition, **kw))


@compiles(Likely, "sqlite")
def _likelihood(likely: Likely, compiler: Any, **kw: Any) -> str:
    return f"likelihood({compiler.process(likely.condition, **kw)}, 0.9)"


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

    def _likely(self, condition: ColumnElement[bool]) -> ColumnElement[bool]:
        """``condition`` as one most entries meet, across the whole ledger. Narrowed to some
        contacts (or an event, a member) it is left as it is: there the balance index's
        (status, contact_id) is the way in, and SQLite must go on taking it as selective."""
        narrowing = (self.contact_id, self.tag, self.group_id, self.event_id, self.member)
        return Likely(condition) if all(value is None for value in narrowing) else condition

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
            wanted = entry.status.in_([status.value for status in self.statuses])
            conditions.append(self._likely(wanted) if Status.DONE in self.statuses else wanted)
        if self.unanswered:
            answer = table(Entry).alias("answer")
            conditions.append(self._likely(entry.answers_id.is_(None)))
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
