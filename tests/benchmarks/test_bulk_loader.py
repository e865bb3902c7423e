"""The benchmarks' bulk loader (bulk.py) writes exactly what the store writes: the same rows in every
projection and index table as import_incidents (every listener), so links, duplicates and search answer the
same. Not a benchmark: it runs with the ordinary suite and keeps the loader honest when the projection changes."""

from __future__ import annotations

import copy
import random

from intake_app.domain.actor import Actor
from intake_app.domain.matching import DuplicateRules
from intake_app.storage.links.queries import duplicate_candidates, links_for
from intake_app.storage.opening import open_store

from .bulk import load_incidents, numbered_demo_incidents

TABLES = {  # table -> its key, for a stable order
    "incidents": "id", "incident_agents": "incident_id, position", "incident_footage": "incident_id, position",
    "incident_violations": "incident_id, position", "incident_identifiers": "incident_id, kind, value, state",
    "incident_places": "place_id", "incident_place_index": "id",
}
LOADER = Actor("Benchmark loader", "0000")


def _rows(store, table: str, order: str) -> list[tuple]:
    with store.engine.connect() as conn:
        return [tuple(r) for r in conn.exec_driver_sql(f"SELECT * FROM {table} ORDER BY {order}")]


def _search_rows(store) -> list[tuple]:
    with store.engine.connect() as conn:
        return [tuple(r) for r in conn.exec_driver_sql(
            "SELECT rowid, incident_id, report_number, narrative, address, agent_names, badges, plates "
            "FROM incident_fts ORDER BY rowid")]


def _two_stores(tmp_path):
    batches = list(numbered_demo_incidents(1_200, tag="EQV", seed=77))
    incidents = [inc for batch in batches for inc in batch]
    (tmp_path / "bulk").mkdir()
    (tmp_path / "saved").mkdir()
    bulk = open_store(tmp_path / "bulk")
    load_incidents(bulk, copy.deepcopy(incidents), batch_size=500)  # three batches, one short
    saved = open_store(tmp_path / "saved")
    for start in range(0, len(incidents), 500):
        saved.import_incidents(copy.deepcopy(incidents[start:start + 500]), LOADER)
    return bulk, saved, incidents


def test_bulk_loading_writes_the_same_rows_as_the_store_and_links_and_search_agree(tmp_path):
    bulk, saved, incidents = _two_stores(tmp_path)

    for table, order in TABLES.items():
        rows = _rows(bulk, table, order)
        assert rows == _rows(saved, table, order), table
        assert rows, table
    assert _search_rows(bulk) == _search_rows(saved)

    sample = random.Random(9).sample(incidents, 12)
    rules = DuplicateRules()
    for inc in sample:
        assert links_for(bulk, inc.id, limit=10_000) == links_for(saved, inc.id, limit=10_000)
        assert duplicate_candidates(bulk, inc, rules) == duplicate_candidates(saved, inc, rules)
        plate = next((a.vehicle.plate for a in inc.agents if a.vehicle and a.vehicle.plate), None)
        for words in filter(None, (plate, inc.report_number, inc.location.address.split()[-1])):
            assert [r.id for r in bulk.search(words, limit=500)] == [r.id for r in saved.search(words, limit=500)]
    assert any(links_for(bulk, inc.id) for inc in sample)  # the sample does hold links to compare
    bulk.engine.dispose()
    saved.engine.dispose()
