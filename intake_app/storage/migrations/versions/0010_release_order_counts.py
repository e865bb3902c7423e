"""What the public release counts of the ICE On Notice order, in the projection, without names: the federal
supervisor's credential check, the people injured, whether EMS was summoned and whether CPD rendered aid
(storage/projection.py order_counts). The records already stored get their values from their JSON here.

Revision ID: 0010_release_order_counts
Revises: 0009_order_fields
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

revision = "0010_release_order_counts"
down_revision = "0009_order_fields"
branch_labels = None
depends_on = None

COLUMNS = ("credential_check", "injured_count", "ems_summoned", "aid_rendered")


def upgrade() -> None:
    with op.batch_alter_table("incidents") as batch:
        batch.add_column(sa.Column("credential_check", sa.String(32), nullable=False, server_default=""))
        batch.add_column(sa.Column("injured_count", sa.Integer, nullable=False, server_default="0"))
        batch.add_column(sa.Column("ems_summoned", sa.Boolean, nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column("aid_rendered", sa.String(16), nullable=False, server_default=""))
    _fill_from_records()


def _fill_from_records() -> None:
    import json

    from intake_app.domain.interchange import from_dict
    from intake_app.storage.projection import order_counts

    conn = op.get_bind()
    update = sa.text("UPDATE incidents SET credential_check = :credential_check, injured_count = :injured_count, "
                     "ems_summoned = :ems_summoned, aid_rendered = :aid_rendered WHERE id = :id")
    rows = []
    for incident_id, raw in conn.execute(sa.text("SELECT id, record_json FROM incidents")):
        counts = order_counts(from_dict(json.loads(raw)))
        if counts["credential_check"] or counts["injured_count"] or counts["ems_summoned"] or counts["aid_rendered"]:
            rows.append({"id": incident_id, **counts})
        if len(rows) >= 500:
            conn.execute(update, rows)
            rows = []
    if rows:
        conn.execute(update, rows)


def downgrade() -> None:
    with op.batch_alter_table("incidents") as batch:
        for column in reversed(COLUMNS):
            batch.drop_column(column)
