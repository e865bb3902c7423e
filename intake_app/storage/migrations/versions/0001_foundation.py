"""Foundation: incidents and their projections, FTS5 search, sequences, meta, autosaves.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "incidents",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("report_number", sa.String(32), unique=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("district", sa.Integer),
        sa.Column("beat", sa.String(4), nullable=False, server_default=""),
        sa.Column("occurred_at", sa.DateTime),
        sa.Column("address", sa.Text, nullable=False, server_default=""),
        sa.Column("latitude", sa.Float),
        sa.Column("longitude", sa.Float),
        sa.Column("agent_count", sa.Integer, nullable=False, server_default="0"),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("is_demo", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("record_json", sa.Text, nullable=False),
        # The row's key in incident_fts (FTS5 rows are addressed by integer rowid only).
        sa.Column("search_rowid", sa.Integer, nullable=False, unique=True),
    )
    op.create_index("ix_incidents_status", "incidents", ["status"])
    op.create_index("ix_incidents_district", "incidents", ["district"])
    # (occurred_at, id): lists are ordered newest first with the id as tie-breaker, straight off this index.
    op.create_index("ix_incidents_occurred_at", "incidents", ["occurred_at", "id"])
    op.create_index("ix_incidents_updated_at", "incidents", ["updated_at"])

    op.create_table(
        "incident_agents",
        sa.Column("incident_id", sa.String(36), sa.ForeignKey("incidents.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("agent_id", sa.String(36), nullable=False),
        sa.Column("agency", sa.String(32), nullable=False),
        sa.Column("name", sa.Text, nullable=False, server_default=""),
        sa.Column("badge", sa.String(64), nullable=False, server_default=""),
        sa.Column("plate", sa.String(16), nullable=False, server_default=""),
        sa.Column("plate_state", sa.String(2), nullable=False, server_default=""),
    )
    op.create_index("ix_incident_agents_agency", "incident_agents", ["agency"])

    op.create_table(
        "incident_footage",
        sa.Column("incident_id", sa.String(36), sa.ForeignKey("incidents.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("footage_id", sa.String(36), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("preservation_status", sa.String(16), nullable=False),
        sa.Column("preservation_deadline", sa.DateTime),
        sa.Column("sha256", sa.String(64), nullable=False, server_default=""),
    )
    op.create_index("ix_footage_deadline", "incident_footage", ["preservation_status", "preservation_deadline"])

    op.create_table(
        "incident_violations",
        sa.Column("incident_id", sa.String(36), sa.ForeignKey("incidents.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("violation_id", sa.String(36), nullable=False),
        sa.Column("statute", sa.String(64), nullable=False),
        sa.Column("offence_class", sa.String(16), nullable=False, server_default=""),
    )
    op.create_index("ix_incident_violations_statute", "incident_violations", ["statute"])

    op.create_table(
        "report_sequences",
        sa.Column("district", sa.Integer, primary_key=True),
        sa.Column("year", sa.Integer, primary_key=True),
        sa.Column("last", sa.Integer, nullable=False, server_default="0"),
    )
    op.create_table("meta", sa.Column("key", sa.String(64), primary_key=True), sa.Column("value", sa.Text, nullable=False))
    op.create_table(
        "autosaves",
        sa.Column("incident_id", sa.String(36), primary_key=True),
        sa.Column("saved_at", sa.DateTime, nullable=False),
        sa.Column("record_json", sa.Text, nullable=False),
    )
    # remove_diacritics: "Jose" finds "José".
    op.execute(
        "CREATE VIRTUAL TABLE incident_fts USING fts5("
        "incident_id UNINDEXED, report_number, narrative, address, agent_names, badges, plates, "
        "tokenize = 'unicode61 remove_diacritics 2')"
    )


def downgrade() -> None:
    op.execute("DROP TABLE incident_fts")
    for table in ("autosaves", "meta", "report_sequences", "incident_violations", "incident_footage",
                  "incident_agents", "incidents"):
        op.drop_table(table)
