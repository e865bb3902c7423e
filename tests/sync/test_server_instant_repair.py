"""The server's incidents stored with a wall time the clocks skipped get, by migration, the text every client
now writes for that same instant."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime

from sqlalchemy import create_engine

from intake_app.domain.interchange import to_dict
from intake_app.server.migrate import upgrade

from ..factories import make_incident


def test_the_server_migration_rewrites_a_skipped_wall_time_as_the_instant_the_clocks_showed(pg_url, admin):
    record = to_dict(make_incident(report_number=""))
    record["id"], record["version"] = str(uuid.uuid4()), 1
    record["occurred_at"] = "2026-03-08T02:20:00-06:00"  # as clients before exact instants wrote it
    old = json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    admin.sql_do("DELETE FROM alembic_version WHERE version_num = 's0005_hostile_instants'")
    with create_engine(pg_url).begin() as conn:
        conn.exec_driver_sql("INSERT INTO incidents (id, district, version, record_json, last_seq, updated_at) "
                             "VALUES (%(id)s, 9, 1, %(json)s, 0, %(at)s)",
                             {"id": record["id"], "json": old, "at": datetime.now(UTC)})
    try:
        engine = create_engine(pg_url)
        upgrade(engine)
        engine.dispose()
        [(stored,)] = admin.sql("SELECT record_json FROM incidents WHERE id = :i", i=record["id"])
        assert json.loads(stored)["occurred_at"] == "2026-03-08T03:20:00-05:00"
        assert {k: v for k, v in json.loads(stored).items() if k != "occurred_at"} == \
               {k: v for k, v in record.items() if k != "occurred_at"}
        assert admin.sql("SELECT count(*) FROM alembic_version WHERE version_num = 's0005_hostile_instants'") == [(1,)]
    finally:
        admin.sql_do(f"DELETE FROM incidents WHERE id = '{record['id']}'")
