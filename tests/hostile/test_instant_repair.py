"""A store written before times were exact instants holds records whose occurred_at is a wall time the clocks
skipped (stored as 02:20-06:00, read back as 03:20-05:00): the migration rewrites them with the same instant
as the clocks showed it, audited, so `intake verify` finds nothing altered."""

from __future__ import annotations

import json
from datetime import UTC, datetime, time

from sqlalchemy import text

from intake_app.domain import interchange
from intake_app.security.audit import entries_for
from intake_app.security.audit_verify import verify
from intake_app.storage.opening import open_store

from ..factories import CHICAGO, make_incident

SKIPPED = datetime.combine(datetime(2026, 3, 8).date(), time(2, 20), CHICAGO)  # what the wizard built before


def _store_as_before(data_dir, actor, monkeypatch):
    """Saved as the old code saved it: the time's text from the wall clock, not from the instant."""
    store = open_store(data_dir)
    with monkeypatch.context() as m:
        m.setattr(interchange, "_dt", lambda value: value.isoformat() if value is not None else None)
        saved = store.save(make_incident(occurred_at=SKIPPED), actor)
    with store.engine.begin() as conn:
        raw = conn.execute(text("SELECT record_json FROM incidents WHERE id = :i"), {"i": saved.id}).scalar()
        # The store as the old app left it: the repair not yet run.
        # Its revision not applied yet (0002_audit, which it follows, stays applied through the other branches).
        conn.execute(text("DELETE FROM alembic_version WHERE version_num = '0009_hostile_instants'"))
        conn.exec_driver_sql("PRAGMA user_version = 0")
    assert json.loads(raw)["occurred_at"] == "2026-03-08T02:20:00-06:00"
    return store, saved


def test_an_old_store_with_a_skipped_wall_time_verifies_after_the_repair(data_dir, actor, monkeypatch):
    store, saved = _store_as_before(data_dir, actor, monkeypatch)
    assert not verify(store).ok  # read back by today's code, it no longer matches its audited hash
    store.engine.dispose()

    repaired = open_store(data_dir)  # the migration runs

    report = verify(repaired)
    assert report.ok, report.problems
    record = repaired.get(saved.id)
    assert interchange.to_dict(record)["occurred_at"] == "2026-03-08T03:20:00-05:00"
    assert record.occurred_at.astimezone(UTC) == SKIPPED.astimezone(UTC)  # the same instant
    assert record.version == saved.version
    [repair] = [e for e in entries_for(repaired, saved.id) if e.action == "repair"]
    assert repair.field_path == "occurred_at" and repair.old_value == "2026-03-08T02:20:00-06:00"
    repaired.engine.dispose()


def test_a_store_without_such_times_is_left_byte_for_byte(data_dir, actor):
    store = open_store(data_dir)
    saved = store.save(make_incident(), actor)
    with store.engine.begin() as conn:
        before = conn.execute(text("SELECT record_json FROM incidents")).scalar()
        # Its revision not applied yet (0002_audit, which it follows, stays applied through the other branches).
        conn.execute(text("DELETE FROM alembic_version WHERE version_num = '0009_hostile_instants'"))
        conn.exec_driver_sql("PRAGMA user_version = 0")
    store.engine.dispose()
    again = open_store(data_dir)
    with again.engine.begin() as conn:
        assert conn.execute(text("SELECT record_json FROM incidents")).scalar() == before
    assert not [e for e in entries_for(again, saved.id) if e.action == "repair"]
    assert verify(again).ok
    again.engine.dispose()
