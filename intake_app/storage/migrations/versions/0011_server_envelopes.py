"""Re-wraps: the envelope the server holds of each record this station keeps in clear.

Revision ID: 0011_server_envelopes
Revises: 0009_sealed_identity
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

revision = "0011_server_envelopes"
down_revision = "0009_sealed_identity"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "server_envelopes",
        sa.Column("incident_id", sa.String(36), primary_key=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("envelope_json", sa.Text(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("server_envelopes")
