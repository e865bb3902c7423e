"""Draft deletions kept for a server restored from a backup (storage/kept_deletions.py): written with the deletion,
holding none of the draft, and bounded in time and in number whatever a device deletes."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import text

from intake_app.storage import kept_deletions
from intake_app.storage.kept_deletions import KEEP_DAYS, keep_in

from ..factories import make_incident


def kept_keys(store) -> list[str]:
    with store.reading() as session:
        return list(session.scalars(text("SELECT idempotency_key FROM sync_deletions_kept ORDER BY kept_at")))


def test_a_deleted_draft_is_kept_with_its_queued_deletions_key_and_nothing_of_its_content(store, actor):
    draft = store.save(make_incident(), actor)
    store.delete_draft(draft.id, actor)

    with store.reading() as session:
        [queued] = session.execute(text("SELECT idempotency_key, base_version FROM sync_outbox "
                                        "WHERE action = 'delete_draft'")).all()
        [kept] = session.execute(text("SELECT * FROM sync_deletions_kept")).mappings().all()
    assert (kept["idempotency_key"], kept["incident_id"], kept["base_version"]) == (queued[0], draft.id, queued[1])
    assert set(kept) == {"idempotency_key", "incident_id", "base_version", "kept_at", "watch_until"}
    assert kept_deletions.acknowledged(store) == []  # still queued: it goes as a queued change, not again


def test_a_kept_deletion_older_than_its_keeping_time_goes_when_another_is_kept(store):
    old = str(uuid.uuid4())
    with store.transaction() as session:
        session.execute(text("INSERT INTO sync_deletions_kept VALUES (:k, :i, 1, :at, NULL)"), {
            "k": old, "i": str(uuid.uuid4()),
            "at": datetime.now(UTC).replace(tzinfo=None) - timedelta(days=KEEP_DAYS + 1)})
    assert kept_keys(store) == [old]

    new = str(uuid.uuid4())
    with store.transaction() as session:
        keep_in(session, idempotency_key=new, incident_id=str(uuid.uuid4()), base_version=1)

    assert kept_keys(store) == [new]


def test_at_most_max_kept_deletions_are_kept_the_oldest_going_first(store, monkeypatch):
    monkeypatch.setattr(kept_deletions, "MAX_KEPT", 3)
    keys = [str(uuid.uuid4()) for _ in range(5)]
    for key in keys:
        with store.transaction() as session:
            keep_in(session, idempotency_key=key, incident_id=str(uuid.uuid4()), base_version=1)

    assert sorted(kept_keys(store)) == sorted(keys[2:])


def test_a_watched_deletion_is_watched_for_its_days_only_and_a_new_watch_replaces_the_old(store):
    ids = [str(uuid.uuid4()) for _ in range(2)]
    for incident_id in ids:
        with store.transaction() as session:
            keep_in(session, idempotency_key=str(uuid.uuid4()), incident_id=incident_id, base_version=1)
    assert kept_deletions.watched(store) == []

    kept_deletions.watch(store, [ids[0]])
    assert [d.incident_id for d in kept_deletions.watched(store)] == [ids[0]]
    kept_deletions.watch(store, [ids[1]])  # a later reconciling decides afresh
    assert [d.incident_id for d in kept_deletions.watched(store)] == [ids[1]]

    with store.transaction() as session:
        session.execute(text("UPDATE sync_deletions_kept SET watch_until = :t"),
                        {"t": datetime.now(UTC).replace(tzinfo=None) - timedelta(seconds=1)})
    assert kept_deletions.watched(store) == []  # past its WATCH_DAYS
