"""Introductions (two access entries linked as one) and stay-in-touch cadences.

Revision ID: 0006
Revises: 0005
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# SQLite rebuilds the entry table for the new foreign key; reflection does not see
# AUTOINCREMENT, so it is asked for again: ids once printed are never handed out again.
KEEP_AUTOINCREMENT = {"sqlite_autoincrement": True}


def upgrade() -> None:
    op.create_table(
        "introduction",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("made_on", sa.Date(), nullable=False),
        sa.Column("why", sa.String(), nullable=False),
        sa.Column("outcome", sa.String(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "outcome IS NULL OR outcome IN ('met', 'collaboration', 'business', 'nothing')",
            name="intro_outcome",
        ),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "tag_cadence",
        sa.Column("tag", sa.String(), nullable=False),
        sa.Column("every_days", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("tag"),
    )
    op.add_column("contact", sa.Column("every_days", sa.Integer(), nullable=True))
    with op.batch_alter_table("entry", table_kwargs=KEEP_AUTOINCREMENT) as batch:
        batch.add_column(sa.Column("introduction_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            "fk_entry_introduction_id",
            "introduction",
            ["introduction_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch.create_index("ix_entry_introduction_id", ["introduction_id"])


def downgrade() -> None:
    with op.batch_alter_table("entry", table_kwargs=KEEP_AUTOINCREMENT) as batch:
        batch.drop_index("ix_entry_introduction_id")
        batch.drop_constraint("fk_entry_introduction_id", type_="foreignkey")
        batch.drop_column("introduction_id")
    with op.batch_alter_table("contact") as batch:
        batch.drop_column("every_days")
    op.drop_table("tag_cadence")
    op.drop_table("introduction")
