"""An autosave belongs to the user who typed it: the form is kept per incident and per user (star number), and
offered back only to that user. Autosaves written before this revision had no owner: they are kept with an empty
owner and offered only to the supervisor the record names (who entered it).

Also: the search index holds each plate and badge with the link index's key of it too (a plate typed
`zx 81234` or `ZX-81234` finds `ZX81234`); the records already stored are indexed so here.

And: a partial index over private/business camera footage marked "Requested" (storage/tables.py
PRIVATE_REQUESTED, word for word), which the preservation alerts list with the body-worn and in-car items.

Revision ID: 0009_desktop_autosave_owner
Revises: 0001
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0009_desktop_autosave_owner"
down_revision = "0001"
branch_labels = None
depends_on = None

# Word for word as storage/tables.py PRIVATE_REQUESTED (SQLite matches a partial index by its text).
PRIVATE_REQUESTED = "kind = 'private_business_camera' AND preservation_status = 'requested'"


def upgrade() -> None:
    # SQLite cannot change a primary key in place: a new table, the rows copied, the old one dropped.
    op.create_table(
        "autosaves_owned",
        sa.Column("incident_id", sa.String(36), primary_key=True),
        sa.Column("owner_star", sa.String(32), primary_key=True, server_default=""),
        sa.Column("saved_at", sa.DateTime, nullable=False),
        sa.Column("record_json", sa.Text, nullable=False),
    )
    op.execute("INSERT INTO autosaves_owned (incident_id, owner_star, saved_at, record_json) "
               "SELECT incident_id, '', saved_at, record_json FROM autosaves")
    op.drop_table("autosaves")
    op.rename_table("autosaves_owned", "autosaves")
    op.create_index("ix_footage_private_requested", "incident_footage", ["kind", "preservation_status"],
                    sqlite_where=sa.text(PRIVATE_REQUESTED))
    _reindex_plates_and_badges()


def _reindex_plates_and_badges() -> None:
    import json

    from intake_app.domain.interchange import from_dict
    from intake_app.storage.projection import badge_tokens, plate_tokens

    conn = op.get_bind()
    update = sa.text("UPDATE incident_fts SET badges = :badges, plates = :plates WHERE rowid = :rowid")
    with_agents = sa.text("SELECT search_rowid, record_json FROM incidents WHERE agent_count > 0")
    rows = []
    for rowid, raw in conn.execute(with_agents):
        inc = from_dict(json.loads(raw))
        rows.append({"rowid": rowid, "badges": " ".join(badge_tokens(a.badge) for a in inc.agents if a.badge),
                     "plates": " ".join(plate_tokens(a.vehicle.plate) for a in inc.agents
                                        if a.vehicle and a.vehicle.plate)})
        if len(rows) >= 500:
            conn.execute(update, rows)
            rows = []
    if rows:
        conn.execute(update, rows)


def downgrade() -> None:
    op.drop_index("ix_footage_private_requested", "incident_footage")
    op.create_table(
        "autosaves_single",
        sa.Column("incident_id", sa.String(36), primary_key=True),
        sa.Column("saved_at", sa.DateTime, nullable=False),
        sa.Column("record_json", sa.Text, nullable=False),
    )
    # One form per incident again: the newest one of each is kept.
    op.execute("INSERT INTO autosaves_single (incident_id, saved_at, record_json) "
               "SELECT incident_id, saved_at, record_json FROM autosaves a WHERE saved_at = "
               "(SELECT max(saved_at) FROM autosaves b WHERE b.incident_id = a.incident_id) "
               "GROUP BY incident_id")
    op.drop_table("autosaves")
    op.rename_table("autosaves_single", "autosaves")
