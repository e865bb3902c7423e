"""Pushes of different incidents run in parallel to their commit (crud.lock_items, feed_order.py): a reader
following the feed still never skips a change committed later with a lower number, and two pushes of the same
incident still decide one after the other. Real PostgreSQL, threads."""

from __future__ import annotations

import json
import threading
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
from .test_multiprocess_feed import enrolled

WRITERS, PUSHES, PER_PUSH = 16, 4, 8


def new_items(count: int) -> list[PushItem]:
    items = []
    for _ in range(count):
        inc = make_incident()
        inc.id, inc.version, inc.report_number = str(uuid.uuid4()), 1, ""
        inc.created_at = inc.updated_at = datetime.now(UTC)
        items.append(PushItem.model_validate({"idempotency_key": str(uuid.uuid4()), "base_version": 0,
                                              "incident": sealed(json.loads(json.dumps(to_dict(inc), default=str)))}))
    return items


def test_a_reader_never_skips_a_change_while_sixteen_threads_push_at_once(pg_url):
    engine = create_engine(pg_url, pool_size=WRITERS + 4)
    sessions = session_factory(engine)
    tokens = enrolled(sessions, WRITERS, district=9) + enrolled(sessions, 1, headquarters=True)
    with sessions.begin() as s:
        start = s.scalar(select(func.coalesce(func.max(Change.seq), 0)))
        devices = [crud.device_for_token(s, token=t).id for t in tokens]
    failures: list[BaseException] = []
    writing = threading.Event()
    go = threading.Barrier(WRITERS + 1)

    def writer(device_id: int) -> None:
        try:
            go.wait()
            for _ in range(PUSHES):
                with sessions.begin() as s:
                    device = s.get(crud.Device, device_id)
                    crud.push(s, device=device, items=new_items(PER_PUSH))
        except BaseException as exc:  # reported by the test below
            failures.append(exc)

    seen: list[int] = []

    def reader() -> None:
        cursor = start
        go.wait()
        while True:
            finished = not writing.is_set()
            with sessions.begin() as s:
                rows, _ = crud.changes_since(s, device=s.get(crud.Device, devices[-1]), since=cursor, limit=7)
            seen.extend(r.seq for r in rows)
            cursor = rows[-1].seq if rows else cursor
            if finished and not rows:
                return

    writing.set()
    threads = [threading.Thread(target=writer, args=(d,)) for d in devices[:-1]]
    follower = threading.Thread(target=reader)
    for t in [*threads, follower]:
        t.start()
    for t in threads:
        t.join(120)
    writing.clear()
    follower.join(120)
    assert not failures, failures
    with sessions.begin() as s:
        log = list(s.scalars(select(Change.seq).where(Change.seq > start).order_by(Change.seq)))
    assert len(log) >= WRITERS * PUSHES * PER_PUSH
    assert seen == log  # in order, nothing skipped, nothing twice


def test_a_push_numbered_after_an_open_one_commits_at_once_and_waits_in_the_feed_below_it(pg_url):
    sessions, first, second, hq, start = two_stations_and_headquarters(pg_url)
    slow = sessions()  # pushed, numbered, not yet committed
    slow_results = crud.push(slow, device=crud.device_for_token(slow, token=first), items=new_items(3))
    later = threading.Thread(target=_push, args=(sessions, second))
    later.start()
    later.join(30)
    assert not later.is_alive()  # it did not wait for the open push
    with sessions.begin() as s:
        committed = list(s.scalars(select(Change.seq).where(Change.seq > start)))
    early, more = feed(sessions, hq, start)
    slow.commit()
    slow.close()
    after, _ = feed(sessions, hq, start)
    assert len(committed) == 3 and min(committed) > max(r.seq for r in slow_results)
    assert (early, more) == ([], False)  # numbered above the open push: held back, not skipped
    assert [r.seq for r in after][:3] == [r.seq for r in slow_results]
    assert len(after) == 6


def test_a_push_that_rolls_back_holds_the_feed_back_no_longer(pg_url):
    sessions, first, second, hq, start = two_stations_and_headquarters(pg_url)
    failed = sessions()
    crud.push(failed, device=crud.device_for_token(failed, token=first), items=new_items(2))
    _push(sessions, second)
    failed.rollback()
    failed.close()
    after, _ = feed(sessions, hq, start)
    assert len(after) == 3  # the later push's, past the gap the rolled-back numbers left


def test_an_open_draft_deletion_holds_back_the_changes_numbered_after_it(pg_url):
    sessions, first, second, hq, start = two_stations_and_headquarters(pg_url)
    draft = new_items(1)
    with sessions.begin() as s:
        crud.push(s, device=crud.device_for_token(s, token=first), items=draft)
    deleting = sessions()  # the draft's deletion, numbered, not yet committed
    deletion = PushItem.model_validate({"idempotency_key": str(uuid.uuid4()), "base_version": 1,
                                        "action": "delete_draft", "incident": {"id": draft[0].incident["id"]}})
    (deleted,) = crud.push(deleting, device=crud.device_for_token(deleting, token=first), items=[deletion])
    _push(sessions, second)
    early, _ = feed(sessions, hq, start)
    deleting.commit()
    deleting.close()
    after, _ = feed(sessions, hq, start)
    assert deleted.outcome == "deleted"
    assert len(early) == 1  # the draft itself, committed before; the later push waits behind the deletion
    assert [r.deleted for r in after] == [False, True, False, False, False]
    assert after[1].seq == deleted.seq


def two_stations_and_headquarters(pg_url):
    """Sessions on the server database, two district devices' and a headquarters device's tokens, and the
    feed's newest number before the test."""
    engine = create_engine(pg_url)
    sessions = session_factory(engine)
    first, second, hq = enrolled(sessions, 2, district=9) + enrolled(sessions, 1, headquarters=True)
    with sessions.begin() as s:
        start = s.scalar(select(func.coalesce(func.max(Change.seq), 0)))
    return sessions, first, second, hq, start


def feed(sessions, token: str, since: int):
    """One page of the feed as this device would pull it now: (rows, more)."""
    with sessions.begin() as s:
        return crud.changes_since(s, device=crud.device_for_token(s, token=token), since=since, limit=100)


def _push(sessions, token: str) -> None:
    with sessions.begin() as s:
        crud.push(s, device=crud.device_for_token(s, token=token), items=new_items(3))


def test_two_devices_editing_the_same_version_at_once_get_one_applied_and_one_conflict(pg_url):
    engine = create_engine(pg_url)
    sessions = session_factory(engine)
    first, second = enrolled(sessions, 2, district=9)
    original = new_items(1)[0]
    with sessions.begin() as s:
        crud.push(s, device=crud.device_for_token(s, token=first), items=[original])
    outcomes: list[str] = []
    go = threading.Barrier(2)

    def edit(token: str, narrative: str) -> None:
        record = dict(original.incident, version=2, narrative=narrative)
        item = PushItem.model_validate({"idempotency_key": str(uuid.uuid4()), "base_version": 1, "incident": record})
        go.wait()
        with sessions.begin() as s:
            outcomes.extend(r.outcome for r in crud.push(s, device=crud.device_for_token(s, token=token), items=[item]))

    threads = [threading.Thread(target=edit, args=(t, f"edited on device {i}")) for i, t in enumerate((first, second))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert sorted(outcomes) == ["applied", "conflict"]
