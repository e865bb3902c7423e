"""Link decisions travel through sync (linked incidents): each decision gets an idempotency key and the station it was
taken at; decisions waiting for the server are queued in link_decision_outbox. Agent names in non-Latin
scripts get their matching key (before, "李小龙" gave none and was never linked).

Decisions taken before this upgrade are queued too, so headquarters learns of them at the next sync.

Revision ID: 0007_link_decision_sync
Revises: 0005_links
Create Date: 2026-11-25
"""

import json
import uuid
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0007_link_decision_sync"
down_revision = "0005_links"
branch_labels = None
depends_on = None

# Kept here (not imported) so this revision never changes when the app's modules do.
_PAYLOAD_FIELDS = ("incident_a", "incident_b", "kind", "decision", "actor_name", "actor_star", "note")


def upgrade() -> None:
    with op.batch_alter_table("link_decisions") as batch:
        batch.add_column(sa.Column("sync_key", sa.String(36), nullable=True))
        batch.add_column(sa.Column("station", sa.Text, nullable=False, server_default=""))
        batch.create_index("ix_link_decisions_sync_key", ["sync_key"], unique=True)
    op.create_table(
        "link_decision_outbox",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("sync_key", sa.String(36), nullable=False, unique=True),
        sa.Column("payload_json", sa.Text, nullable=False),
        sa.Column("queued_at", sa.DateTime, nullable=False),
    )
    _queue_existing_decisions()
    _index_names_in_other_scripts()


def _queue_existing_decisions() -> None:
    conn = op.get_bind()
    now = datetime.now(UTC).replace(tzinfo=None)
    rows = conn.execute(sa.text("SELECT id, incident_a, incident_b, kind, decision, actor_name, actor_star, note, "
                                "decided_at, shared_json FROM link_decisions ORDER BY id")).mappings().all()
    for row in rows:
        key = str(uuid.uuid4())
        decided = row["decided_at"]
        decided = decided if isinstance(decided, str) else decided.isoformat()
        payload = {name: row[name] for name in _PAYLOAD_FIELDS}
        payload.update(idempotency_key=key, decided_at=decided.replace(" ", "T") + "Z",
                       shared=json.loads(row["shared_json"] or "[]"))
        conn.execute(sa.text("UPDATE link_decisions SET sync_key = :k WHERE id = :id"), {"k": key, "id": row["id"]})
        conn.execute(sa.text("INSERT INTO link_decision_outbox (sync_key, payload_json, queued_at) VALUES (:k, :p, :q)"),
                     {"k": key, "p": json.dumps(payload, ensure_ascii=False), "q": now})


def _index_names_in_other_scripts() -> None:
    """Re-index only incidents with an agent name outside ASCII: Latin keys did not change."""
    from intake_app.domain.interchange import from_dict
    from intake_app.storage.links.index import index_incident

    conn = op.get_bind()
    for raw in conn.execute(sa.text("SELECT record_json FROM incidents")).scalars():
        record = json.loads(raw)
        if any(not (agent.get("name") or "").isascii() for agent in record.get("agents") or []):
            index_incident(conn, from_dict(record))


def downgrade() -> None:
    op.drop_table("link_decision_outbox")
    with op.batch_alter_table("link_decisions") as batch:
        batch.drop_index("ix_link_decisions_sync_key")
        batch.drop_column("station")
        batch.drop_column("sync_key")
