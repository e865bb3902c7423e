"""What the ICE On Notice order and CPD practice require, in the projection: the incident's CPD RD number and
OEMC event number (exact lookups; the search index holds them beside the report number), the felony review's
current decision (the public release counts outcomes), and when each footage item was flagged under the Body
Camera Act (its retention runs from the flag).

Records keep their interchange JSON as stored: a record of the first format (intake.incident/1) reads as a
second-format record with none of the new fields, so nothing is rewritten and every audited hash stays valid.
Records stored before have no such values, so the new columns start empty.

Revision ID: 0009_order_fields
Revises: 0001
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0009_order_fields"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("incidents") as batch:
        batch.add_column(sa.Column("cpd_rd_number", sa.String(32), nullable=False, server_default=""))
        batch.add_column(sa.Column("oemc_event_number", sa.String(32), nullable=False, server_default=""))
        batch.add_column(sa.Column("review_decision", sa.String(32), nullable=False, server_default=""))
    op.create_index("ix_incidents_cpd_rd_number", "incidents", ["cpd_rd_number"])
    op.create_index("ix_incidents_oemc_event_number", "incidents", ["oemc_event_number"])
    with op.batch_alter_table("incident_footage") as batch:
        batch.add_column(sa.Column("flagged_at", sa.DateTime))


def downgrade() -> None:
    with op.batch_alter_table("incident_footage") as batch:
        batch.drop_column("flagged_at")
    op.drop_index("ix_incidents_oemc_event_number", "incidents")
    op.drop_index("ix_incidents_cpd_rd_number", "incidents")
    with op.batch_alter_table("incidents") as batch:
        for column in ("review_decision", "oemc_event_number", "cpd_rd_number"):
            batch.drop_column(column)
