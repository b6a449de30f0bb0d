"""Open loops: an entry may answer another of the other direction.

A give that answers something received closes that loop (and a receive may answer a give).

Revision ID: 0004
Revises: 0003
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# SQLite rebuilds the entry table for the new foreign key; reflection does not see
# AUTOINCREMENT, so it is asked for again: ids once printed are never handed out again.
KEEP_AUTOINCREMENT = {"sqlite_autoincrement": True}


def upgrade() -> None:
    with op.batch_alter_table("entry", table_kwargs=KEEP_AUTOINCREMENT) as batch:
        batch.add_column(sa.Column("answers_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            "fk_entry_answers_id", "entry", ["answers_id"], ["id"], ondelete="SET NULL"
        )
        batch.create_index("ix_entry_answers_id", ["answers_id"])


def downgrade() -> None:
    with op.batch_alter_table("entry", table_kwargs=KEEP_AUTOINCREMENT) as batch:
        batch.drop_index("ix_entry_answers_id")
        batch.drop_constraint("fk_entry_answers_id", type_="foreignkey")
        batch.drop_column("answers_id")
