"""Report numbers never collide between devices (foundation): a registry of device codes per district (given out
at enrollment) and of accepted report numbers (one incident per number). Both are filled from what the server
already holds, first come first served, so devices enrolled before keep their codes.

A branch off s0001 (server/migrate.py upgrades every head).

Revision ID: s0004_report_numbers
Revises: s0001
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "s0004_report_numbers"
down_revision = "s0001"
branch_labels = None
depends_on = None

BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")

# D009-2026-K7Q-00042: district at 2-4, device code at 11-13 (the validator admits no other shape).
_NUMBERS_PG = """
INSERT INTO report_numbers (report_number, incident_id, registered_at)
SELECT DISTINCT ON (n) n, id, now() FROM (
    SELECT id, last_seq, (record_json::json ->> 'report_number') AS n FROM incidents) AS x
WHERE n IS NOT NULL AND n <> '' ORDER BY n, last_seq"""
_NUMBERS_SQLITE = """
INSERT OR IGNORE INTO report_numbers (report_number, incident_id, registered_at)
SELECT json_extract(record_json, '$.report_number'), id, CURRENT_TIMESTAMP FROM incidents
WHERE coalesce(json_extract(record_json, '$.report_number'), '') <> '' ORDER BY last_seq"""
_CODES_PG = """
INSERT INTO device_codes (district, code, device_id, requested, assigned_at)
SELECT DISTINCT ON (d, c) d, c, device_id, c, now() FROM (
    SELECT CAST(substr(r.report_number, 2, 3) AS INTEGER) AS d, substr(r.report_number, 11, 3) AS c,
           ch.device_id, ch.seq
    FROM report_numbers r JOIN changes ch ON ch.incident_id = r.incident_id) AS x
ORDER BY d, c, seq"""
_CODES_SQLITE = """
INSERT OR IGNORE INTO device_codes (district, code, device_id, requested, assigned_at)
SELECT CAST(substr(r.report_number, 2, 3) AS INTEGER), substr(r.report_number, 11, 3), ch.device_id,
       substr(r.report_number, 11, 3), CURRENT_TIMESTAMP
FROM report_numbers r JOIN changes ch ON ch.incident_id = r.incident_id ORDER BY ch.seq"""


def upgrade() -> None:
    op.create_table(
        "device_codes",
        sa.Column("id", BIG_ID, autoincrement=True, nullable=False),
        sa.Column("district", sa.Integer, nullable=True),
        sa.Column("code", sa.String(3), nullable=False),
        sa.Column("device_id", BIG_ID, sa.ForeignKey("devices.id"), nullable=False),
        sa.Column("requested", sa.String(3), nullable=False, server_default=""),
        sa.Column("assigned_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ux_device_codes_district_code", "device_codes", ["district", "code"], unique=True)
    op.create_index("ix_device_codes_device_id", "device_codes", ["device_id"])
    op.create_table(
        "report_numbers",
        sa.Column("report_number", sa.String(32), nullable=False),
        sa.Column("incident_id", sa.String(36), nullable=False),
        sa.Column("registered_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("report_number"),
    )
    op.create_index("ix_report_numbers_incident_id", "report_numbers", ["incident_id"])
    postgres = op.get_bind().dialect.name == "postgresql"
    op.execute(_NUMBERS_PG if postgres else _NUMBERS_SQLITE)
    op.execute(_CODES_PG if postgres else _CODES_SQLITE)


def downgrade() -> None:
    op.drop_table("report_numbers")
    op.drop_table("device_codes")
