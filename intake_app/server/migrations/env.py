"""Alembic environment of the server: runs on a connection handed over by `server.migrate.upgrade`."""

from alembic import context

from intake_app.server.tables import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
