"""Links between incidents: identifier index, place-and-time R*Tree, link decisions (linked incidents).

Existing incidents are indexed here, so a store that already holds records finds their links at once.

Revision ID: 0005_links
Revises: 0001
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_links"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "incident_identifiers",
        sa.Column("incident_id", sa.String(36), sa.ForeignKey("incidents.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("kind", sa.String(8), primary_key=True),
        sa.Column("value", sa.String(128), primary_key=True),
        sa.Column("state", sa.String(2), primary_key=True, server_default=""),
        sa.Column("display", sa.Text, nullable=False, server_default=""),
    )
    op.create_index("ix_incident_identifiers_key", "incident_identifiers", ["kind", "value", "state"])
    op.create_table(
        "incident_places",
        sa.Column("place_id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("incident_id", sa.String(36), sa.ForeignKey("incidents.id", ondelete="CASCADE"), nullable=False,
                  unique=True),
    )
    op.execute("CREATE VIRTUAL TABLE incident_place_index USING rtree(id, min_lat, max_lat, min_lon, max_lon, min_t, max_t)")
    op.create_table(
        "link_decisions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("incident_a", sa.String(36), nullable=False),
        sa.Column("incident_b", sa.String(36), nullable=False),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("decision", sa.String(16), nullable=False),
        sa.Column("actor_name", sa.Text, nullable=False),
        sa.Column("actor_star", sa.String(16), nullable=False),
        sa.Column("decided_at", sa.DateTime, nullable=False),
        sa.Column("note", sa.Text, nullable=False, server_default=""),
        sa.Column("shared_json", sa.Text, nullable=False, server_default="[]"),
    )
    op.create_index("ix_link_decisions_pair", "link_decisions", ["incident_a", "incident_b", "kind", "id"])
    op.create_index("ix_link_decisions_b", "link_decisions", ["incident_b"])
    _index_existing_incidents()


def _index_existing_incidents() -> None:
    import json

    from intake_app.domain.interchange import from_dict
    from intake_app.storage.links.index import index_incident

    conn = op.get_bind()
    for raw in conn.execute(sa.text("SELECT record_json FROM incidents")).scalars().all():
        index_incident(conn, from_dict(json.loads(raw)), fresh=True)


def downgrade() -> None:
    op.drop_table("link_decisions")
    op.execute("DROP TABLE incident_place_index")
    op.drop_table("incident_places")
    op.drop_index("ix_incident_identifiers_key", "incident_identifiers")
    op.drop_table("incident_identifiers")
