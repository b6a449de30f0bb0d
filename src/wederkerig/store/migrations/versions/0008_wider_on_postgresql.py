"""Shared ledgers on PostgreSQL: amounts up to the documented billion, introduction times with
their time zone.

An int column is 32-bit on PostgreSQL, so amount_cents overflowed above 21 million (the limit
is a billion); introduction.created_at was created without a time zone, unlike every other
created_at. SQLite's INTEGER is 64-bit and its types are affinities, so a ledger file changes
nothing but its schema version.

Revision ID: 0008
Revises: 0007
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    if op.get_context().dialect.name != "postgresql":
        return
    op.alter_column("entry", "amount_cents", type_=sa.BigInteger(), existing_nullable=True)
    op.alter_column(
        "introduction",
        "created_at",
        type_=sa.DateTime(timezone=True),
        existing_nullable=False,
        postgresql_using="created_at AT TIME ZONE 'UTC'",
    )


def downgrade() -> None:
    if op.get_context().dialect.name != "postgresql":
        return
    op.alter_column(
        "introduction",
        "created_at",
        type_=sa.DateTime(),
        existing_nullable=False,
        postgresql_using="created_at AT TIME ZONE 'UTC'",
    )
    op.alter_column("entry", "amount_cents", type_=sa.Integer(), existing_nullable=True)
