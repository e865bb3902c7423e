"""Several server processes on one PostgreSQL (`intake server --workers 4`): the change feed never skips or
repeats a change when writes come through different processes at the same time."""

from __future__ import annotations

import json
import threading
import uuid
from datetime import UTC, datetime

import httpx
from sqlalchemy import create_engine, func, select

from intake_app.domain.interchange import to_dict
from intake_app.server import crud
from intake_app.server.db import session_factory
from intake_app.server.tables import Change

from ..factories import make_incident
from ..sealed_records import sealed
from .conftest import ServerProcess

WORKERS, WRITERS, PUSHES, PER_PUSH = 4, 50, 3, 10


def push_body(count: int) -> dict:
    items = []
    for _ in range(count):
        inc = make_incident()
        inc.id, inc.version = str(uuid.uuid4()), 1
        inc.created_at = inc.updated_at = datetime.now(UTC)
        items.append({"idempotency_key": str(uuid.uuid4()), "base_version": 0,
                      "incident": sealed(json.loads(json.dumps(to_dict(inc), default=str)))})
    return {"items": items}


def enrolled(sessions, n: int, **scope) -> list[str]:
    tokens = []
    with sessions.begin() as s:
        for i in range(n):
            code = crud.create_enrollment(s, district=scope.get("district"), headquarters=scope.get("headquarters", False))
            tokens.append(crud.enroll(s, code=code, device_name=f"feed {i}", public_key="")[1])
    return tokens


def test_readers_of_four_processes_see_every_change_of_fifty_concurrent_writers_once_in_order(pg_url, tmp_path):
    engine = create_engine(pg_url)
    sessions = session_factory(engine)
    writer_tokens = enrolled(sessions, WRITERS, district=9)
    reader_tokens = enrolled(sessions, 2, district=9) + enrolled(sessions, 1, headquarters=True)
    with sessions.begin() as s:
        start = s.scalar(select(func.coalesce(func.max(Change.seq), 0)))
    log = tmp_path / "access.log"
    server = ServerProcess(pg_url, workers=WORKERS, log=log).start()
    try:
        done = threading.Event()
        failures: list[str] = []
        feeds: dict[int, list[int]] = {}
        go = threading.Barrier(WRITERS + len(reader_tokens))

        def write(token: str) -> None:
            with httpx.Client(base_url=server.base, headers={"Authorization": f"Bearer {token}"}, timeout=60) as http:
                go.wait()
                for _ in range(PUSHES):
                    answer = http.post("/push", json=push_body(PER_PUSH))
                    if answer.status_code != 200:
                        failures.append(f"push: {answer.status_code} {answer.text[:200]}")

        def read(n: int, token: str) -> None:
            seen, cursor = feeds.setdefault(n, []), start
            with httpx.Client(base_url=server.base, headers={"Authorization": f"Bearer {token}"}, timeout=60) as http:
                go.wait()
                for _ in range(100_000):  # bounded: ends once the writers are done and the feed is empty
                    finished = done.is_set()
                    answer = http.get("/changes", params={"since": cursor, "limit": 25})
                    if answer.status_code != 200:
                        failures.append(f"pull: {answer.status_code} {answer.text[:200]}")
                        return
                    page = answer.json()
                    seen.extend(c["seq"] for c in page["changes"])
                    cursor = page["next_cursor"]
                    if finished and not page["changes"]:
                        return

        writers = [threading.Thread(target=write, args=(t,)) for t in writer_tokens]
        readers = [threading.Thread(target=read, args=(n, t)) for n, t in enumerate(reader_tokens)]
        for t in writers + readers:
            t.start()
        for t in writers:
            t.join(120)
        done.set()
        for t in readers:
            t.join(120)
    finally:
        server.stop()

    with sessions.begin() as s:
        committed = list(s.scalars(select(Change.seq).where(Change.seq > start).order_by(Change.seq)))
    engine.dispose()
    assert failures == []
    assert len(committed) == WRITERS * PUSHES * PER_PUSH
    for n, seen in feeds.items():
        assert seen == committed, f"reader {n}: skipped {sorted(set(committed) - set(seen))[:5]}, " \
                                  f"repeated {len(seen) - len(set(seen))}"
    # The pushes really went through several processes (the access log names the process of each request).
    lines = [json.loads(line) for line in log.read_text().splitlines() if line.startswith("{")]
    assert len({r["pid"] for r in lines if r["route"] == "/push"}) >= 2
