"""The city catching up after an outage: 4 server processes (`intake server --workers 4`) on one PostgreSQL,
200 devices of 22 districts (each its own token) that all at once push 50 incidents each and pull their feed,
over loopback. Beside it, in the same run, the same rows written by 200 concurrent writers straight with psycopg.
Target: the push within 5x of the psycopg writers, no error. Afterwards every incident is on the server once,
every device holds its district's incidents once, and a headquarters desktop store holds all of them once.

The devices are a light client over the same HTTP API (asyncio + httpx, one process): what is measured is the
server, not 200 desktop stores. Bounded: 200 devices x 50 incidents, pages of 1,000, each device's loop at
most 1,000 requests, the whole run under a few minutes on this 2-core machine.
"""

from __future__ import annotations

import asyncio
import json
import random
import re
import statistics
import threading
import time
import uuid
from datetime import UTC, datetime

import httpx
import psycopg
import pytest
from sqlalchemy import create_engine, text

from intake_app.domain.geography import DISTRICTS
from intake_app.domain.interchange import to_dict
from intake_app.server import crud
from intake_app.server.db import session_factory
from intake_app.storage.opening import open_store
from intake_app.sync import device
from intake_app.sync.engine import sync_once

from ..factories import make_incident
from ..sealed_records import sealed
from ..sync.conftest import ServerProcess, pg_url  # noqa: F401  (the real database)
from .plain_tables import create_plain_tables
from .timing import check_target

DEVICES, EACH, WORKERS, PAGE = 200, 50, 4, 1000
PAGE_TAIL = re.compile(rb'"next_cursor":(\d+),"more":(true|false),"epoch":"[^"]*"}\Z')  # how a page ends
# Connections: the issue asks for 200 (one a device, for the server and for psycopg) where PostgreSQL's
# max_connections leaves room for them beside other test runs (HEADROOM); else 4 processes x 6 (this machine: 100).
POOL, OVERFLOW, HEADROOM = 4, 2, 40
TARGET, BOUND = 5.0, 60.0  # measured 21-22x on this shared 2-core machine at load 10-15 (30.8x with the whole-push lock)


def bodies(district: int) -> tuple[bytes, list[str], list[tuple]]:
    """One device's push (its 50 incidents, as the app sends them), their ids, and the same rows for psycopg."""
    items, ids, rows = [], [], []
    for _ in range(EACH):
        inc = make_incident(district=district, beat=f"{district:02d}11")
        inc.id, inc.version = str(uuid.uuid4()), 1
        inc.created_at = inc.updated_at = datetime.now(UTC)
        record = sealed(json.loads(json.dumps(to_dict(inc), default=str)))  # as a station sends it
        items.append({"idempotency_key": str(uuid.uuid4()), "base_version": 0, "incident": record})
        ids.append(inc.id)
        rows.append((inc.id, district, 1, json.dumps(record)))
    return json.dumps({"items": items}).encode(), ids, rows


class Device:
    def __init__(self, token: str, district: int, body: bytes, ids: list[str]):
        self.token, self.district, self.body, self.ids = token, district, body, ids
        self.cursor, self.latencies, self.errors, self.waits = 0, [], [], 0
        self.pages: list[tuple[bytes, int, bool]] = []  # (body, next_cursor, more) of each page pulled
        self.reconnects = 0
        self.pushed_at = 0.0

    async def call(self, http: httpx.AsyncClient, method: str, path: str, **kw) -> httpx.Response | None:
        for _ in range(50):  # a 429 or 503 with Retry-After is waited out as told, plus jitter (bounded);
            # anything else not 200 is an error
            t0 = time.perf_counter()
            try:
                answer = await http.request(method, path, **kw)
            except httpx.RemoteProtocolError as exc:
                # A kept-alive connection the server closed as this request went out (its keep-alive timeout
                # while the device waited): a read is sent again on a new connection, as the sync client does.
                if method != "GET":
                    self.errors.append(f"{path}: {type(exc).__name__}")
                    return None
                self.reconnects += 1
                continue
            except httpx.HTTPError as exc:
                self.errors.append(f"{path}: {type(exc).__name__}")
                return None
            self.latencies.append(time.perf_counter() - t0)
            if answer.status_code in (429, 503) and "Retry-After" in answer.headers:
                self.waits += 1
                await asyncio.sleep(float(answer.headers["Retry-After"]) + random.uniform(0, 1))
                continue
            if answer.status_code != 200:
                self.errors.append(f"{path}: HTTP {answer.status_code} {answer.text[:120]}")
                return None
            return answer
        self.errors.append(f"{path}: still told to wait")
        return None

    async def pull(self, http: httpx.AsyncClient) -> None:
        for _ in range(1000):
            answer = await self.call(http, "GET", "/changes", params={"since": self.cursor, "limit": PAGE})
            if answer is None:
                return
            # Only the page's cursor is read now, from its last bytes; the page is kept and read whole once the
            # clock has stopped (seen()), so that the 200 devices' parsing of about 250 MB of records (3-5 s of
            # CPU in this one process) does not share the two cores with the server it measures.
            tail = PAGE_TAIL.search(answer.content, max(0, len(answer.content) - 200))
            if tail is None:
                self.errors.append(f"/changes: a page that does not end as a ChangesResponse: {answer.content[-80:]!r}")
                return
            self.pages.append((answer.content, int(tail[1]), tail[2] == b"true"))
            self.cursor = int(tail[1])
            if tail[2] != b"true":
                return

    def seen(self) -> list[str]:
        """The ids of every record this device pulled, in order, each page read whole; a page whose cursor
        or `more` the last bytes gave otherwise than the whole page says is an error."""
        ids = []
        for body, cursor, more in self.pages:
            page = json.loads(body)
            if (page["next_cursor"], page["more"]) != (cursor, more):
                self.errors.append(f"/changes: cursor {cursor}, more {more} read from the tail, the page says "
                                   f"{page['next_cursor']}, {page['more']}")
            ids.extend(c["incident"]["id"] for c in page["changes"])
        return ids

    async def catch_up(self, base: str, start: asyncio.Event, all_pushed: asyncio.Barrier) -> None:
        async with httpx.AsyncClient(base_url=base, timeout=120,
                                     headers={"Authorization": f"Bearer {self.token}",
                                              "Content-Type": "application/json"}) as http:
            await start.wait()  # the outage is over: everyone at once
            await self.call(http, "POST", "/push", content=self.body)
            self.pushed_at = time.perf_counter()
            await self.pull(http)
            await all_pushed.wait()
            await self.pull(http)  # what the others pushed after this device's first pull


def city(base: str, devices: list[Device]) -> tuple[float, float, float]:
    """All devices at once; returns (seconds until the last push was answered, seconds until all caught up,
    seconds of CPU the devices took meanwhile, which the server did not have)."""
    async def run():
        start, all_pushed = asyncio.Event(), asyncio.Barrier(len(devices))
        tasks = [asyncio.create_task(d.catch_up(base, start, all_pushed)) for d in devices]
        await asyncio.sleep(0.5)  # every connection's task waiting at the start line
        t0, cpu = time.perf_counter(), time.process_time()
        start.set()
        await asyncio.wait_for(asyncio.gather(*tasks), timeout=300)
        return max(d.pushed_at for d in devices) - t0, time.perf_counter() - t0, time.process_time() - cpu
    return asyncio.run(run())


def psycopg_writers(url: str, per_device: list[list[tuple]], connections: int) -> float:
    """The same rows the server writes for a push (change log, newest version, idempotency key) by 200
    concurrent writers, each its 50 rows in one transaction, straight on psycopg over `connections`
    connections (the server's own number, see connections_allowed)."""
    dsn = url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(dsn, autocommit=True) as conn:
        create_plain_tables(conn)
    pool = [psycopg.connect(dsn) for _ in range(connections)]
    free: list[psycopg.Connection] = list(pool)
    lock, ready = threading.Condition(), threading.Barrier(len(per_device) + 1)

    def write(n: int, rows: list[tuple]) -> None:
        ready.wait()
        with lock:
            lock.wait_for(lambda: free)
            conn = free.pop()
        try:
            with conn.cursor() as cur:
                cur.executemany("INSERT INTO bench_changes (incident_id, district, version, record_json, device_id) "
                                "VALUES (%s, %s, %s, %s, 1)", rows)
                cur.executemany("INSERT INTO bench_incidents (id, district, version, record_json, last_seq) "
                                "VALUES (%s, %s, %s, %s, 0)", rows)
                cur.executemany("INSERT INTO bench_pushes (idempotency_key, device_id, incident_id, result_json) "
                                "VALUES (%s, %s, %s, %s)",
                                [(str(uuid.uuid4()), n, r[0], '{"outcome":"applied"}') for r in rows])
            conn.commit()
        finally:
            with lock:
                free.append(conn)
                lock.notify()

    threads = [threading.Thread(target=write, args=(n, rows)) for n, rows in enumerate(per_device)]
    for t in threads:
        t.start()
    ready.wait()
    t0 = time.perf_counter()
    for t in threads:
        t.join()
    seconds = time.perf_counter() - t0
    with pool[0].cursor() as cur:
        cur.execute("SELECT count(*) FROM bench_changes")
        assert cur.fetchone()[0] == DEVICES * EACH
        cur.execute("DROP TABLE bench_changes, bench_incidents, bench_pushes")
    pool[0].commit()
    for conn in pool:
        conn.close()
    return seconds


def connections_allowed(url: str) -> tuple[int, int, int, str]:
    """(pool, overflow, psycopg connections, why) for this PostgreSQL: one connection a device if the server
    (DEVICES) and psycopg (DEVICES, after the server stopped) fit under max_connections beside HEADROOM."""
    dsn = url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(dsn, autocommit=True) as conn:
        limit = int(conn.execute("SHOW max_connections").fetchone()[0])
        in_use = conn.execute("SELECT count(*) FROM pg_stat_activity").fetchone()[0]
    if limit - in_use - HEADROOM >= DEVICES:
        return DEVICES // WORKERS, 0, DEVICES, f"{DEVICES} connections (max_connections {limit})"
    return POOL, OVERFLOW, WORKERS * (POOL + OVERFLOW), (
        f"{WORKERS * (POOL + OVERFLOW)} connections, not {DEVICES}: PostgreSQL's max_connections is {limit}, "
        f"{in_use} in use by other runs, {HEADROOM} kept for them")


def percentile(values: list[float], p: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(p) - 1]


@pytest.mark.benchmark
def test_two_hundred_devices_catch_up_at_once_through_four_processes(pg_url, tmp_path):  # noqa: F811
    engine = create_engine(pg_url)
    sessions = session_factory(engine)
    with sessions.begin() as s:
        s.execute(text("TRUNCATE incidents, changes, pushes, conflicts, audit_heads, link_decisions, feed_positions, "
                       "report_numbers"))
    devices: list[Device] = []
    per_device: list[list[tuple]] = []
    with sessions.begin() as s:
        for n in range(DEVICES):
            district = DISTRICTS[n % len(DISTRICTS)]
            code = crud.create_enrollment(s, district=district, headquarters=False)
            token = crud.enroll(s, code=code, device_name=f"station {n}", public_key="")[1]
            body, ids, rows = bodies(district)
            devices.append(Device(token, district, body, ids))
            per_device.append(rows)

        hq_code = crud.create_enrollment(s, district=None, headquarters=True)
    (tmp_path / "hq").mkdir()
    hq = open_store(tmp_path / "hq")

    pool, overflow, connections, why = connections_allowed(pg_url)
    server = ServerProcess(pg_url, workers=WORKERS, log=tmp_path / "access.log",
                           env={"INTAKE_SERVER_DB_POOL_SIZE": str(pool), "INTAKE_SERVER_DB_MAX_OVERFLOW": str(overflow),
                                "INTAKE_SERVER_METRICS_CACHE_SECONDS": "0"}).start()
    try:
        push_s, total_s, devices_cpu_s = city(server.base, devices)
        metrics = httpx.get(server.base + "/metrics", timeout=60).text

        # A headquarters desktop store catches up last: every incident, once.
        device.enroll(hq, server.base, hq_code)
        t0 = time.perf_counter()
        report = sync_once(hq)
        hq_s = time.perf_counter() - t0
    finally:
        server.stop()

    baseline_s = statistics.median(psycopg_writers(pg_url, per_device, connections) for _ in range(3))

    everything = sorted(i for d in devices for i in d.ids)
    pulled = {d: d.seen() for d in devices}  # (each page read whole, now that the clock has stopped)
    errors = [e for d in devices for e in d.errors]
    latencies = [x for d in devices for x in d.latencies]
    waits = sum(d.waits for d in devices)
    reconnects = sum(d.reconnects for d in devices)
    with sessions.begin() as s:
        on_server = sorted(s.execute(text("SELECT id FROM incidents")).scalars())
        logged = s.execute(text("SELECT count(*), count(DISTINCT incident_id) FROM changes")).one()
    engine.dispose()
    ratio = push_s / baseline_s
    print(f"\ncity load: {DEVICES} devices x {EACH} incidents through {WORKERS} server processes, all at once"
          f"\n  push: {DEVICES * EACH} incidents in {push_s:.2f} s ({DEVICES * EACH / push_s:.0f} incidents/s)"
          f"\n  push and pull until every device caught up: {total_s:.2f} s "
          f"({DEVICES * EACH / total_s:.0f} incidents/s in, {sum(len(ids) for ids in pulled.values())} records out);"
          f" the devices' own CPU meanwhile, on the same cores: {devices_cpu_s:.2f} s"
          f"\n  request latency: p50 {percentile(latencies, 50) * 1000:.0f} ms, p95 {percentile(latencies, 95) * 1000:.0f} ms,"
          f" p99 {percentile(latencies, 99) * 1000:.0f} ms over {len(latencies)} requests;"
          f" errors: {len(errors)}; told to wait (429/503): {waits}; reads sent again on a new connection: {reconnects}"
          f"\n  connections, server and psycopg alike: {why}"
          f"\n  psycopg, the same rows by {DEVICES} concurrent writers ({connections} connections): "
          f"{baseline_s:.2f} s ({DEVICES * EACH / baseline_s:.0f} rows/s), median of 3"
          f"\n  headquarters desktop store pulled {report.pulled} in {hq_s:.2f} s")

    # Correctness: nothing lost, nothing twice, anywhere.
    assert errors == [], errors[:5]
    assert on_server == everything
    assert tuple(logged) == (DEVICES * EACH, DEVICES * EACH)
    for d in devices:
        mine = sorted(i for other in devices if other.district == d.district for i in other.ids)
        assert sorted(pulled[d]) == mine  # its district's incidents, each once
    assert report.ok, report.error
    assert sorted(inc.id for inc in hq.all()) == everything
    assert f'intake_http_requests_total{{method="POST",route="/push",status="200"}} {float(DEVICES)}' in metrics
    hq.engine.dispose()
    check_target("city push (200 devices, 4 processes) / 200 psycopg writers", ratio, TARGET, bound=BOUND, unit="x")
