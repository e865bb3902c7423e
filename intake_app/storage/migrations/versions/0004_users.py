"""Users, failed sign-ins and record versions after approval (review and station security).

Revision ID: 0004_users
Revises: 0001
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_users"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("star", sa.String(16), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("pass_hash", sa.Text, nullable=False),
        sa.Column("active", sa.Boolean, nullable=False, server_default=sa.true()),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "sign_in_failures",
        sa.Column("star", sa.String(16), primary_key=True),
        sa.Column("failures", sa.Integer, nullable=False, server_default="0"),
        sa.Column("locked_until", sa.DateTime, nullable=True),
    )
    op.create_table(
        "record_versions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("incident_id", sa.String(36), nullable=False),
        sa.Column("record_version", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("reason", sa.Text, nullable=False, server_default=""),
        sa.Column("actor_name", sa.String(200), nullable=False),
        sa.Column("actor_star", sa.String(16), nullable=False),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("record_json", sa.Text, nullable=False),
    )
    op.create_index("ix_record_versions_incident_id", "record_versions", ["incident_id"])


def downgrade() -> None:
    op.drop_index("ix_record_versions_incident_id", "record_versions")
    op.drop_table("record_versions")
    op.drop_table("sign_in_failures")
    op.drop_table("users")
