"""Incidents stored with a time the clocks never showed (02:00-02:59 on a spring-forward day, as clients built
them with datetime.combine) are rewritten with the same instant as the clocks showed it: the text every
client now writes and reads back for that record (interchange.canonical_text), so a device pushing the
record again is "unchanged", not a different content at the same version. The change feed keeps what was
received, as received (clients read both texts as the same instant).

Revision ID: s0005_hostile_instants
Revises: s0001
Create Date: 2026-12-06
"""

import json
import logging

from alembic import op
from sqlalchemy import text

revision = "s0005_hostile_instants"
down_revision = "s0001"
branch_labels = None
depends_on = None

PAGE = 1000


def upgrade() -> None:
    from intake_app.domain.interchange import canonical_text, from_dict, to_dict

    conn = op.get_bind()
    after, repaired = "", 0
    while True:
        rows = conn.execute(text("SELECT id, record_json FROM incidents WHERE id > :after ORDER BY id LIMIT :n"),
                            {"after": after, "n": PAGE}).all()
        if not rows:
            break
        after = rows[-1][0]
        updates = []
        for incident_id, raw in rows:
            try:
                fixed = canonical_text(to_dict(from_dict(json.loads(raw))))
            except ValueError:
                continue  # a record that no longer reads is left as it is
            if fixed != raw:
                updates.append({"id": incident_id, "record_json": fixed})
        if updates:
            conn.execute(text("UPDATE incidents SET record_json = :record_json WHERE id = :id"), updates)
            repaired += len(updates)
    logging.getLogger("alembic.runtime.migration").info("times repaired to their instants in %d incident(s)", repaired)


def downgrade() -> None:
    pass  # the old text named the same instants; nothing to undo
