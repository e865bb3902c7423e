"""Linked incidents target: the duplicate-candidate search run after a save, over 100,000 incidents, under 50 ms
(R*Tree over place and time), measured beside a plain SQL range query (lat/lon/time BETWEEN on the
incidents table) in the same run, on the same encrypted store.

The store is bulk-loaded (tests/benchmarks/bulk.py): the rows the store's projection and link-index listener
write, executed in batches (test_bulk_loader.py shows they are the rows import_incidents writes), built once
and kept in .benchmarks/ while the sources are unchanged; each run works on a copy. Importing 100,000 records
with every listener (audit signatures, sync outbox) took about 5.5 minutes of set-up on every run.
"""

from __future__ import annotations

import copy
import json
import time
import uuid
from datetime import timedelta

import pytest

from intake_app.domain.actor import Actor
from intake_app.domain.enums import Status
from intake_app.domain.matching import DuplicateRules, degree_box, distance_m
from intake_app.storage.links.index import minutes
from intake_app.storage.links.queries import duplicate_candidates, links_for
from intake_app.storage.projection import utc_naive

from .bulk import BATCH, cached_store, load_incidents, numbered_demo_incidents, private_keyring, working_copy
from .timing import check_target, median_seconds, report

pytestmark = pytest.mark.benchmark

SIZE = 100_000
PROBES = SIZE // BATCH  # one planted pair per batch
METRES_PER_DEGREE_LAT = 111_195.0


def _companion(inc):
    """A second report of the same event: 300 m north, 40 minutes later, another station's numbering."""
    twin = copy.deepcopy(inc)
    twin.id = str(uuid.uuid4())
    twin.report_number = inc.report_number.replace("-BEN-", "-TWN-")
    twin.location.latitude += 300 / METRES_PER_DEGREE_LAT
    twin.occurred_at += timedelta(minutes=40)
    for agent in twin.agents:  # different witnesses, different agents' details: only place and time tie them
        agent.badge, agent.name, agent.vehicle = "", "", None
        agent.description = agent.description or "Masked"
    return twin


def _build(store, folder) -> None:
    probes = []
    for batch in numbered_demo_incidents(SIZE, tag="BEN", seed=1000):  # numbered by their station, as synced
        if len(probes) < PROBES:
            probe = next(inc for inc in batch if inc.location.latitude is not None)
            probes.append(probe.id)
            batch.append(_companion(probe))
        load_incidents(store, batch, batch_size=len(batch))
    (folder / "probes.json").write_text(json.dumps(probes))


@pytest.fixture(scope="module")
def big_store(tmp_path_factory):
    with private_keyring():
        started = time.perf_counter()
        cached = cached_store("links", _build)
        store = working_copy(cached, tmp_path_factory.mktemp("links") / "store")
        probes = [store.get(i) for i in json.loads((cached / "probes.json").read_text())]
        setup = time.perf_counter() - started
        print(f"\nSetup: {store.count():,} incidents, bulk-loaded once (tests/benchmarks/bulk.py: the store's "
              f"projection and link indexes, executed in batches of {BATCH:,}) and copied, in {setup:.1f} s")
        yield store, probes
        store.engine.dispose()


PLAIN_RANGE = ("SELECT id, latitude, longitude, occurred_at FROM incidents {hint} "
               "WHERE latitude BETWEEN ? AND ? AND longitude BETWEEN ? AND ? AND occurred_at BETWEEN ? AND ? AND id != ?")


RTREE_RANGE = ("SELECT i.id, i.latitude, i.longitude, i.occurred_at FROM incident_place_index r "
               "JOIN incident_places p ON p.place_id = r.id JOIN incidents i ON i.id = p.incident_id "
               "WHERE r.min_lat <= ? AND r.max_lat >= ? AND r.min_lon <= ? AND r.max_lon >= ? "
               "AND r.min_t <= ? AND r.max_t >= ? AND i.id != ?")


def _range_args(inc, rules: DuplicateRules):
    dlat, dlon = degree_box(inc.location.latitude, rules.distance_m)
    lat, lon = inc.location.latitude, inc.location.longitude
    t0, t1 = utc_naive(inc.occurred_at - rules.window), utc_naive(inc.occurred_at + rules.window)
    stamp = "%Y-%m-%d %H:%M:%S.%f"  # how SQLAlchemy stores DateTime in SQLite
    return (lat - dlat, lat + dlat, lon - dlon, lon + dlon, t0.strftime(stamp), t1.strftime(stamp), inc.id)


def _within(inc, rows, rules):
    return {r[0] for r in rows
            if distance_m(inc.location.latitude, inc.location.longitude, r[1], r[2]) <= rules.distance_m}


def test_candidate_search_after_a_save_over_100k_incidents_is_under_50_ms(big_store):
    store, probes = big_store
    rules = DuplicateRules()
    raw = store.engine.raw_connection()
    cursor = raw.cursor()
    cycle = iter(range(10**9))

    def ours():
        return duplicate_candidates(store, probes[next(cycle) % len(probes)], rules)

    def plain(hint: str):
        def run():
            inc = probes[next(cycle) % len(probes)]
            return cursor.execute(PLAIN_RANGE.format(hint=hint), _range_args(inc, rules)).fetchall()
        return run

    def rtree_only():
        inc = probes[next(cycle) % len(probes)]
        lat0, lat1, lon0, lon1, _, _, me = _range_args(inc, rules)
        t = minutes(inc.occurred_at)
        w = rules.window.total_seconds() / 60
        return cursor.execute(RTREE_RANGE, (lat1, lat0, lon1, lon0, t + w, t - w, me)).fetchall()

    # Both find the same incidents within 500 m and 2 h (the plain query then filtered by exact distance);
    # every probe finds at least its planted second report.
    for inc in probes:
        found = {m.other.id for m in duplicate_candidates(store, inc, rules)
                 if m.distance_m is not None and m.distance_m <= rules.distance_m}
        plain_rows = cursor.execute(PLAIN_RANGE.format(hint=""), _range_args(inc, rules)).fetchall()
        assert found == _within(inc, plain_rows, rules)
        assert found

    t_ours = median_seconds(ours, repeat=100)
    t_plain = median_seconds(plain(""), repeat=100)
    t_scan = median_seconds(plain("NOT INDEXED"), repeat=10)
    t_rtree = median_seconds(rtree_only, repeat=100)
    raw.close()
    report(f"Duplicate candidates after a save, over {store.count():,} incidents (500 m, 2 h; median)", {
        "duplicate_candidates (R*Tree + ids)": t_ours,
        "plain BETWEEN range (occurred_at index)": t_plain,
        "plain BETWEEN range, full table scan": t_scan,
        "the R*Tree query alone, raw driver": t_rtree,
    })
    print(f"  ratio ours / plain indexed range: {t_ours / t_plain:.2f}x; "
          f"full scan / ours: {t_scan / t_ours:.1f}x")
    check_target("duplicate candidates, 500 m and 2 h", t_ours * 1000, 50, bound=500, unit=" ms")


def test_a_wider_window_still_answers_fast_where_the_time_index_alone_does_not_narrow(big_store):
    """A day-long window: the plain query walks every incident of the day, the R*Tree only the box."""
    store, probes = big_store
    rules = DuplicateRules(window=timedelta(hours=24))
    raw = store.engine.raw_connection()
    cursor = raw.cursor()
    cycle = iter(range(10**9))

    def ours():
        return duplicate_candidates(store, probes[next(cycle) % len(probes)], rules)

    def plain():
        inc = probes[next(cycle) % len(probes)]
        return cursor.execute(PLAIN_RANGE.format(hint=""), _range_args(inc, rules)).fetchall()

    for inc in probes[:5]:
        found = {m.other.id for m in duplicate_candidates(store, inc, rules)
                 if m.distance_m is not None and m.distance_m <= rules.distance_m}
        assert found == _within(inc, cursor.execute(PLAIN_RANGE.format(hint=""), _range_args(inc, rules)).fetchall(), rules)

    t_ours, t_plain = median_seconds(ours, repeat=60), median_seconds(plain, repeat=60)
    raw.close()
    report("Duplicate candidates, 500 m and 24 h window (median)", {
        "duplicate_candidates (R*Tree + ids)": t_ours, "plain BETWEEN range (occurred_at index)": t_plain,
    })
    print(f"  ratio ours / plain indexed range: {t_ours / t_plain:.2f}x")
    check_target("duplicate candidates, 500 m and 24 h", t_ours * 1000, 50, bound=500, unit=" ms")


def test_saving_with_the_link_indexes_kept_in_step_stays_quick(big_store):
    """What the listener adds to a save at this size (the save itself is the foundation benchmark)."""
    store, probes = big_store
    editor = Actor("Sgt. Bench", "1")
    # A draft is what a supervisor edits (an approved record is read-only): a probe that is one, else a new
    # draft beside the first probe, at its place and time.
    draft = next((p for p in probes if p.status == Status.DRAFT), None)
    if draft is None:
        draft = _companion(probes[0])
        draft.status, draft.history, draft.version, draft.report_number = Status.DRAFT, [], 0, None
        draft = store.save(draft, editor)
    current = {"inc": store.get(draft.id)}

    def save_and_search():
        inc = current["inc"]
        inc.narrative += " (edited)"
        current["inc"] = store.save(inc, editor)
        return duplicate_candidates(store, current["inc"])

    t = median_seconds(save_and_search, repeat=20)
    report("Save of an edit + duplicate search, 100k store (median)", {"save + duplicate_candidates": t})
    assert duplicate_candidates(store, current["inc"])
    check_target("save + duplicate search", t * 1000, 100, bound=1000, unit=" ms")


def test_the_links_tab_query_over_100k_incidents_is_under_50_ms(big_store):
    """`links_for` (what the Links tab and `intake links` show), beside the full-text search a user would
    otherwise type the plate into (the foundation search, same store)."""
    store, probes = big_store
    plated = [p for p in probes if any(a.vehicle for a in p.agents)]
    cycle = iter(range(10**9))

    def ours():
        return links_for(store, plated[next(cycle) % len(plated)].id)

    def fts():
        probe = plated[next(cycle) % len(plated)]
        return store.search(next(a.vehicle.plate for a in probe.agents if a.vehicle))

    for probe in plated:  # every plate link is an incident the plain search finds by one of the plates
        by_plate = {m.other.id for m in links_for(store, probe.id, limit=100_000) if any(s.kind == "plate" for s in m.shared)}
        searched = {s.id for a in probe.agents if a.vehicle for s in store.search(a.vehicle.plate, limit=1000)}
        assert by_plate <= searched

    t_ours, t_fts = median_seconds(ours, repeat=40), median_seconds(fts, repeat=40)
    sizes = [len(links_for(store, p.id)) for p in plated]
    report(f"Links of one incident over {store.count():,} incidents (median; {min(sizes)}-{max(sizes)} matches each)", {
        "links_for (identifier index)": t_ours, "IncidentStore.search(plate) (FTS)": t_fts,
    })
    print(f"  ratio links_for / FTS search: {t_ours / t_fts:.2f}x")
    check_target("links of one incident", t_ours * 1000, 50, bound=500, unit=" ms")
