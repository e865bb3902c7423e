"""How far each device's feed was sent at its last pull, for the metrics (pending changes and feed lag by device);
and when the database was restored from a backup (audit heads across a restore).

A branch off s0001 (server/migrate.py upgrades every head).

Revision ID: s0005_scale_feed_positions
Revises: s0001
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "s0005_scale_feed_positions"
down_revision = "s0001"
branch_labels = None
depends_on = None

BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "feed_positions",
        sa.Column("device_id", BIG_ID, sa.ForeignKey("devices.id"), primary_key=True),
        sa.Column("cursor", BIG_ID, nullable=False),
        sa.Column("pulled_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "server_restores",
        sa.Column("id", BIG_ID, primary_key=True, autoincrement=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("server_restores")
    op.drop_table("feed_positions")
