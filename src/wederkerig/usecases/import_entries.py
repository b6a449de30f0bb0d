"""Entries read from files (CSV or JSON) into the ledger.

An import is one transaction: every row is checked first, and a single bad row means nothing
is written. Rows already in the ledger are recognised and skipped, so importing the same file
twice adds nothing. Rows pass through a temporary table, so memory stays flat at any size.
"""

import itertools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.orm import aliased
from sqlmodel import Session, col

from wederkerig.core.errors import RefusedError
from wederkerig.core.i18n import _, ngettext
from wederkerig.core.names import name_key
from wederkerig.store.bulk import indexes_set_aside, inserter
from wederkerig.store.models import Alias, Contact, Entry, Event, Group
from wederkerig.usecases.import_rows import ENTRY_TABLE, INCOMING, RowChecker
from wederkerig.usecases.introductions import why_of_sides

BATCH = 5_000
_Row = TypeVar("_Row")
INTRODUCTION_TABLE = Entry.metadata.tables["introduction"]


@dataclass(frozen=True)
class ImportReport:
    """What an import did (or, with ``dry_run``, would do)."""

    rows: int
    added: int
    skipped: int
    refused: int
    new_contacts: tuple[str, ...]
    new_events: tuple[str, ...]
    unknown_contacts: dict[str, int] = field(default_factory=dict)  # name: rows naming it
    dry_run: bool = False
    unlinked: int = 0  # 'answers' links not kept: the ids they point at changed on import
    introductions: int = 0  # linked again from the file's 'introduction' numbers
    new_groups: tuple[str, ...] = ()


# Where a row stood in the file and what it linked to there, kept beside each new row.
_FILE_ORDER = ("line", "position", "file_id", "answers", "introduction")
_INTRODUCED_AS = ("outcome", "outcome_note")  # its introduction's, made again on import
# The entry columns an import copies as they are, in the order of the insert below.
_ENTRY_FIELDS = (
    "occurred_on", "direction", "kind", "value", "amount_cents", "description", "status", "due",
    "member", "dropped_reason", "created_at",
)  # fmt: skip


def _same_as_incoming(name: str) -> sa.Column[Any]:
    column = INCOMING.c[name]
    return sa.Column(
        name,
        column.type,
        nullable=column.nullable,
        primary_key=column.primary_key,
        autoincrement=False,
    )


_NEW = sa.Table(
    "new_entry",
    sa.MetaData(),
    *(_same_as_incoming(name) for name in _FILE_ORDER),
    sa.Column("contact_id", sa.Integer, nullable=False),
    sa.Column("event_id", sa.Integer),
    sa.Column("group_id", sa.Integer),
    *(_same_as_incoming(name) for name in (*_INTRODUCED_AS, *_ENTRY_FIELDS)),
    prefixes=["TEMPORARY"],
)


# File introduction numbers and the introductions made for them on import.
_INTRODUCED = sa.Table(
    "introduced",
    sa.MetaData(),
    sa.Column("file_introduction", sa.Integer, primary_key=True),
    sa.Column("introduction_id", sa.Integer, nullable=False),
    prefixes=["TEMPORARY"],
)


def import_entries(
    session: Session,
    rows: Iterable[tuple[int, dict[str, str]]],
    *,
    source: str,
    now: datetime,
    today: date,
    create_contacts: bool = False,
    dry_run: bool = False,
    progress: Callable[[int], None] | None = None,
    member: str | None = None,
) -> ImportReport:
    """Check and stage every row, then add those the ledger does not hold yet, in one go."""
    connection = session.connection()
    INCOMING.drop(connection, checkfirst=True)
    INCOMING.create(connection)
    checker = RowChecker(source, today, member)
    stage = inserter(connection, INCOMING)
    total = 0
    checked = (checker.check(line, position, row) for position, (line, row) in enumerate(rows))
    for batch in _batches(checked):
        stage(batch)
        total += len(batch)
        if progress:
            progress(len(batch))

    unknown = _unknown_contacts(connection)
    if unknown and not create_contacts and not dry_run:
        listed = "; ".join(
            _("'{name}' (line {lines})").format(name=name, lines=_lines(connection, name, rows))
            for name, rows in list(unknown.items())[:5]
        )
        raise RefusedError(
            _(
                "{source}: unknown contacts {contacts}: add them first, or import with "
                "--create-contacts; nothing was imported"
            ).format(source=source, contacts=_and_more(listed, len(unknown) - 5))
        )
    _refuse_alias_names(connection, unknown, source)
    new_events = _names_missing(connection, Event, INCOMING.c.event_key, INCOMING.c.event_name)
    new_groups = _names_missing(connection, Group, INCOMING.c.group_key, INCOMING.c.group_name)
    refused = 0 if create_contacts else sum(unknown.values())
    if dry_run:
        added = _stage_new_rows(connection) + (sum(unknown.values()) if create_contacts else 0)
        _drop_staging(connection)
        return ImportReport(
            total,
            added,
            total - added - refused,
            refused,
            tuple(unknown) if create_contacts else (),
            tuple(new_events),
            unknown_contacts=unknown,
            dry_run=True,
            new_groups=tuple(new_groups),
        )
    for name in unknown:
        session.add(Contact(name=name, name_key=name_key(name), created_at=now))
    for name in new_events:
        session.add(Event(name=name, name_key=name_key(name)))
    for name in new_groups:
        session.add(Group(name=name, name_key=name_key(name)))
    session.flush()
    added = _stage_new_rows(connection)
    unlinked, introductions = _insert_new(connection, now=now)
    _drop_staging(connection)
    return ImportReport(
        total, added, total - added, 0, tuple(unknown), tuple(new_events), unlinked=unlinked,
        introductions=introductions, new_groups=tuple(new_groups),
    )  # fmt: skip


def _drop_staging(connection: sa.Connection) -> None:
    _INTRODUCED.drop(connection, checkfirst=True)
    _NEW.drop(connection, checkfirst=True)
    INCOMING.drop(connection, checkfirst=True)


def _batches(rows: Iterable[_Row]) -> Iterator[list[_Row]]:
    remaining = iter(rows)
    while batch := list(itertools.islice(remaining, BATCH)):
        yield batch


def _lines(connection: sa.Connection, name: str, rows: int) -> str:
    """The first lines that name a new contact (as the file writes it), and how many more."""
    first = connection.execute(
        sa.select(INCOMING.c.line)
        .where(INCOMING.c.contact_key == name_key(name))
        .order_by(INCOMING.c.position)
        .limit(5)
    ).scalars()
    return _and_more(", ".join(str(line) for line in first), rows - 5, grouped=False)


def _and_more(shown: str, more: int, *, grouped: bool = True) -> str:
    """The first few of a list, and how many more there are when some were left out."""
    if more <= 0:
        return shown
    return ngettext("{shown} and {count} more", "{shown} and {count} more", more).format(
        shown=shown, count=f"{more:,}" if grouped else str(more)
    )


def _unknown_contacts(connection: sa.Connection) -> dict[str, int]:
    """Contacts the file names that the ledger lacks, as first written, in the order of their
    first row, with how many rows name them: one row per contact, whatever the file's size."""
    incoming = INCOMING.c
    firsts = (
        sa.select(sa.func.min(incoming.position).label("first"), sa.func.count().label("rows"))
        .where(~sa.exists().where(col(Contact.name_key) == incoming.contact_key))
        .group_by(incoming.contact_key)
        .subquery()
    )
    named = (
        sa.select(incoming.contact_name, firsts.c.rows)
        .join(firsts, firsts.c.first == incoming.position)
        .order_by(firsts.c.first)
    )
    return dict(connection.execute(named).all())


def _refuse_alias_names(connection: sa.Connection, unknown: dict[str, int], source: str) -> None:
    """A new contact may not take a name that is already another contact's alias."""
    keys = {name_key(name): name for name in unknown}
    taken = connection.execute(
        sa.select(col(Alias.key), col(Contact.name))
        .join(Contact, col(Contact.id) == col(Alias.contact_id))
        .where(col(Alias.key).in_(keys))
    ).first()
    if taken is not None:
        alias, owner = keys[taken[0]], taken[1]
        raise RefusedError(
            _(
                "{source}: '{alias}' (line {lines}) is an alias of '{owner}': "
                "write the full name in the file, or remove the alias first; nothing was imported"
            ).format(
                source=source,
                alias=alias,
                lines=_lines(connection, alias, unknown[alias]),
                owner=owner,
            )
        )


def _names_missing(
    connection: sa.Connection,
    table: type[Event] | type[Group],
    key: sa.Column[str],
    name: sa.Column[str],
) -> list[str]:
    """The events (or groups) the file names and the ledger lacks, as first written."""
    query = (
        sa.select(key, sa.func.min(name))
        .where(key.is_not(None), ~sa.exists().where(col(table.name_key) == key))
        .group_by(key)
    )
    return [first_name for _, first_name in connection.execute(query)]


def _stage_new_rows(connection: sa.Connection) -> int:
    """Copy the staged rows the ledger does not hold yet into ``_NEW``, with their ids resolved.

    Comparing before inserting anything means two identical rows in one file are both kept,
    while a second import of the same file finds every row already held.
    """
    incoming = INCOMING.c
    held = sa.exists().where(
        col(Entry.contact_id) == col(Contact.id),
        col(Entry.kind) == incoming.kind,
        col(Entry.direction) == incoming.direction,
        col(Entry.value) == incoming.value,
        col(Entry.occurred_on) == incoming.occurred_on,
        col(Entry.amount_cents).is_not_distinct_from(incoming.amount_cents),
        col(Entry.description) == incoming.description,
        col(Entry.event_id).is_not_distinct_from(col(Event.id)),
        col(Entry.group_id).is_not_distinct_from(col(Group.id)),
        col(Entry.status) == incoming.status,
        col(Entry.due).is_not_distinct_from(incoming.due),
        sa.or_(incoming.created_at.is_(None), col(Entry.created_at) == incoming.created_at),
        # A row naming an event the ledger lacks (in a dry run, not yet created) is new.
        sa.or_(incoming.event_key.is_(None), col(Event.id).is_not(None)),
        sa.or_(incoming.group_key.is_(None), col(Group.id).is_not(None)),
    )
    staged = (
        sa.select(
            incoming.line,
            incoming.position,
            incoming.file_id,
            incoming.answers,
            incoming.introduction,
            col(Contact.id),
            col(Event.id),
            col(Group.id),
            incoming.outcome,
            incoming.outcome_note,
            *(incoming[name] for name in _ENTRY_FIELDS),
        )
        .select_from(INCOMING)
        .join(Contact, col(Contact.name_key) == incoming.contact_key)
        .outerjoin(Event, col(Event.name_key) == incoming.event_key)
        .outerjoin(Group, col(Group.name_key) == incoming.group_key)
        .where(~held)
    )
    _NEW.drop(connection, checkfirst=True)
    _NEW.create(connection)
    connection.execute(_NEW.insert().from_select([c.name for c in _NEW.columns], staged))
    return int(connection.execute(sa.select(sa.func.count()).select_from(_NEW)).scalar_one())


def _introduce(connection: sa.Connection, *, now: datetime) -> int:
    """Rows sharing an ``introduction`` number in the file become one new introduction, its
    'why' read back from the sides' descriptions ('introduced to Bram: why', or in Dutch: each
    side names the other), its outcome and its note from the sides' ``outcome`` and
    ``outcome_note``. Returns how many were made."""
    _INTRODUCED.drop(connection, checkfirst=True)
    _INTRODUCED.create(connection)
    sides = (
        sa.select(
            _NEW.c.introduction,
            _NEW.c.occurred_on,
            _NEW.c.description,
            col(Contact.name),
            _NEW.c.outcome,
            _NEW.c.outcome_note,
        )
        .join(Contact, col(Contact.id) == _NEW.c.contact_id)
        .where(_NEW.c.introduction.is_not(None))
        .order_by(_NEW.c.introduction, _NEW.c.position)  # numbered in the file's order
    )
    made = 0
    for number, grouped in itertools.groupby(connection.execute(sides).all(), lambda r: r[0]):
        rows = list(grouped)
        why = why_of_sides([(row.description, row.name) for row in rows])
        made_on = min(row.occurred_on for row in rows)
        outcome = min((row.outcome for row in rows if row.outcome), default=None)
        outcome_note = min((row.outcome_note for row in rows if row.outcome_note), default=None)
        new_id = connection.execute(
            sa.insert(INTRODUCTION_TABLE).values(
                made_on=made_on,
                why=why,
                outcome=outcome,
                outcome_note=outcome_note,
                created_at=now,
            )
        ).inserted_primary_key[0]  # type: ignore[index]
        connection.execute(
            _INTRODUCED.insert().values(file_introduction=number, introduction_id=new_id)
        )
        made += 1
    return made


def _highest_id_ever(connection: sa.Connection) -> int:
    """The highest entry id ever handed out, removed entries included: ids are never reused."""
    if connection.dialect.name == "sqlite":
        seq = sa.text("SELECT seq FROM sqlite_sequence WHERE name = 'entry'")
        return int(connection.execute(seq).scalar() or 0)
    if connection.dialect.name == "postgresql":
        # last_value is 1 before the first id is handed out; is_called tells the two apart
        name = connection.execute(sa.text("SELECT pg_get_serial_sequence('entry', 'id')")).scalar()
        seq = sa.text(f"SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM {name}")  # noqa: S608 (the server names it)
        return int(connection.execute(seq).scalar() or 0)
    return int(connection.execute(sa.select(sa.func.max(Entry.id))).scalar() or 0)


def _insert_new(connection: sa.Connection, *, now: datetime) -> tuple[int, int]:
    """Insert the new rows in file order, keeping the file's ids when all of them are free,
    so that export followed by import into an empty ledger reproduces it exactly.

    'answers' links point at ids, so they survive only when the ids are kept; returns how
    many links had to be left out, and how many introductions were linked again."""
    ids = sa.select(
        sa.func.count(), sa.func.count(sa.distinct(_NEW.c.file_id)), sa.func.count(_NEW.c.file_id)
    )
    rows, distinct, given = connection.execute(ids).one()
    lowest = connection.execute(sa.select(sa.func.min(_NEW.c.file_id))).scalar_one()
    keep_ids = rows == distinct == given and (lowest or 0) > _highest_id_ever(connection)
    stamp = sa.literal(now.astimezone(UTC).replace(microsecond=0), _NEW.c.created_at.type)
    introductions = _introduce(connection, now=now)
    file_ids = [_NEW.c.file_id] if keep_ids else []  # else the database numbers them
    columns = [*(["id"] if keep_ids else []), "contact_id", "event_id", "group_id",
               "introduction_id", *_ENTRY_FIELDS]  # fmt: skip
    source = (
        sa.select(
            *file_ids,
            _NEW.c.contact_id,
            _NEW.c.event_id,
            _NEW.c.group_id,
            _INTRODUCED.c.introduction_id,
            *(_NEW.c[name] for name in _ENTRY_FIELDS if name != "created_at"),
            sa.func.coalesce(_NEW.c.created_at, stamp),
        )
        .outerjoin(_INTRODUCED, _INTRODUCED.c.file_introduction == _NEW.c.introduction)
        .order_by(_NEW.c.position)
    )
    held = connection.execute(sa.select(sa.func.count()).select_from(ENTRY_TABLE)).scalar_one()
    with indexes_set_aside(connection, ENTRY_TABLE, when=rows > held):
        connection.execute(sa.insert(ENTRY_TABLE).from_select(columns, source))
    if keep_ids and connection.dialect.name == "postgresql":  # SQLite's AUTOINCREMENT follows
        connection.exec_driver_sql(
            "SELECT setval(pg_get_serial_sequence('entry', 'id'), (SELECT max(id) FROM entry))"
        )
    linked = _NEW.c.answers.is_not(None)
    wanted = int(connection.execute(sa.select(sa.func.count()).where(linked)).scalar_one())
    if not keep_ids:
        return wanted, introductions
    # A link is kept when what it answers exists (in the file or the ledger) and goes the
    # other way, as log --answers requires; the rest are counted as left out.
    answering, answered = aliased(Entry), aliased(Entry)
    valid = (
        sa.select(_NEW.c.file_id.label("entry"), _NEW.c.answers.label("answers"))
        .join(answering, col(answering.id) == _NEW.c.file_id)
        .join(answered, col(answered.id) == _NEW.c.answers)
        .where(linked, col(answering.direction) != col(answered.direction))
    )
    link = sa.update(ENTRY_TABLE).where(ENTRY_TABLE.c.id == sa.bindparam("entry"))
    kept = 0
    for batch in _batches(row._asdict() for row in connection.execute(valid)):
        connection.execute(link.values(answers_id=sa.bindparam("answers")), batch)
        kept += len(batch)
    return wanted - kept, introductions
