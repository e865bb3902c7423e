"""The server's incidents stored with a wall time the clocks skipped get, by migration, the text every client
now writes for that same instant."""

from __future__ import annotations

import hashlib
import json
import uuid
from datetime import UTC, datetime

from sqlalchemy import create_engine

from intake_app.domain.interchange import canonical_text, to_dict
from intake_app.server.migrate import upgrade

from ..factories import make_incident


def _stored_before_the_repair(admin, pg_url, occurred_at: str | None, *, canonical: bool = False) -> tuple[dict, str]:
    """A record as clients before exact instants wrote it (or, canonical, as clients write it now), in a
    database where the repair has still to run."""
    record = to_dict(make_incident(report_number=""))
    record["id"], record["version"] = str(uuid.uuid4()), 1
    if occurred_at is not None:
        record["occurred_at"] = occurred_at
    old = (canonical_text(record) if canonical
           else json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":")))
    admin.sql_do("DELETE FROM alembic_version WHERE version_num = 's0005_hostile_instants'")
    admin.sql_do("DROP TABLE IF EXISTS record_repairs")
    with create_engine(pg_url).begin() as conn:
        conn.exec_driver_sql("INSERT INTO incidents (id, district, version, record_json, last_seq, updated_at) "
                             "VALUES (%(id)s, 9, 1, %(json)s, 0, %(at)s)",
                             {"id": record["id"], "json": old, "at": datetime.now(UTC)})
    return record, old


def _upgrade(pg_url) -> None:
    engine = create_engine(pg_url)
    upgrade(engine)
    engine.dispose()


def test_each_record_the_server_migration_rewrites_gets_an_audit_entry(pg_url, admin):
    skipped, old = _stored_before_the_repair(admin, pg_url, "2026-03-08T02:20:00-06:00")
    try:
        _upgrade(pg_url)
        [(version, reason, fields, old_hash, new_hash)] = admin.sql(
            "SELECT version, reason, fields, old_hash, new_hash FROM record_repairs WHERE incident_id = :i",
            i=skipped["id"])
        [(stored,)] = admin.sql("SELECT record_json FROM incidents WHERE id = :i", i=skipped["id"])
        assert version == 1 and "instants" in reason
        assert json.loads(fields) == [["occurred_at", '"2026-03-08T02:20:00-06:00"', '"2026-03-08T03:20:00-05:00"']]
        assert old_hash == hashlib.sha256(old.encode()).hexdigest()
        assert new_hash == hashlib.sha256(stored.encode()).hexdigest()
    finally:
        admin.sql_do(f"DELETE FROM incidents WHERE id = '{skipped['id']}'")


def test_a_record_the_server_migration_leaves_as_it_is_gets_no_audit_entry(pg_url, admin):
    sound, _ = _stored_before_the_repair(admin, pg_url, None, canonical=True)
    try:
        _upgrade(pg_url)
        assert admin.sql("SELECT count(*) FROM record_repairs WHERE incident_id = :i", i=sound["id"]) == [(0,)]
    finally:
        admin.sql_do(f"DELETE FROM incidents WHERE id = '{sound['id']}'")


def test_the_server_migration_rewrites_a_skipped_wall_time_as_the_instant_the_clocks_showed(pg_url, admin):
    # as clients before exact instants wrote it
    record, _old = _stored_before_the_repair(admin, pg_url, "2026-03-08T02:20:00-06:00")
    try:
        _upgrade(pg_url)
        [(stored,)] = admin.sql("SELECT record_json FROM incidents WHERE id = :i", i=record["id"])
        assert json.loads(stored)["occurred_at"] == "2026-03-08T03:20:00-05:00"
        assert {k: v for k, v in json.loads(stored).items() if k != "occurred_at"} == \
               {k: v for k, v in record.items() if k != "occurred_at"}
        assert admin.sql("SELECT count(*) FROM alembic_version WHERE version_num = 's0005_hostile_instants'") == [(1,)]
    finally:
        admin.sql_do(f"DELETE FROM incidents WHERE id = '{record['id']}'")
