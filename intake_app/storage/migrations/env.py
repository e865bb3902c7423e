"""Alembic environment: always runs on a connection handed over by the app (the keyed SQLCipher one)."""

from alembic import context

from intake_app.storage.tables import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things: batch mode rebuilds tables
)
with context.begin_transaction():
    context.run_migrations()
