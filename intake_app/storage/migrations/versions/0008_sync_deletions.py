"""Deleting a draft is a synced change (offline sync): the outbox says what each queued change is ("save" or
"delete_draft"), and a local conflict remembers when the server's side of it is a deletion.

Revision ID: 0008_sync_deletions
Revises: 0003_sync
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0008_sync_deletions"
down_revision = "0003_sync"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sync_outbox") as batch:
        batch.add_column(sa.Column("action", sa.String(16), nullable=False, server_default="save"))
    with op.batch_alter_table("sync_conflicts") as batch:
        batch.add_column(sa.Column("theirs_deleted", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("sync_conflicts") as batch:
        batch.drop_column("theirs_deleted")
    with op.batch_alter_table("sync_outbox") as batch:
        batch.drop_column("action")
