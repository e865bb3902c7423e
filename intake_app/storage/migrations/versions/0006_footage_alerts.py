"""Footage alert list from the projection alone (evidence integrity): device, officer star, evidence id and start of each
footage item, and a partial index over the items still to be preserved, ordered by start.

Existing rows are filled from their records here, so the alert list is complete at once.

Revision ID: 0006_footage_alerts
Revises: 0001
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_footage_alerts"
down_revision = "0001"
branch_labels = None
depends_on = None

# Word for word as storage/tables.py AWAITING_PRESERVATION (SQLite matches a partial index by its text).
AWAITING = "kind IN ('body_worn_camera', 'in_car_camera') AND preservation_status != 'preserved'"


def upgrade() -> None:
    with op.batch_alter_table("incident_footage") as batch:
        batch.add_column(sa.Column("device_id", sa.Text, nullable=False, server_default=""))
        batch.add_column(sa.Column("officer_star", sa.Text, nullable=False, server_default=""))
        batch.add_column(sa.Column("evidence_id", sa.Text, nullable=False, server_default=""))
        batch.add_column(sa.Column("start", sa.DateTime))
    _fill_existing_rows()
    op.create_index("ix_footage_awaiting", "incident_footage", ["start"],
                    sqlite_where=sa.text(AWAITING))


def _fill_existing_rows() -> None:
    import json

    from intake_app.domain.interchange import from_dict
    from intake_app.storage.projection import utc_naive

    conn = op.get_bind()
    footage = sa.table("incident_footage", sa.column("incident_id"), sa.column("position"), sa.column("device_id"),
                       sa.column("officer_star"), sa.column("evidence_id"), sa.column("start", sa.DateTime))
    update = (footage.update()
              .where(footage.c.incident_id == sa.bindparam("key"), footage.c.position == sa.bindparam("pos"))
              .values(device_id=sa.bindparam("device_id"), officer_star=sa.bindparam("officer_star"),
                      evidence_id=sa.bindparam("evidence_id"), start=sa.bindparam("start")))
    with_footage = sa.text("SELECT record_json FROM incidents WHERE id IN (SELECT incident_id FROM incident_footage)")
    rows = []
    for raw in conn.execute(with_footage).scalars():
        inc = from_dict(json.loads(raw))
        rows += [{"key": inc.id, "pos": i, "device_id": f.device_id, "officer_star": f.officer_star,
                  "evidence_id": f.evidence_id, "start": utc_naive(f.start)} for i, f in enumerate(inc.footage)]
    if rows:
        conn.execute(update, rows)


def downgrade() -> None:
    op.drop_index("ix_footage_awaiting", "incident_footage")
    with op.batch_alter_table("incident_footage") as batch:
        for column in ("start", "evidence_id", "officer_star", "device_id"):
            batch.drop_column(column)
