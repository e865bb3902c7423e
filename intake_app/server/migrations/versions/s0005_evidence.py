"""Evidence kept by the server (server/evidence.py): RFC 3161 tokens over each device's audit-chain heads, and
the fingerprints of the certificates that sign each station's packets.

A branch off s0001 (server/migrate.py upgrades every head).

Revision ID: s0005_evidence
Revises: s0001
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "s0005_evidence"
down_revision = "s0001"
branch_labels = None
depends_on = None

BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "audit_timestamps",
        sa.Column("id", BIG_ID, autoincrement=True, nullable=False),
        sa.Column("device_id", BIG_ID, sa.ForeignKey("devices.id"), nullable=False),
        sa.Column("entries", BIG_ID, nullable=False),
        sa.Column("head", sa.String(64), nullable=False),
        sa.Column("token", sa.LargeBinary, nullable=False),
        sa.Column("gen_time", sa.DateTime(timezone=True), nullable=False),
        sa.Column("tsa", sa.Text, nullable=False),
        sa.Column("obtained_by", sa.String(16), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_audit_timestamps_device_id", "audit_timestamps", ["device_id"])
    op.create_table(
        "station_certificates",
        sa.Column("id", BIG_ID, autoincrement=True, nullable=False),
        sa.Column("device_id", BIG_ID, sa.ForeignKey("devices.id"), nullable=False),
        sa.Column("fingerprint", sa.String(95), nullable=False),
        sa.Column("registered_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_station_certificates_device_id", "station_certificates", ["device_id"])


def downgrade() -> None:
    op.drop_table("station_certificates")
    op.drop_table("audit_timestamps")
