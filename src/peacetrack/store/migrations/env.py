"""Alembic environment: always run with a connection handed over by peacetrack."""

from __future__ import annotations

from alembic import context

from peacetrack.store.tables import metadata

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through `peacetrack init`, which supplies the connection")

context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
