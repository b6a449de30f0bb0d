"""Alembic environment: runs on the connection that :mod:`wederkerig.store.database` hands over."""

from alembic import context
from sqlmodel import SQLModel

from wederkerig.store import models  # noqa: F401  (registers the tables on the metadata)

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("wederkerig migrations run through wederkerig.store.database, not the CLI")

context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    render_as_batch=True,  # SQLite alters tables by copying them
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
