"""Records stored with a time the clocks never showed (02:00-02:59 on a spring-forward day, built by
datetime.combine) are rewritten with the same instant as the clocks showed it, each with an audit entry
holding the new state hash, so `intake verify` vouches for them (no false "altered outside the app").

Only the text of such times changes: the instant, every other byte of the record, its version and its
projection (which holds the instant in UTC) stay as they were.

Revision ID: 0009_hostile_instants
Revises: 0002_audit
Create Date: 2026-12-06
"""

import hashlib
import json

from alembic import op
from sqlalchemy import text
from sqlalchemy.orm import Session

revision = "0009_hostile_instants"
down_revision = "0002_audit"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from intake_app.domain.actor import Actor
    from intake_app.domain.interchange import canonical_text, from_dict, to_dict
    from intake_app.security.audit import NewEntry, append_entries

    repairer = Actor("Intake (times repaired to the instants they stand for)", "")
    conn = op.get_bind()
    entries, updates = [], []
    for incident_id, raw in conn.execute(text("SELECT id, record_json FROM incidents")):
        old = json.loads(raw)
        try:
            new = to_dict(from_dict(old))
        except ValueError:  # a row that no longer reads is left for `intake verify` to name
            continue
        fixed = canonical_text(new)
        if fixed == raw:
            continue
        changed = [(k, str(old.get(k)), str(new.get(k))) for k in sorted(set(old) | set(new)) if old.get(k) != new.get(k)]
        for i, (path, before, after) in enumerate(changed or [("", "", "")]):
            last = i == max(len(changed), 1) - 1
            entries.append(NewEntry(repairer, incident_id, "repair", path, before, after,
                                    hashlib.sha256(fixed.encode("utf-8")).hexdigest() if last else ""))
        updates.append({"id": incident_id, "record_json": fixed})
    if not updates:
        return
    conn.execute(text("UPDATE incidents SET record_json = :record_json WHERE id = :id"), updates)
    append_entries(Session(bind=conn), entries)


def downgrade() -> None:
    pass  # the old text named the same instants; nothing to undo
