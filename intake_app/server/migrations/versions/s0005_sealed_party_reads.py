"""Who read which civilian's identity, when (sent by the devices from their audit trails; never the identity),
and the sealing public keys of each device's reviewers (so the district's other devices seal to them).

A branch off s0001 (server/migrate.py upgrades every head).

Revision ID: s0005_sealed_party_reads
Revises: s0001
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "s0005_sealed_party_reads"
down_revision = "s0001"
branch_labels = None
depends_on = None

BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "party_reads",
        sa.Column("id", BIG_ID, primary_key=True, autoincrement=True),
        sa.Column("device_id", BIG_ID, sa.ForeignKey("devices.id"), nullable=False, index=True),
        sa.Column("entry_seq", BIG_ID, nullable=False),
        sa.Column("incident_id", sa.String(36), nullable=False, index=True),
        sa.Column("actor_star", sa.String(16), nullable=False),
        sa.Column("actor_name", sa.String(200), nullable=False),
        sa.Column("purpose", sa.String(20), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("device_id", "entry_seq", name="uq_party_reads_entry"),
    )
    op.create_table(
        "reader_keys",
        sa.Column("device_id", BIG_ID, sa.ForeignKey("devices.id"), primary_key=True),
        sa.Column("star", sa.String(16), primary_key=True),
        sa.Column("public_key", sa.String(64), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("reader_keys")
    op.drop_table("party_reads")
