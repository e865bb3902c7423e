"""Sync (offline sync): outbox, sync state, local conflicts. Records already in the store are queued once,
so a store that existed before sync was installed sends everything it holds on its first sync.

Revision ID: 0003_sync
Revises: 0001
Create Date: 2026-11-25
"""

import uuid
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0003_sync"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    outbox = op.create_table(
        "sync_outbox",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("idempotency_key", sa.String(36), nullable=False, unique=True),
        sa.Column("incident_id", sa.String(36), nullable=False),
        sa.Column("base_version", sa.Integer, nullable=False),
        sa.Column("record_json", sa.Text, nullable=False),
        sa.Column("queued_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_sync_outbox_incident_id", "sync_outbox", ["incident_id"])
    op.create_table(
        "sync_state",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    op.create_table(
        "sync_conflicts",
        sa.Column("incident_id", sa.String(36), primary_key=True),
        sa.Column("mine_json", sa.Text, nullable=False),
        sa.Column("theirs_json", sa.Text, nullable=False),
        sa.Column("server_conflict_id", sa.Integer),
        sa.Column("detected_at", sa.DateTime, nullable=False),
    )
    conn = op.get_bind()
    now = datetime.now(UTC).replace(tzinfo=None)
    rows = conn.execute(sa.text("SELECT id, version, record_json FROM incidents ORDER BY rowid")).all()
    if rows:
        # The present version; the server accepts any version of an incident it does not hold yet.
        op.bulk_insert(outbox, [
            {"idempotency_key": str(uuid.uuid4()), "incident_id": r.id, "base_version": r.version - 1,
             "record_json": r.record_json, "queued_at": now}
            for r in rows
        ])


def downgrade() -> None:
    op.drop_table("sync_conflicts")
    op.drop_table("sync_state")
    op.drop_index("ix_sync_outbox_incident_id", "sync_outbox")
    op.drop_table("sync_outbox")
