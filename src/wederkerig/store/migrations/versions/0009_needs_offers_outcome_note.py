"""What a networker needs next: a contact's needs and offers (to suggest introductions) and a
free-text note beside an introduction's outcome.

Plain nullable text columns: SQLite adds them without rebuilding a table, PostgreSQL in place.

Revision ID: 0009
Revises: 0008
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("contact", sa.Column("needs", sa.String(), nullable=True))
    op.add_column("contact", sa.Column("offers", sa.String(), nullable=True))
    op.add_column("introduction", sa.Column("outcome_note", sa.String(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("introduction", table_kwargs={"sqlite_autoincrement": True}) as batch:
        batch.drop_column("outcome_note")
    with op.batch_alter_table("contact") as batch:
        batch.drop_column("offers")
        batch.drop_column("needs")
