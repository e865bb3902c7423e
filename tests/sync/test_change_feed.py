"""The change feed never skips a change, even when writers' transactions commit out of order."""

from __future__ import annotations

import json
import random
import threading
import time
import uuid
from datetime import UTC, datetime

from sqlalchemy import create_engine, func, select

from intake_app.domain.interchange import to_dict
from intake_app.server import crud
from intake_app.server.db import session_factory
from intake_app.server.tables import Change
from intake_app.wire.sync import PushItem

from ..factories import make_incident
from ..sealed_records import sealed


def item(inc) -> PushItem:
    inc.version = 1
    inc.created_at = inc.updated_at = datetime.now(UTC)
    return PushItem(idempotency_key=str(uuid.uuid4()), base_version=0,
                    incident=sealed(json.loads(json.dumps(to_dict(inc), default=str))))


def test_a_reader_following_the_feed_sees_every_change_of_concurrent_writers(pg_url):
    engine = create_engine(pg_url, pool_size=12)
    sessions = session_factory(engine)
    with sessions.begin() as s:
        device, _token = crud.enroll(s, code=crud.create_enrollment(s, district=9, headquarters=False) or "",
                                     device_name="feed test", public_key="")
    with sessions.begin() as s:
        start = s.scalar(select(func.coalesce(func.max(Change.seq), 0)))

    writers, per_writer = 6, 15
    done = threading.Event()
    seen: list[int] = []

    def write(n: int):
        rnd = random.Random(n)
        for _ in range(per_writer):
            with sessions.begin() as s:
                crud.push(s, device=s.merge(device), items=[item(make_incident())])
                time.sleep(rnd.uniform(0, 0.01))  # hold the transaction open: commits would interleave

    def read():
        cursor = start
        while True:
            finished = done.is_set()
            with sessions.begin() as s:
                rows, _more = crud.changes_since(s, device=s.merge(device), since=cursor, limit=50)
            seen.extend(r.seq for r in rows)
            cursor = rows[-1].seq if rows else cursor
            if finished and not rows:
                return

    threads = [threading.Thread(target=write, args=(n,)) for n in range(writers)]
    reader = threading.Thread(target=read)
    reader.start()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    done.set()
    reader.join()

    with sessions.begin() as s:
        committed = list(s.scalars(select(Change.seq).where(Change.seq > start, Change.device_id == device.id)
                                   .order_by(Change.seq)))
    engine.dispose()
    assert len(committed) == writers * per_writer
    assert [q for q in seen if q in set(committed)] == committed  # every change, in order, none skipped
