"""The preservation alerts list POD and private/business camera footage that needs action (not yet asked for, or
asked for and not received), not only private cameras marked "Requested": the partial index over those items
(storage/tables.py PERISHABLE_AWAITING, word for word) replaces the one over private "Requested" items.

Revision ID: 0010_perishable_alerts
Revises: 0009_desktop_autosave_owner
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

revision = "0010_perishable_alerts"
down_revision = "0009_desktop_autosave_owner"
branch_labels = None
depends_on = None

# Word for word as storage/tables.py PERISHABLE_AWAITING (SQLite matches a partial index by its text).
PERISHABLE_AWAITING = "kind IN ('pod_camera', 'private_business_camera') AND preservation_status != 'preserved'"
PRIVATE_REQUESTED = "kind = 'private_business_camera' AND preservation_status = 'requested'"


def upgrade() -> None:
    op.drop_index("ix_footage_private_requested", "incident_footage")
    op.create_index("ix_footage_perishable", "incident_footage", ["kind", "preservation_status"],
                    sqlite_where=sa.text(PERISHABLE_AWAITING))


def downgrade() -> None:
    op.drop_index("ix_footage_perishable", "incident_footage")
    op.create_index("ix_footage_private_requested", "incident_footage", ["kind", "preservation_status"],
                    sqlite_where=sa.text(PRIVATE_REQUESTED))
