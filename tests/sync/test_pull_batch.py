"""A pulled page is written a page at a time (projection.insert_rows, link_index.index_new, audit.on_changes): the
store must end up exactly as if each record had been imported one by one, and its audit trail must verify."""

from __future__ import annotations

import copy
from datetime import UTC, datetime

from sqlalchemy import text

from intake_app.domain.actor import Actor
from intake_app.domain.enums import Preservation
from intake_app.domain.records import Vehicle
from intake_app.security.audit import entries_for
from intake_app.security.audit_verify import verify
from intake_app.storage.opening import open_store
from intake_app.sync import apply_step
from intake_app.sync.report import SYNC_ACTOR

from ..factories import make_incident

ACTOR = Actor("Sgt. Maria Test", "2231")
TABLES = {  # every projected table, in an order that does not depend on how the rows were written
    "incidents": "SELECT * FROM incidents ORDER BY id",
    "agents": "SELECT * FROM incident_agents ORDER BY incident_id, position",
    "footage": "SELECT * FROM incident_footage ORDER BY incident_id, position",
    "violations": "SELECT * FROM incident_violations ORDER BY incident_id, position",
    "search": "SELECT rowid, * FROM incident_fts ORDER BY rowid",
    "identifiers": "SELECT incident_id, kind, value, state, display FROM incident_identifiers ORDER BY 1, 2, 3, 4, 5",
    "places": "SELECT p.incident_id, i.min_lat, i.min_lon, i.min_t FROM incident_places p "
              "JOIN incident_place_index i ON i.id = p.place_id ORDER BY 1",
}


def varied_records() -> list:
    """Records that use every projected column: plates with spaces, no plate, sealed footage, no violations."""
    now = datetime(2026, 11, 3, 12, 0, tzinfo=UTC)
    records = []
    for n in range(12):
        inc = make_incident(agents=n % 3, footage=n % 4, report_number=f"D009-2026-XYZ-{n + 1:05d}",
                            narrative=f"Record {n}: agents in a grey van near the school.", version=1,
                            created_at=now, updated_at=now)
        if n % 3 == 2:
            inc.agents[0].vehicle = Vehicle(plate=f"XY {n}-77", plate_state="IN")
            inc.agents[1].vehicle = None
        if inc.footage:
            inc.footage[0].preservation_status = Preservation.PRESERVED
            inc.footage[0].sha256 = "ab" * 32
        if n % 4 == 3:
            inc.violations = []
        records.append(inc)
    return records


def store_in(path):
    path.mkdir()
    return open_store(path)


def snapshot(store) -> dict[str, list]:
    with store.reading() as session:
        return {name: [tuple(r) for r in session.execute(text(sql))] for name, sql in TABLES.items()}


def test_a_page_written_at_once_equals_the_records_imported_one_by_one(tmp_path):
    records = varied_records()
    one_by_one = store_in(tmp_path / "imported")
    for inc in records:
        one_by_one.import_incidents([copy.deepcopy(inc)], SYNC_ACTOR)
    paged = store_in(tmp_path / "pulled")

    pulled = copy.deepcopy(records)
    assert apply_step.apply_remote(paged, pulled[:7]) + apply_step.apply_remote(paged, pulled[7:]) == len(records)

    assert snapshot(paged) == snapshot(one_by_one)
    assert [i.id for i in paged.search("grey van")] == [i.id for i in one_by_one.search("grey van")]
    assert len(paged.search("XY2")) == 1  # a plate typed without its space still finds the record


def test_records_pulled_a_page_at_a_time_are_audited_and_the_chain_verifies(tmp_path):
    store = store_in(tmp_path / "pulled")
    store.save(make_incident(), ACTOR)  # the chain already has entries: the page continues it
    records = varied_records()

    apply_step.apply_remote(store, records[:5])
    apply_step.apply_remote(store, records[5:])

    report = verify(store)
    assert report.ok, report.problems
    for inc in records:
        [entry] = entries_for(store, inc.id)
        assert (entry.action, entry.actor_name, entry.new_value) == ("import", SYNC_ACTOR.name, inc.report_number)
