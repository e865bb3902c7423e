"""Foundation targets, each measured beside the same work done with raw drivers in the same run:
- saving an incident with 10 agents and 20 footage items: within 3x of raw sqlcipher3, under 20 ms;
- first page of a search over 100,000 incidents: under 50 ms;
- and what encryption costs (raw sqlcipher3 vs stdlib sqlite3).
"""

from __future__ import annotations

import itertools
import json
import sqlite3
import uuid

import pytest

from intake_app.domain.interchange import to_dict
from intake_app.storage.cipher import DB_FILE
from intake_app.storage.database_key import database_key
from intake_app.storage.opening import open_store
from intake_app.storage.projection import plate_tokens, utc_naive

from ..factories import make_incident
from .bulk import load_demo_incidents, private_keyring
from .timing import check_target, median_seconds, report

pytestmark = pytest.mark.benchmark

SEARCH_SIZE = 100_000


def _raw_connection(module, path, key: bytes | None):
    conn = module.connect(str(path), isolation_level=None)
    if key is not None:
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    return conn


def _schema(conn):
    conn.executescript("""
        CREATE TABLE incidents (id TEXT PRIMARY KEY, report_number TEXT UNIQUE, status TEXT, district INT, beat TEXT,
            occurred_at TEXT, address TEXT, latitude REAL, longitude REAL, agent_count INT, created_at TEXT,
            updated_at TEXT, version INT, is_demo INT, record_json TEXT, search_rowid INT UNIQUE);
        CREATE TABLE incident_agents (incident_id TEXT, position INT, agent_id TEXT, agency TEXT, name TEXT, badge TEXT,
            plate TEXT, plate_state TEXT, PRIMARY KEY (incident_id, position));
        CREATE TABLE incident_footage (incident_id TEXT, position INT, footage_id TEXT, kind TEXT,
            preservation_status TEXT, preservation_deadline TEXT, sha256 TEXT, device_id TEXT, officer_star TEXT,
            evidence_id TEXT, start TEXT, PRIMARY KEY (incident_id, position));
        CREATE TABLE incident_violations (incident_id TEXT, position INT, violation_id TEXT, statute TEXT,
            offence_class TEXT, PRIMARY KEY (incident_id, position));
        CREATE VIRTUAL TABLE incident_fts USING fts5(incident_id UNINDEXED, report_number, narrative, address,
            agent_names, badges, plates, tokenize = 'unicode61 remove_diacritics 2');
    """)


def _raw_save(conn, inc, rowid: int) -> None:
    """The same rows our store writes for one save, in one transaction, with plain SQL."""
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("INSERT INTO incidents VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", (
        inc.id, f"R{rowid}", inc.status.value, inc.district, inc.beat, str(utc_naive(inc.occurred_at)),
        inc.location.address, inc.location.latitude, inc.location.longitude, len(inc.agents), "now", "now", 1, 0,
        json.dumps(to_dict(inc), ensure_ascii=False), rowid))
    conn.executemany("INSERT INTO incident_agents VALUES (?,?,?,?,?,?,?,?)", [
        (inc.id, i, a.id, a.agency.value, a.name, a.badge, a.vehicle.plate, a.vehicle.plate_state) for i, a in enumerate(inc.agents)])
    conn.executemany("INSERT INTO incident_footage VALUES (?,?,?,?,?,?,?,?,?,?,?)", [
        (inc.id, i, f.id, f.kind.value, f.preservation_status.value, None, f.sha256, f.device_id, f.officer_star,
         f.evidence_id, str(utc_naive(f.start))) for i, f in enumerate(inc.footage)])
    conn.executemany("INSERT INTO incident_violations VALUES (?,?,?,?,?)", [
        (inc.id, i, v.id, v.statute, v.offence_class) for i, v in enumerate(inc.violations)])
    conn.execute("INSERT INTO incident_fts (rowid, incident_id, report_number, narrative, address, agent_names, badges, plates) "
                 "VALUES (?,?,?,?,?,?,?,?)", (rowid, inc.id, f"R{rowid}", inc.narrative, inc.location.address,
                                              " ".join(a.name for a in inc.agents), " ".join(a.badge for a in inc.agents),
                                              " ".join(plate_tokens(a.vehicle.plate) for a in inc.agents)))
    conn.execute("COMMIT")


def test_saving_a_large_incident_is_close_to_raw_sqlcipher(tmp_path, actor):
    from sqlcipher3 import dbapi2 as sqlcipher

    (tmp_path / "app").mkdir()
    store = open_store(tmp_path / "app")
    key = bytes(range(32))
    raw_enc = _raw_connection(sqlcipher, tmp_path / "raw-enc.db", key)
    raw_plain = _raw_connection(sqlite3, tmp_path / "raw-plain.db", None)
    for conn in (raw_enc, raw_plain):
        _schema(conn)
    template = make_incident(agents=10, footage=20)
    counter = itertools.count(1)

    def fresh():
        inc = make_incident(agents=10, footage=20)
        inc.id = str(uuid.uuid4())
        return inc

    ours = median_seconds(lambda: store.save(fresh(), actor), repeat=40)
    enc = median_seconds(lambda: _raw_save(raw_enc, fresh(), next(counter)), repeat=40)
    plain = median_seconds(lambda: _raw_save(raw_plain, fresh(), next(counter)), repeat=40)
    report("Save: 10 agents, 20 footage items (median of 40)", {
        "IncidentStore.save": ours, "raw sqlcipher3, same rows": enc, "stdlib sqlite3 (no encryption)": plain,
    })
    print(f"  ratio store / raw sqlcipher3: {ours / enc:.2f}x; encryption cost: {enc / plain:.2f}x")
    assert len(template.agents) == 10 and len(template.footage) == 20
    check_target("save", ours * 1000, 20, bound=200, unit=" ms")
    # 2.1-2.6x on a quiet machine (ext4, WAL, synchronous=FULL on both sides). The store writes about twice
    # the pages raw does (outbox copy, audit entry, link index, more indexes), so where fsync is nearly free
    # (tmpfs) the ratio reaches 3.7-4.7x: this bar holds for a disk, as station PCs have.
    check_target("save / raw sqlcipher3", ours / enc, 3.0, bound=10.0, unit="x")
    store.engine.dispose()


@pytest.fixture(scope="module")
def big_store(tmp_path_factory):
    """100,000 demo incidents, bulk-loaded (bulk.py): this benchmark measures search, not the loading."""
    with private_keyring():
        folder = tmp_path_factory.mktemp("big")
        store = open_store(folder)
        load_demo_incidents(store, SEARCH_SIZE)
        key, _ = database_key(folder)
        yield store, folder / DB_FILE, key
        store.engine.dispose()


def _plain_copy(db_path, key, target):
    from sqlcipher3 import dbapi2 as sqlcipher

    conn = sqlcipher.connect(str(db_path))
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    conn.execute(f"ATTACH DATABASE '{target}' AS plaintext KEY ''")
    conn.execute("SELECT sqlcipher_export('plaintext')")
    conn.execute("DETACH DATABASE plaintext")
    conn.close()


COLUMNS = "id, report_number, status, district, beat, occurred_at, address, agent_count, updated_at, version, is_demo"
FEW = ("SELECT count(*) FROM (SELECT rowid FROM incident_fts WHERE incident_fts MATCH ? LIMIT 2000)")
RARE_WORDS = (f"SELECT {COLUMNS} FROM incidents WHERE search_rowid IN "
              "(SELECT rowid FROM incident_fts WHERE incident_fts MATCH ?) ORDER BY occurred_at DESC, id DESC LIMIT 50")
COMMON_WORDS = (f"SELECT {COLUMNS} FROM incidents WHERE +search_rowid IN "
                "(SELECT rowid FROM incident_fts WHERE incident_fts MATCH ?) ORDER BY occurred_at DESC, id DESC LIMIT 50")


def raw_search(conn, q):
    """The same two statements the store runs, straight on the driver."""
    sql = RARE_WORDS if conn.execute(FEW, (q,)).fetchone()[0] < 2000 else COMMON_WORDS
    return conn.execute(sql, (q,)).fetchall()


@pytest.mark.parametrize("words", ["DM52767", "forced entry", "agents", "school"])
def test_first_page_of_a_search_over_100k_incidents(big_store, tmp_path, words):
    from sqlcipher3 import dbapi2 as sqlcipher

    from intake_app.storage.projection import fts_query

    store, db_path, key = big_store
    assert store.count() == SEARCH_SIZE
    plain_path = tmp_path / "plain.db"
    _plain_copy(db_path, key, plain_path)
    enc = sqlcipher.connect(str(db_path))
    enc.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    plain = sqlite3.connect(plain_path)
    q = fts_query(words)

    ours = median_seconds(lambda: store.search(words), repeat=15)
    raw_enc = median_seconds(lambda: raw_search(enc, q), repeat=15)
    raw_plain = median_seconds(lambda: raw_search(plain, q), repeat=15)
    hits = store.search(words)
    assert [h.id for h in hits] == [r[0] for r in raw_search(enc, q)]
    assert [h.id for h in hits] == [r[0] for r in plain.execute(RARE_WORDS, (q,)).fetchall()]  # both plans agree
    report(f"Search {words!r}, first page over {SEARCH_SIZE:,} incidents ({len(hits)} rows)", {
        "IncidentStore.search": ours, "raw sqlcipher3, same SQL": raw_enc, "stdlib sqlite3 (no encryption)": raw_plain,
    })
    print(f"  ratio store / raw sqlcipher3: {ours / raw_enc:.2f}x; encryption cost: {raw_enc / raw_plain:.2f}x")
    check_target("search, first page", ours * 1000, 50, bound=500, unit=" ms")
