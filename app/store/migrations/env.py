"""Alembic environment: runs on the connection that app.store.migrate hands over."""

from __future__ import annotations

from alembic import context

from app.store.models.base import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite alters tables by rebuilding them
    transactional_ddl=True,
)
with context.begin_transaction():
    context.run_migrations()
