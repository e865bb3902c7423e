"""The local store: SQLAlchemy 2 over SQLCipher, migrated by Alembic. No Qt."""
