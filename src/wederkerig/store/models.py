"""The tables of a ledger. Change them only together with a migration in ``migrations/``."""

from datetime import date, datetime
from typing import cast

from sqlalchemy import BigInteger, CheckConstraint, Index, Integer, Table, UniqueConstraint, false
from sqlmodel import Field, SQLModel

from wederkerig.core.vocabulary import Direction, Kind, Outcome, Status

KIND_VALUES = ", ".join(f"'{kind.value}'" for kind in Kind)
DIRECTION_VALUES = ", ".join(f"'{direction.value}'" for direction in Direction)
STATUS_VALUES = ", ".join(f"'{status.value}'" for status in Status)
OUTCOME_VALUES = ", ".join(f"'{outcome.value}'" for outcome in Outcome)


class Contact(SQLModel, table=True):
    """A person the ledger owner gives to and receives from."""

    id: int | None = Field(default=None, primary_key=True)
    name: str
    name_key: str = Field(unique=True)
    organisation: str | None = None
    email: str | None = None
    note: str | None = None
    created_at: datetime
    # Stay in touch: a contact not seen for this many days is due (a tag's cadence otherwise).
    every_days: int | None = None
    # Free text that 'brief' matches word by word to suggest introductions (migration 0009).
    needs: str | None = None
    offers: str | None = None


class Alias(SQLModel, table=True):
    """Another name that finds a contact; several contacts may share one (then it is ambiguous)."""

    __table_args__ = (UniqueConstraint("contact_id", "key"),)

    id: int | None = Field(default=None, primary_key=True)
    contact_id: int = Field(foreign_key="contact.id", ondelete="CASCADE", index=True)
    name: str
    key: str = Field(index=True)


class Tag(SQLModel, table=True):
    """A free label on a contact (``drechtsteden``, ``board``)."""

    contact_id: int = Field(foreign_key="contact.id", ondelete="CASCADE", primary_key=True)
    name: str = Field(primary_key=True, index=True)


class TagCadence(SQLModel, table=True):
    """How often to be in touch with everyone carrying a tag, unless a contact says otherwise."""

    __tablename__ = "tag_cadence"

    tag: str = Field(primary_key=True)
    every_days: int


class Group(SQLModel, table=True):
    """A collaboration of contacts: a region's partnership, a club, a board."""

    __tablename__ = "contact_group"

    id: int | None = Field(default=None, primary_key=True)
    name: str
    name_key: str = Field(unique=True)
    note: str | None = None


class Membership(SQLModel, table=True):
    """A contact in a group; leaving the ledger (forget, rm) ends every membership."""

    group_id: int = Field(foreign_key="contact_group.id", ondelete="CASCADE", primary_key=True)
    contact_id: int = Field(
        foreign_key="contact.id", ondelete="CASCADE", primary_key=True, index=True
    )


class Event(SQLModel, table=True):
    """An occasion where value flowed, such as a New Year's reception."""

    id: int | None = Field(default=None, primary_key=True)
    name: str
    name_key: str = Field(unique=True)
    held_on: date | None = None
    place: str | None = None


class Introduction(SQLModel, table=True):
    """I connected two people: one access entry to each side, linked by ``introduction_id``."""

    __table_args__ = (
        CheckConstraint(f"outcome IS NULL OR outcome IN ({OUTCOME_VALUES})", name="intro_outcome"),
        {"sqlite_autoincrement": True},
    )

    id: int | None = Field(default=None, primary_key=True)
    made_on: date
    why: str = ""
    outcome: str | None = None
    created_at: datetime
    outcome_note: str | None = None  # what came of it, in the user's words (migration 0009)


class Entry(SQLModel, table=True):
    """One thing given or received, worth ``value`` points (and for money, maybe an amount)."""

    __table_args__ = (
        CheckConstraint(f"direction IN ({DIRECTION_VALUES})", name="entry_direction"),
        CheckConstraint(f"kind IN ({KIND_VALUES})", name="entry_kind"),
        CheckConstraint("value > 0", name="entry_value_positive"),
        CheckConstraint(
            "amount_cents IS NULL OR (amount_cents > 0 AND kind = 'money')", name="entry_amount"
        ),
        # Covers every column the balance GROUP BY reads, led by the status it filters on:
        # measured 10x faster at 1M entries than an index that makes SQLite visit the table
        # (migrations 0002 and 0003, docs/performance.md).
        Index(
            "ix_entry_balance",
            "status",
            "contact_id",
            "kind",
            "direction",
            "value",
            "occurred_on",
            "amount_cents",
        ),
        CheckConstraint(f"status IN ({STATUS_VALUES})", name="entry_status"),
        Index("ix_entry_occurred_on", "occurred_on"),
        {"sqlite_autoincrement": True},  # an id once printed is never handed out again
    )

    id: int | None = Field(default=None, primary_key=True)
    contact_id: int = Field(foreign_key="contact.id", ondelete="RESTRICT")
    direction: str
    kind: str
    value: int = 1
    # Whole cents of the currency: exact sums, no float drift; 64-bit, as SQLite's INTEGER is.
    amount_cents: int | None = Field(
        default=None, sa_type=BigInteger().with_variant(Integer(), "sqlite")
    )
    description: str = ""
    occurred_on: date
    event_id: int | None = Field(default=None, foreign_key="event.id", ondelete="SET NULL")
    created_at: datetime
    # A promise is an entry that has not happened yet: it counts once it is kept.
    status: str = Field(default=Status.DONE.value, sa_column_kwargs={"server_default": "done"})
    due: date | None = None
    dropped_reason: str | None = None
    # The entry of the other direction this one answers: a give closing a loop, or thanks.
    # Indexed: 'loops' asks, for every entry, whether anything answers it.
    answers_id: int | None = Field(
        default=None, foreign_key="entry.id", ondelete="SET NULL", index=True
    )
    introduction_id: int | None = Field(
        default=None, foreign_key="introduction.id", ondelete="SET NULL", index=True
    )
    # Who logged it, on a ledger a team shares ('me' in the config, WEDERKERIG_ME, the OS user).
    member: str | None = None
    # The collaboration it happened in ('log --group'), and whether its log added its
    # contact ('log --create'), so that 'undo' takes that contact away again (migration 0010).
    group_id: int | None = Field(
        default=None, foreign_key="contact_group.id", ondelete="SET NULL", index=True
    )
    added_contact: bool = Field(default=False, sa_column_kwargs={"server_default": false()})


def table(model: type[SQLModel]) -> Table:
    """A model's plain (Core) table. A statement made of its columns alone is compiled without
    the ORM's per-statement set-up: 5 of the 7 ms a balance query took to compile."""
    return cast(Table, model.__table__)  # type: ignore[attr-defined]
