"""Deleted drafts in the change feed (offline sync): a change row may be a deletion (the draft's last content, one
version up, marked deleted); the incident itself leaves the current set.

A branch off s0001 (server/migrate.py upgrades every head).

Revision ID: s0003_draft_deletions
Revises: s0001
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "s0003_draft_deletions"
down_revision = "s0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("changes") as batch:
        batch.add_column(sa.Column("deleted", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("changes") as batch:
        batch.drop_column("deleted")
