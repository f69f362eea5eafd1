"""Alembic environment: always run with a connection handed over by ``migrate.upgrade``."""

from alembic import context

from pos_app.core.store.schema import all_tables

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only the app's own runner is supported
    raise RuntimeError("run migrations through pos_app.core.store.migrate")
context.configure(connection=connection, target_metadata=all_tables(), render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
