"""The first page of the preservation alert list over 100,000 incidents, under 50 ms, measured beside a
plain SQL query of the same rows (and the same counts) on the raw sqlcipher3 driver in the same run."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from intake_app.storage.cipher import DB_FILE
from intake_app.storage.database_key import database_key
from intake_app.storage.opening import open_store
from intake_app.storage.preservation_queries import alert_page
from intake_app.storage.queries import FIRST_ALERTS as FIRST_PAGE
from intake_app.storage.tables import AWAITING_PRESERVATION

from .bulk import load_demo_incidents, private_keyring
from .timing import check_target, median_seconds, report

pytestmark = pytest.mark.benchmark

SIZE = 100_000
NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
PAGE_SQL = ("SELECT f.incident_id, f.position, f.footage_id, f.kind, f.device_id, f.officer_star, f.preservation_status,"
            " f.start, f.preservation_deadline, f.evidence_id, i.report_number"
            " FROM incident_footage f JOIN incidents i ON i.id = f.incident_id"
            f" WHERE {AWAITING_PRESERVATION} AND f.start IS NOT NULL ORDER BY f.start LIMIT {FIRST_PAGE}")
COUNT_SQL = f"SELECT count(*) FROM incident_footage WHERE {AWAITING_PRESERVATION}"
OVERDUE_SQL = f"SELECT count(*) FROM incident_footage WHERE {AWAITING_PRESERVATION} AND start < ?"


@pytest.fixture(scope="module")
def big_store(tmp_path_factory):
    with private_keyring():
        folder = tmp_path_factory.mktemp("alerts")
        store = open_store(folder)
        load_demo_incidents(store, SIZE, tag="PRS")
        key, _ = database_key(folder)
        yield store, folder / DB_FILE, key
        store.engine.dispose()


def plain_sql(conn):
    cutoff = (NOW - timedelta(days=90)).replace(tzinfo=None).isoformat(sep=" ")
    return conn.execute(PAGE_SQL).fetchall(), conn.execute(COUNT_SQL).fetchone()[0], \
        conn.execute(OVERDUE_SQL, (cutoff,)).fetchone()[0]


def test_first_page_of_preservation_alerts_over_100k_incidents(big_store):
    from sqlcipher3 import dbapi2 as sqlcipher

    store, db_path, key = big_store
    assert store.count() == SIZE
    raw = sqlcipher.connect(str(db_path))
    raw.execute(f"PRAGMA key = \"x'{key.hex()}'\"")

    ours = median_seconds(lambda: alert_page(store, now=NOW), repeat=15)
    plain = median_seconds(lambda: plain_sql(raw), repeat=15)
    page = alert_page(store, now=NOW)
    rows, total, overdue = plain_sql(raw)
    assert [(a.incident_id, a.position) for a in page.alerts] == [(r[0], r[1]) for r in rows]
    assert len(page.alerts) == FIRST_PAGE and (page.total, page.overdue) == (total, overdue)
    assert total > 50_000 and 0 < overdue < total  # the demo data has many items waiting, some overdue
    assert [a.deadline for a in page.alerts] == sorted(a.deadline for a in page.alerts)
    report(f"Preservation alerts: first {FIRST_PAGE} of {total:,} items over {SIZE:,} incidents, with counts", {
        "alert_page (store)": ours, "raw sqlcipher3, same SQL": plain,
    })
    print(f"  ratio store / raw sqlcipher3: {ours / plain:.2f}x")
    raw.close()
    check_target("preservation alert page", ours * 1000, 50, bound=500, unit=" ms")
