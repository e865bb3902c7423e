"""RFC 3161 time-stamp tokens for audit-chain heads, append-only (storage/timestamp_tables.py).

A branch off the audit trail's revision (storage/migrate.py upgrades every head).

Revision ID: 0009_evidence_timestamps
Revises: 0002_audit
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0009_evidence_timestamps"
down_revision = "0002_audit"
branch_labels = None
depends_on = None

TRIGGERS = (
    "CREATE TRIGGER audit_timestamps_no_update BEFORE UPDATE ON audit_timestamps "
    "BEGIN SELECT RAISE(ABORT, 'time-stamp tokens are append-only: they cannot be changed'); END",
    "CREATE TRIGGER audit_timestamps_no_delete BEFORE DELETE ON audit_timestamps "
    "BEGIN SELECT RAISE(ABORT, 'time-stamp tokens are append-only: they cannot be deleted'); END",
)


def upgrade() -> None:
    op.create_table(
        "audit_timestamps",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("entries", sa.Integer, nullable=False),
        sa.Column("head", sa.String(64), nullable=False),
        sa.Column("token", sa.LargeBinary, nullable=False),
        sa.Column("gen_time", sa.DateTime, nullable=False),
        sa.Column("tsa", sa.Text, nullable=False),
        sa.Column("obtained_by", sa.String(16), nullable=False),
        sa.Column("received_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_audit_timestamps_entries", "audit_timestamps", ["entries"])
    for statement in TRIGGERS:
        op.execute(statement)


def downgrade() -> None:
    op.drop_table("audit_timestamps")
