"""Team ledgers: each entry records which member logged it.

Revision ID: 0007
Revises: 0006
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("entry", sa.Column("member", sa.String(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("entry", table_kwargs={"sqlite_autoincrement": True}) as batch:
        batch.drop_column("member")
