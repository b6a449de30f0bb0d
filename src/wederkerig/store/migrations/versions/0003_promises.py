"""Promises: an entry's status (done, promised, dropped), its due date and a drop reason.

Every existing entry happened, so it becomes 'done'. The balance index leads with the status,
since balances count only what was done.

Revision ID: 0003
Revises: 0002
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BALANCE_COLUMNS = ["contact_id", "kind", "direction", "value", "occurred_on", "amount_cents"]


# SQLite rebuilds the table for these changes; reflection does not see AUTOINCREMENT, so it
# is asked for again: ids once printed must never be handed out again.
KEEP_AUTOINCREMENT = {"sqlite_autoincrement": True}


def upgrade() -> None:
    with op.batch_alter_table("entry", table_kwargs=KEEP_AUTOINCREMENT) as batch:
        batch.add_column(sa.Column("status", sa.String(), server_default="done", nullable=False))
        batch.add_column(sa.Column("due", sa.Date(), nullable=True))
        batch.add_column(sa.Column("dropped_reason", sa.String(), nullable=True))
        batch.create_check_constraint("entry_status", "status IN ('done', 'promised', 'dropped')")
        batch.drop_index("ix_entry_balance")
        batch.create_index("ix_entry_balance", ["status", *BALANCE_COLUMNS])


def downgrade() -> None:
    with op.batch_alter_table("entry", table_kwargs=KEEP_AUTOINCREMENT) as batch:
        batch.drop_index("ix_entry_balance")
        batch.create_index("ix_entry_balance", BALANCE_COLUMNS)
        batch.drop_constraint("entry_status", type_="check")
        batch.drop_column("dropped_reason")
        batch.drop_column("due")
        batch.drop_column("status")
