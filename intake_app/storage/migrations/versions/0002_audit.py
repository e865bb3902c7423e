"""Audit trail: hash-chained, signed, append-only entries (evidence integrity).

Revision ID: 0002_audit
Revises: 0001
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_audit"
down_revision = "0001"
branch_labels = None
depends_on = None

# Kept here (not imported) so this revision never changes when the app's modules do.
TRIGGERS = (
    "CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON audit_entries "
    "BEGIN SELECT RAISE(ABORT, 'audit entries are append-only: they cannot be changed'); END",
    "CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON audit_entries "
    "BEGIN SELECT RAISE(ABORT, 'audit entries are append-only: they cannot be deleted'); END",
)


def upgrade() -> None:
    op.create_table(
        "audit_entries",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("actor_name", sa.Text, nullable=False),
        sa.Column("actor_star", sa.String(32), nullable=False),
        sa.Column("machine", sa.Text, nullable=False),
        sa.Column("incident_id", sa.String(36), nullable=True),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("field_path", sa.Text, nullable=False, server_default=""),
        sa.Column("old_value", sa.Text, nullable=False, server_default=""),
        sa.Column("new_value", sa.Text, nullable=False, server_default=""),
        sa.Column("record_hash", sa.String(64), nullable=False, server_default=""),
        sa.Column("key_id", sa.String(16), nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("entry_hash", sa.String(64), nullable=False),
        sa.Column("signature", sa.String(128), nullable=False),
    )
    op.create_index("ix_audit_entries_incident_id", "audit_entries", ["incident_id"])
    for statement in TRIGGERS:
        op.execute(statement)


def downgrade() -> None:
    op.drop_table("audit_entries")
