"""Records whose RD or OEMC number the server's configured pattern refuses: stored, and flagged in this table.

A branch off s0001 (server/migrate.py upgrades every head).

Revision ID: s0006_unmatched_numbers
Revises: s0001
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

revision = "s0006_unmatched_numbers"
down_revision = "s0001"
branch_labels = None
depends_on = None

BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "unmatched_numbers",
        sa.Column("id", BIG_ID, primary_key=True, autoincrement=True),
        sa.Column("incident_id", sa.String(36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("district", sa.Integer(), nullable=False),
        sa.Column("field", sa.String(32), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("pattern", sa.Text(), nullable=False),
        sa.Column("device_id", BIG_ID, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_unmatched_numbers_incident_id", "unmatched_numbers", ["incident_id"])


def downgrade() -> None:
    op.drop_index("ix_unmatched_numbers_incident_id", "unmatched_numbers")
    op.drop_table("unmatched_numbers")
