"""Draft deletions kept after their acknowledgement, to be sent again to a server restored from a backup.

Revision ID: 0012_kept_deletions
Revises: 0011_server_envelopes
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

revision = "0012_kept_deletions"
down_revision = "0011_server_envelopes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_deletions_kept",
        sa.Column("idempotency_key", sa.String(36), primary_key=True),
        sa.Column("incident_id", sa.String(36), nullable=False),
        sa.Column("base_version", sa.Integer(), nullable=False),
        sa.Column("kept_at", sa.DateTime(), nullable=False),
        sa.Column("watch_until", sa.DateTime(), nullable=True),
    )
    op.create_index("ix_sync_deletions_kept_incident_id", "sync_deletions_kept", ["incident_id"])
    op.create_index("ix_sync_deletions_kept_kept_at", "sync_deletions_kept", ["kept_at"])


def downgrade() -> None:
    op.drop_index("ix_sync_deletions_kept_kept_at", table_name="sync_deletions_kept")
    op.drop_index("ix_sync_deletions_kept_incident_id", table_name="sync_deletions_kept")
    op.drop_table("sync_deletions_kept")
