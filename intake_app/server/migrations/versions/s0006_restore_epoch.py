"""The restore epoch: a random id the server gives in every pull answer and at GET /epoch, renewed when the
database is restored from a backup (`intake server restored`), so devices learn that versions the server had
acknowledged may be gone and send them again (sync/resend.py). `since_seq`: the first feed number after the
restore (0 before any restore); `changes.resent`: a version that came back from a device after a restore.

A branch off s0001 (server/migrate.py upgrades every head).

Revision ID: s0006_restore_epoch
Revises: s0001
Create Date: 2026-12-07
"""

import secrets
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "s0006_restore_epoch"
down_revision = "s0001"
branch_labels = None
depends_on = None

BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    epoch = op.create_table(
        "server_epoch",
        sa.Column("id", sa.Integer(), primary_key=True),  # one row, id 1
        sa.Column("epoch", sa.String(32), nullable=False),
        sa.Column("since_seq", BIG_ID, nullable=False),
        sa.Column("set_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.bulk_insert(epoch, [{"id": 1, "epoch": secrets.token_hex(16), "since_seq": 0, "set_at": datetime.now(UTC)}])
    with op.batch_alter_table("changes") as batch:
        batch.add_column(sa.Column("resent", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("changes") as batch:
        batch.drop_column("resent")
    op.drop_table("server_epoch")
