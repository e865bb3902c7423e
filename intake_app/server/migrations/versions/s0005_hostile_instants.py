"""Incidents stored with a time the clocks never showed (02:00-02:59 on a spring-forward day, as clients built
them with datetime.combine) are rewritten with the same instant as the clocks showed it: the text every
client now writes and reads back for that record (interchange.canonical_text), so a device pushing the
record again is "unchanged", not a different content at the same version. The change feed keeps what was
received, as received (clients read both texts as the same instant). Each rewritten record gets an audit row
in record_repairs (created here): the fields changed, before and after, and the hashes of both texts.

Revision ID: s0005_hostile_instants
Revises: s0001
Create Date: 2026-12-06
"""

import hashlib
import json
import logging
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op
from sqlalchemy import text

revision = "s0005_hostile_instants"
down_revision = "s0001"
branch_labels = None
depends_on = None

PAGE = 1000
REASON = "times repaired to the instants they stand for"
BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def _sha(text_: str) -> str:
    return hashlib.sha256(text_.encode("utf-8")).hexdigest()


def _changed(old: dict, new: dict, where: str = "") -> list[list[str]]:
    """[path, before, after] of every leaf that differs (bounded by the record itself)."""
    out: list[list[str]] = []
    if isinstance(old, dict) and isinstance(new, dict):
        for k in sorted(set(old) | set(new)):
            out += _changed(old.get(k), new.get(k), f"{where}.{k}" if where else k)
    elif isinstance(old, list) and isinstance(new, list) and len(old) == len(new):
        for i, (a, b) in enumerate(zip(old, new, strict=True)):
            out += _changed(a, b, f"{where}[{i}]")
    elif old != new:
        out.append([where, json.dumps(old, ensure_ascii=False), json.dumps(new, ensure_ascii=False)])
    return out


def upgrade() -> None:
    from intake_app.domain.interchange import canonical_text, from_dict, to_dict

    op.create_table(
        "record_repairs",
        sa.Column("id", BIG_ID, primary_key=True, autoincrement=True),
        sa.Column("incident_id", sa.String(36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(200), nullable=False),
        sa.Column("fields", sa.Text(), nullable=False),
        sa.Column("old_hash", sa.String(64), nullable=False),
        sa.Column("new_hash", sa.String(64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_record_repairs_incident_id", "record_repairs", ["incident_id"])
    conn = op.get_bind()
    now = datetime.now(UTC)
    after, repaired = "", 0
    while True:
        rows = conn.execute(text("SELECT id, version, record_json FROM incidents WHERE id > :after ORDER BY id "
                                 "LIMIT :n"), {"after": after, "n": PAGE}).all()
        if not rows:
            break
        after = rows[-1][0]
        updates, audits = [], []
        for incident_id, version, raw in rows:
            try:
                old = json.loads(raw)
                fixed = canonical_text(to_dict(from_dict(old)))
            except ValueError:
                continue  # a record that no longer reads is left as it is
            if fixed != raw:
                updates.append({"id": incident_id, "record_json": fixed})
                audits.append({"incident_id": incident_id, "version": version, "reason": REASON,
                               "fields": json.dumps(_changed(old, json.loads(fixed)), ensure_ascii=False),
                               "old_hash": _sha(raw), "new_hash": _sha(fixed), "at": now})
        if updates:
            conn.execute(text("UPDATE incidents SET record_json = :record_json WHERE id = :id"), updates)
            conn.execute(text("INSERT INTO record_repairs (incident_id, version, reason, fields, old_hash, new_hash, "
                              "at) VALUES (:incident_id, :version, :reason, :fields, :old_hash, :new_hash, :at)"),
                         audits)
            repaired += len(updates)
    logging.getLogger("alembic.runtime.migration").info("times repaired to their instants in %d incident(s)", repaired)


def downgrade() -> None:
    op.drop_index("ix_record_repairs_incident_id", "record_repairs")
    op.drop_table("record_repairs")  # the old text named the same instants; nothing else to undo
