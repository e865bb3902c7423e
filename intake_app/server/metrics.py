"""Operations: Prometheus metrics at /metrics (prometheus-client) and the structured access log.

Counted per request: `intake_http_requests_total{method,route,status}` and
`intake_http_request_seconds{method,route}`, by the route's template (`/changes`, never a raw path, so the
labels stay few). With several server processes (`intake server --workers N`) prometheus-client's
multi-process mode is used: PROMETHEUS_MULTIPROC_DIR names a folder where each process keeps its counts,
and whichever process answers a scrape adds them all up.

From the database, at scrape time (the same answer from every process; kept 10 s per process so frequent
scrapes cost the database little): `intake_feed_pending_changes{device,district}` (changes in a device's
feed not yet sent to it: after the last page it was sent), `intake_feed_lag_seconds{device,district}` (the age of the oldest of
those; 0 when it is caught up) and `intake_feed_head_seq`. Devices are labelled by their number only:
never their name.

The access log: one JSON object a line on the `intake.access` logger: time, process, method, route
template, status, milliseconds, bytes in and out, and the device's number. Never a body, a query value, a
header or a token: a record's personal fields cannot reach the log.
"""

from __future__ import annotations

import json
import logging
import os
import threading
import time
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from typing import Any

from prometheus_client import REGISTRY, CollectorRegistry, Counter, Histogram, generate_latest, multiprocess
from prometheus_client.core import GaugeMetricFamily, Metric
from sqlalchemy import Engine, bindparam, text
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .db import now
from .tables import FeedPosition

MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"
CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"

REQUESTS = Counter("intake_http_requests", "HTTP requests answered", ["method", "route", "status"])
LATENCY = Histogram("intake_http_request_seconds", "Time from request to the end of the answer", ["method", "route"],
                    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30))
access_log = logging.getLogger("intake.access")


class OpsMiddleware:
    """Counts, times and logs every HTTP request (pure ASGI: no copy of the body). `routes`: the app's path
    templates; a path that is none of them is logged and counted as `unmatched` (no raw path: few labels,
    and nothing a caller typed)."""

    def __init__(self, app: ASGIApp, *, log: bool = True, routes: frozenset[str] = frozenset()):
        self.app, self.log, self.routes = app, log, routes

    def _route(self, scope: Scope) -> str:
        template: str | None = getattr(scope.get("route"), "path", None)  # set by the router once it matched
        if template:
            return template
        path = scope.get("path", "")
        return path if path in self.routes else "unmatched"  # refused before routing (429, 413)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        start = time.perf_counter()
        status, sent, received = 500, 0, 0

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            return message

        async def watched_send(message: Message) -> None:
            nonlocal status, sent
            if message["type"] == "http.response.start":
                status = message["status"]
            elif message["type"] == "http.response.body":
                sent += len(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, counting_receive, watched_send)
        finally:
            seconds = time.perf_counter() - start
            route, method = self._route(scope), scope.get("method", "")
            REQUESTS.labels(method, route, str(status)).inc()
            LATENCY.labels(method, route).observe(seconds)
            if self.log and access_log.isEnabledFor(logging.INFO):
                device = (scope.get("state") or {}).get("device_id")
                access_log.info(json.dumps({
                    "at": datetime.now(UTC).isoformat(timespec="milliseconds"), "pid": os.getpid(),
                    "method": method, "route": route, "status": status, "ms": round(seconds * 1000, 1),
                    "bytes_in": received, "bytes_out": sent, "device": device}, separators=(",", ":")))


# ---------------------------------------------------------------- the feed, from the database

def _upsert_position(insert: Any) -> Any:
    stmt = insert(FeedPosition).values(device_id=bindparam("device_id"), cursor=bindparam("cursor"),
                                       pulled_at=bindparam("pulled_at"))
    return stmt.on_conflict_do_update(index_elements=[FeedPosition.device_id],
                                      set_={"cursor": stmt.excluded.cursor, "pulled_at": stmt.excluded.pulled_at})


# Built once: building the upsert at every pull page was a sixth of the feed route's CPU (py-spy, 200 devices).
_UPSERT_POSITION = {"postgresql": _upsert_position(pg_insert), "sqlite": _upsert_position(sqlite_insert)}


def note_pull(session: Session, *, device_id: int, cursor: int) -> None:
    """A device was sent its feed up to `cursor` (the answer's next_cursor). In the pull's own transaction.
    A device that asks again from further back (a page it could not store) moves it back."""
    session.connection().execute(_UPSERT_POSITION[session.get_bind().dialect.name],
                                 {"device_id": device_id, "cursor": cursor, "pulled_at": now()})


# The oldest change a device has not pulled is the first after its cursor (index on (district, seq), or seq).
_FEED = text("""
SELECT d.id, d.district, d.headquarters, coalesce(p.cursor, 0) AS cursor,
       CASE WHEN d.headquarters
            THEN (SELECT count(*) FROM changes c WHERE c.seq > coalesce(p.cursor, 0))
            ELSE (SELECT count(*) FROM changes c WHERE c.district = d.district AND c.seq > coalesce(p.cursor, 0))
       END AS pending,
       CASE WHEN d.headquarters
            THEN (SELECT c.at FROM changes c WHERE c.seq > coalesce(p.cursor, 0) ORDER BY c.seq LIMIT 1)
            ELSE (SELECT c.at FROM changes c WHERE c.district = d.district AND c.seq > coalesce(p.cursor, 0)
                  ORDER BY c.seq LIMIT 1)
       END AS oldest
FROM devices d LEFT JOIN feed_positions p ON p.device_id = d.id
WHERE d.revoked_at IS NULL ORDER BY d.id LIMIT 10000""")


class FeedCollector:
    """Pending changes and feed lag by device, read from the database when scraped (cached `ttl` seconds)."""

    def __init__(self, engine: Engine, ttl: float = 10.0):
        self.engine, self.ttl = engine, ttl
        self._cached: tuple[float, tuple[Sequence[Any], int]] | None = None
        self._lock = threading.Lock()

    def describe(self) -> list[Metric]:
        return []  # generated at scrape time; nothing to check at registration

    def _rows(self) -> tuple[Sequence[Any], int]:
        with self._lock:
            if self._cached and time.monotonic() - self._cached[0] < self.ttl:
                return self._cached[1]
            with self.engine.connect() as conn:
                rows = conn.execute(_FEED).all()
                head = conn.execute(text("SELECT coalesce(max(seq), 0) FROM changes")).scalar_one()
            self._cached = (time.monotonic(), (rows, head))
            return rows, head

    def collect(self) -> Iterator[Metric]:
        pending = GaugeMetricFamily("intake_feed_pending_changes",
                                    "Changes in a device's feed not yet sent to it",
                                    labels=["device", "district"])
        lag = GaugeMetricFamily("intake_feed_lag_seconds",
                                "Age of the oldest change not yet sent to a device (0: caught up)",
                                labels=["device", "district"])
        head_seq = GaugeMetricFamily("intake_feed_head_seq", "The newest change's sequence number")
        try:
            rows, head = self._rows()
        except Exception:  # the database is away: /health/ready says so; the request metrics still answer
            logging.getLogger(__name__).warning("feed metrics: the database did not answer")
            return
        now = datetime.now(UTC)
        for r in rows:
            labels = [str(r.id), "headquarters" if r.headquarters else str(r.district)]
            pending.add_metric(labels, float(r.pending))
            oldest = r.oldest
            if isinstance(oldest, str):  # SQLite hands timestamps back as text
                oldest = datetime.fromisoformat(oldest)
            if oldest is not None and oldest.tzinfo is None:
                oldest = oldest.replace(tzinfo=UTC)
            lag.add_metric(labels, max(0.0, (now - oldest).total_seconds()) if oldest else 0.0)
        head_seq.add_metric([], float(head))
        yield from (pending, lag, head_seq)


class _ThisProcess:
    def __init__(self, registry: CollectorRegistry):
        self.registry = registry

    def describe(self) -> list[Metric]:
        return []

    def collect(self) -> Iterator[Metric]:
        yield from self.registry.collect()


def exposition(feed: FeedCollector) -> bytes:
    """The text a scrape receives: every process's request metrics (multi-process mode when
    PROMETHEUS_MULTIPROC_DIR is set) and the feed's, from the database."""
    registry = CollectorRegistry()
    if os.environ.get(MULTIPROC_ENV):
        multiprocess.MultiProcessCollector(registry)  # type: ignore[no-untyped-call]  # prometheus-client leaves it unannotated
    else:
        registry.register(_ThisProcess(REGISTRY))
    registry.register(feed)
    return generate_latest(registry)
