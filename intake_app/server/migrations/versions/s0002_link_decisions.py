"""Link decisions (linked incidents): reviewers' confirm/reject/dismiss of incident pairs, a feed in seq order.

A branch off s0001 (server/migrate.py upgrades every head), so other features' server revisions need not
queue behind this one.

Revision ID: s0002_link_decisions
Revises: s0001
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "s0002_link_decisions"
down_revision = "s0001"
branch_labels = None
depends_on = None

BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "link_decisions",
        sa.Column("seq", BIG_ID, autoincrement=True, nullable=False),
        sa.Column("idempotency_key", sa.String(36), nullable=False),
        sa.Column("incident_a", sa.String(36), nullable=False),
        sa.Column("incident_b", sa.String(36), nullable=False),
        sa.Column("district_a", sa.Integer, nullable=False),
        sa.Column("district_b", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("decision", sa.String(16), nullable=False),
        sa.Column("actor_name", sa.Text, nullable=False),
        sa.Column("actor_star", sa.String(16), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("shared_json", sa.Text, nullable=False),
        sa.Column("device_id", BIG_ID, sa.ForeignKey("devices.id"), nullable=False),
        sa.Column("station", sa.String(40), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("seq"),
        sa.UniqueConstraint("idempotency_key"),
    )
    op.create_index("ix_link_decisions_districts_seq", "link_decisions", ["district_a", "district_b", "seq"])
    op.create_index("ix_link_decisions_incident_a", "link_decisions", ["incident_a"])
    op.create_index("ix_link_decisions_incident_b", "link_decisions", ["incident_b"])


def downgrade() -> None:
    op.drop_table("link_decisions")
