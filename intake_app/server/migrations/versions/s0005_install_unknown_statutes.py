"""Records citing a statute the server's statute catalogue does not know: stored, and flagged in this table.

A branch off s0001 (server/migrate.py upgrades every head).

Revision ID: s0005_install_unknown_statutes
Revises: s0001
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "s0005_install_unknown_statutes"
down_revision = "s0001"
branch_labels = None
depends_on = None

BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "unknown_statutes",
        sa.Column("id", BIG_ID, primary_key=True, autoincrement=True),
        sa.Column("incident_id", sa.String(36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("district", sa.Integer(), nullable=False),
        sa.Column("citation", sa.Text(), nullable=False),
        sa.Column("device_id", BIG_ID, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_unknown_statutes_incident_id", "unknown_statutes", ["incident_id"])


def downgrade() -> None:
    op.drop_index("ix_unknown_statutes_incident_id", "unknown_statutes")
    op.drop_table("unknown_statutes")
