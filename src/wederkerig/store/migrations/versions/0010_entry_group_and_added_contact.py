"""An entry may name the group (a collaboration) it was given or received in, and says
whether its log added its contact, so that `undo` can take that contact away again.

Revision ID: 0010
Revises: 0009
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# SQLite rebuilds the entry table for the new foreign key; reflection does not see
# AUTOINCREMENT, so it is asked for again: ids once printed are never handed out again.
KEEP_AUTOINCREMENT = {"sqlite_autoincrement": True}


def upgrade() -> None:
    with op.batch_alter_table("entry", table_kwargs=KEEP_AUTOINCREMENT) as batch:
        batch.add_column(sa.Column("group_id", sa.Integer(), nullable=True))
        batch.add_column(
            sa.Column("added_contact", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch.create_foreign_key(
            "fk_entry_group_id", "contact_group", ["group_id"], ["id"], ondelete="SET NULL"
        )
        batch.create_index("ix_entry_group_id", ["group_id"])


def downgrade() -> None:
    with op.batch_alter_table("entry", table_kwargs=KEEP_AUTOINCREMENT) as batch:
        batch.drop_index("ix_entry_group_id")
        batch.drop_constraint("fk_entry_group_id", type_="foreignkey")
        batch.drop_column("added_contact")
        batch.drop_column("group_id")
