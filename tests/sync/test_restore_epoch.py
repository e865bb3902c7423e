"""After the server's database was restored from a backup (a new restore epoch), devices send again what it lost:
a hostile answer to "which versions do you hold" sends nothing, and a re-send never overwrites an edit made since
the restore (it is a conflict for the supervisor). The restore is simulated on the session's real PostgreSQL
server: the versions after the backup are taken out of its tables, and the epoch renewed as `intake server
restored` does (the whole pg_dump story is tests/sync/test_backup_restore.py)."""

from __future__ import annotations

import json
import uuid

import pytest

from intake_app.domain.actor import Actor
from intake_app.sync import state
from intake_app.sync.engine import sync_once

from ..factories import make_incident
from .conftest import (
    a_draft_deleted_on_a_before_b_pulls_it,
    one_record_on_two_stations,
    restore_backup_without,
)
from .fault_proxy import Answer, FaultProxy

ACTOR = Actor("Sgt. Maria Test", "2231")


def on_server(admin, incident_id: str) -> tuple[int, dict]:
    [(version, record)] = admin.sql("SELECT version, record_json FROM incidents WHERE id = :i", i=incident_id)
    return version, json.loads(record)


def edited(store, incident_id: str, narrative: str):
    inc = store.get(incident_id)
    inc.narrative = narrative
    return store.save(inc, ACTOR)


@pytest.fixture
def a_station_whose_edit_the_restore_lost(make_device, admin):
    """Station A's record at version 2 on A, acknowledged; the server restored from a backup holding version 1."""
    a = make_device("a", district=9)
    original = a.save(make_incident(), ACTOR)
    assert sync_once(a).ok
    edited(a, original.id, "Edited at station A after the backup.")
    assert sync_once(a).ok
    epoch = restore_backup_without(admin, original.id, newer_than=1)
    return a, original.id, epoch


def test_a_station_sends_again_the_edit_the_restored_server_lost(a_station_whose_edit_the_restore_lost, admin):
    a, incident_id, epoch = a_station_whose_edit_the_restore_lost
    assert on_server(admin, incident_id)[0] == 1

    report = sync_once(a)

    assert report.ok, report.error
    assert report.resent == 1
    assert "server restored from backup: re-sent 1 records" in report.notes
    version, record = on_server(admin, incident_id)
    assert (version, record["narrative"]) == (2, "Edited at station A after the backup.")
    assert state.read(a, state.SERVER_EPOCH) == epoch
    assert state.status(a).resent == 1


def _not_asked(answer: dict, asked: list[str]) -> dict:
    return {**answer, "holdings": [*answer["holdings"], {"incident_id": str(uuid.uuid4()), "version": 1, "line": 1}]}


def _twice(answer: dict, asked: list[str]) -> dict:
    one = {"incident_id": asked[0], "version": 1, "line": 1}
    return {**answer, "holdings": [one, one]}


def _line_above_version(answer: dict, asked: list[str]) -> dict:
    return {**answer, "holdings": [{"incident_id": asked[0], "version": 1, "line": 9}]}


def _another_epoch(answer: dict, asked: list[str]) -> dict:
    return {**answer, "epoch": "0" * 32}


@pytest.mark.parametrize(("hostile", "said"), [
    (_not_asked, "did not ask about"),
    (_twice, "twice"),
    (_line_above_version, "from before its restore"),
    (_another_epoch, "restored from a backup again"),
], ids=["an incident not asked about", "an incident named twice", "a line above the version", "another epoch"])
def test_a_hostile_holdings_answer_sends_nothing_again_and_the_next_sync_does(
        a_station_whose_edit_the_restore_lost, admin, server, hostile, said):
    a, incident_id, epoch = a_station_whose_edit_the_restore_lost
    known = state.read(a, state.SERVER_EPOCH)

    def fault(request, answer):
        if request.method == "POST" and request.path == "/holdings":
            asked = json.loads(request.body)["incident_ids"]
            return Answer(200, json.dumps(hostile(json.loads(answer.body), asked)).encode())
        return None

    with FaultProxy(server.base) as proxy:
        proxy.fault = fault
        state.write(a, **{state.SERVER_URL: proxy.base})
        report = sync_once(a)
        state.write(a, **{state.SERVER_URL: server.base})

    assert not report.ok and said in report.error
    assert report.resent == 0
    assert on_server(admin, incident_id)[0] == 1  # nothing sent on a hostile answer
    assert state.read(a, state.SERVER_EPOCH) == known  # not reconciled: the next sync asks again
    assert a.get(incident_id).version == 2  # nothing here changed
    again = sync_once(a)
    assert again.ok and again.resent == 1
    assert on_server(admin, incident_id)[0] == 2


def test_a_resend_never_overwrites_an_edit_made_on_the_restored_server_it_is_a_conflict(make_device, admin):
    a, b, original = one_record_on_two_stations(make_device)
    edited(a, original.id, "A's edit, acknowledged after the backup.")
    assert sync_once(a).ok
    restore_backup_without(admin, original.id, newer_than=1)
    # On the restored server, B edits the version the backup holds, twice: newer than A's lost version 2.
    edited(b, original.id, "B's first edit after the restore.")
    edited(b, original.id, "B's second edit after the restore.")
    assert sync_once(b).ok
    assert on_server(admin, original.id)[0] == 3

    report = sync_once(a)

    assert report.conflicts == 1 and report.resent == 0
    version, record = on_server(admin, original.id)
    assert (version, record["narrative"]) == (3, "B's second edit after the restore.")  # not overwritten
    [(base, server_version, pushed)] = admin.sql(
        "SELECT base_version, server_version, pushed_json FROM conflicts WHERE incident_id = :i", i=original.id)
    assert (base, server_version) == (1, 3)
    assert json.loads(pushed)["narrative"] == "A's edit, acknowledged after the backup."  # both versions kept
    assert state.status(a).conflicts == 1
    assert a.get(original.id).narrative == "A's edit, acknowledged after the backup."  # nothing lost here either


def test_devices_first_reconciling_with_a_server_restored_earlier_send_nothing_twice(make_device, admin):
    """An app updated to restore epochs has none kept: at its first sync it asks, like after a restore. What the
    server holds as edits made since its last restore (the device's own, or pulled from another device) is
    answered unchanged, never written twice nor taken for a conflict."""
    a = make_device("a", district=9)
    b = make_device("b", district=9)
    earlier = a.save(make_incident(), ACTOR)
    assert sync_once(a).ok
    restore_backup_without(admin, earlier.id, newer_than=1)  # the server was restored once, long ago
    original = a.save(make_incident(), ACTOR)
    edited(a, original.id, "Edited after that restore.")
    assert sync_once(a).ok and sync_once(b).ok
    feed_before = admin.sql("SELECT seq FROM changes ORDER BY seq")
    for store in (a, b):
        state.write(store, **{state.SERVER_EPOCH: ""})  # as an app from before epochs

    reports = [sync_once(store) for store in (a, b)]

    assert all(r.ok and r.resent == 0 and r.conflicts == 0 for r in reports)
    assert not any("restored" in note for r in reports for note in r.notes)  # no restore to tell of
    assert admin.sql("SELECT seq FROM changes ORDER BY seq") == feed_before  # nothing written again
    assert on_server(admin, original.id)[0] == 2


def through(proxy_fault, store, server):
    """One sync of `store` through a fault-injecting proxy in front of the real server."""
    with FaultProxy(server.base) as proxy:
        proxy.fault = proxy_fault
        state.write(store, **{state.SERVER_URL: proxy.base})
        try:
            return sync_once(store)
        finally:
            state.write(store, **{state.SERVER_URL: server.base})


def test_a_feed_page_of_another_epoch_is_not_taken(make_device, admin, server):
    a = make_device("a", district=9)
    b = make_device("b", district=9)
    assert sync_once(b).ok
    cursor = state.read(b, state.CURSOR)
    made = a.save(make_incident(), ACTOR)
    assert sync_once(a).ok

    def restored_meanwhile(request, answer):
        if request.method == "GET" and request.path.startswith("/changes"):
            return Answer(200, json.dumps({**json.loads(answer.body), "epoch": "f" * 32}).encode())
        return None

    report = through(restored_meanwhile, b, server)

    assert not report.ok and "restored from a backup during this sync" in report.error
    assert b.find(made.id) is None and state.read(b, state.CURSOR) == cursor  # nothing of that page stored
    assert sync_once(b).ok and b.find(made.id) is not None


def test_a_server_from_before_restore_epochs_is_synced_with_as_before(make_device, server):
    a = make_device("a", district=9)
    a.save(make_incident(), ACTOR)

    def older_server(request, answer):
        if request.path in ("/epoch", "/holdings"):
            return Answer(404, b'{"detail":"Not Found"}')
        return None

    report = through(older_server, a, server)

    assert report.ok and report.pushed == 1 and report.resent == 0
    assert state.read(a, state.SERVER_EPOCH) == ""


def test_a_record_the_server_refuses_to_take_back_is_kept_and_said_while_the_others_go(make_device, admin, server):
    a = make_device("a", district=9)
    records = [a.save(make_incident(), ACTOR) for _ in range(3)]
    assert sync_once(a).ok
    for inc in records:
        edited(a, inc.id, "Edited after the backup.")
    assert sync_once(a).ok
    refused = records[1].id
    for inc in records:
        restore_backup_without(admin, inc.id, newer_than=1)

    def refuse_one(request, answer):
        if request.method == "POST" and request.path == "/push" and refused.encode() in request.body:
            return Answer(422, json.dumps({"detail": [{"path": "items[0].incident", "message": "refused"}]}).encode())
        return None

    report = through(refuse_one, a, server)

    assert report.resent == 2
    assert any(note.startswith("server restored from backup: re-sent 2 records; 1 the server refused, kept here "
                               "(first reason: The server rejected the request (HTTP 422): items[0].incident: refused")
               for note in report.notes)
    # (The proxy changes the answer only: the server itself took the refused one too.)
    assert [on_server(admin, inc.id)[0] for inc in (records[0], records[2])] == [2, 2]
    assert a.get(refused).version == 2  # kept here


@pytest.fixture
def device_http(server, admin):
    import httpx

    token = httpx.post(server.base + "/enroll", json={"code": admin.code(9)}).json()["token"]
    with httpx.Client(base_url=server.base, headers={"Authorization": f"Bearer {token}"}, timeout=30) as client:
        yield client


def test_holdings_are_asked_for_at_most_a_thousand_incidents_at_once(device_http):
    answer = device_http.post("/holdings", json={"incident_ids": [str(uuid.uuid4()) for _ in range(1001)]})
    assert answer.status_code == 422
    assert any(d["path"] == "incident_ids" for d in answer.json()["detail"])


def test_holdings_asked_for_something_that_is_not_an_incident_id_are_refused_naming_it(device_http):
    answer = device_http.post("/holdings", json={"incident_ids": [str(uuid.uuid4()), "../../etc/passwd"]})
    assert answer.status_code == 422
    assert any(d["path"] == "incident_ids[1]" for d in answer.json()["detail"])


def test_holdings_and_the_epoch_are_only_for_enrolled_devices(server):
    import httpx

    assert httpx.get(server.base + "/epoch").status_code == 401
    assert httpx.post(server.base + "/holdings", json={"incident_ids": []}).status_code == 401


def test_a_page_of_link_decisions_of_another_epoch_is_not_taken(make_device, server):
    from intake_app.sync.link_decisions_sync import CURSOR

    a = make_device("a", district=9)
    assert sync_once(a).ok  # reconciled with the server's epoch
    cursor = state.read(a, CURSOR)
    first, second = sorted([str(uuid.uuid4()), str(uuid.uuid4())])
    decision = {"idempotency_key": str(uuid.uuid4()), "incident_a": first, "incident_b": second, "kind": "agent",
                "decision": "confirmed", "actor_name": "Lt. Ana Review", "actor_star": "9001",
                "decided_at": "2026-11-02T20:30:00Z", "seq": 999, "station": "district 9"}

    def restored_meanwhile(request, answer):
        if request.method == "GET" and request.path.startswith("/link-decisions"):
            page = {"decisions": [decision], "next_cursor": 999, "more": False, "epoch": "e" * 32}
            return Answer(200, json.dumps(page).encode())
        return None

    report = through(restored_meanwhile, a, server)

    assert not report.ok and "restored from a backup during this sync" in report.error
    assert state.read(a, CURSOR) == cursor  # nothing of that page taken


def test_holdings_never_tell_a_station_about_another_districts_incidents(make_device, server, admin):
    import httpx

    district_9 = make_device("nine", district=9)
    theirs = district_9.save(make_incident(), ACTOR)
    assert sync_once(district_9).ok  # the server holds district 9's incident
    token = httpx.post(server.base + "/enroll", json={"code": admin.code(4)}).json()["token"]

    answer = httpx.post(server.base + "/holdings", json={"incident_ids": [theirs.id]},
                        headers={"Authorization": f"Bearer {token}"}, timeout=30)  # a district 4 device asks

    assert answer.status_code == 200
    assert answer.json()["holdings"] == []


# ---------------------------------------------------------------- draft deletions and link decisions

def restore_backup_before_deletion(admin, incident_id: str, *, held: int) -> str:
    """The server as restored from a backup taken when it held the draft `incident_id` at version `held`, before a
    later edit and its deletion were acknowledged; then the new epoch (as `intake server restored`)."""
    admin.sql("DELETE FROM changes WHERE incident_id = :i AND version > :v RETURNING seq", i=incident_id, v=held)
    admin.sql("DELETE FROM pushes WHERE incident_id = :i AND CAST(CAST(result_json AS json)->>'version' AS int) > :v "
              "RETURNING 1", i=incident_id, v=held)
    admin.sql("INSERT INTO incidents (id, district, version, record_json, last_seq, updated_at) SELECT incident_id, "
              "district, version, record_json, seq, at FROM changes WHERE incident_id = :i AND version = :v "
              "RETURNING 1", i=incident_id, v=held)
    [(epoch,)] = admin.sql("UPDATE server_epoch SET epoch = md5(random()::text), "
                           "since_seq = (SELECT last_value FROM changes_seq_seq) + 1 RETURNING epoch")
    return epoch


def deletions_in_feed(admin, incident_id: str) -> list[int]:
    return [r.version for r in admin.sql("SELECT version FROM changes WHERE incident_id = :i AND deleted ORDER BY seq",
                                         i=incident_id)]


def test_a_draft_deleted_after_the_backup_is_deleted_again_and_leaves_every_device(make_device, admin):
    a, b, draft = a_draft_deleted_on_a_before_b_pulls_it(make_device)
    [key] = [r.idempotency_key for r in admin.sql("SELECT idempotency_key FROM pushes WHERE incident_id = :i AND "
                                                  "CAST(result_json AS json)->>'outcome' = 'deleted'", i=draft.id)]
    epoch = restore_backup_before_deletion(admin, draft.id, held=1)
    assert on_server(admin, draft.id)[0] == 1  # the restored server holds the draft again

    first = sync_once(b)  # B first: it holds the version the server holds, nothing to send
    report = sync_once(a)
    assert sync_once(b).ok

    assert first.ok and first.resent == 0
    assert report.ok, report.error
    assert report.resent == 1 and "server restored from backup: re-sent 1 records" in report.notes
    assert admin.sql("SELECT count(*) AS n FROM incidents WHERE id = :i", i=draft.id)[0].n == 0
    assert deletions_in_feed(admin, draft.id) == [2]  # once, one version up from the draft deleted
    # The same deletion: sent again under its own idempotency key, so a repeat of it is answered as before.
    assert admin.sql("SELECT idempotency_key FROM pushes WHERE incident_id = :i AND "
                     "CAST(result_json AS json)->>'outcome' = 'deleted'", i=draft.id)[0].idempotency_key == key
    assert b.find(draft.id) is None and a.find(draft.id) is None
    assert state.read(a, state.SERVER_EPOCH) == epoch
    again = [sync_once(store) for store in (a, b)]
    assert all(r.ok and r.resent == 0 for r in again) and deletions_in_feed(admin, draft.id) == [2]


def test_a_deletion_pulled_by_headquarters_is_sent_again_by_it_when_the_deleting_station_is_lost(make_device, admin):
    a = make_device("a", district=9)  # deletes the draft, then is lost: never syncs again
    b = make_device("b", district=9)
    hq = make_device("hq", headquarters=True)
    draft = a.save(make_incident(), ACTOR)
    for store in (a, b, hq):
        assert sync_once(store).ok
    a.delete_draft(draft.id, ACTOR)
    assert sync_once(a).ok and sync_once(hq).ok  # headquarters pulls the deletion; B does not
    assert hq.find(draft.id) is None
    restore_backup_before_deletion(admin, draft.id, held=1)

    report = sync_once(hq)
    assert sync_once(b).ok

    assert report.ok and report.resent == 1, report.error
    assert deletions_in_feed(admin, draft.id) == [2]
    assert admin.sql("SELECT count(*) AS n FROM incidents WHERE id = :i", i=draft.id)[0].n == 0
    assert b.find(draft.id) is None and hq.find(draft.id) is None


def test_a_draft_made_and_deleted_after_the_backup_stays_deleted_when_a_device_that_pulled_it_sends_it_again(
        make_device, admin):
    a, b, draft = a_draft_deleted_on_a_before_b_pulls_it(make_device)
    # Restored from a backup taken before the draft was made: the server knows nothing of it.
    admin.sql("DELETE FROM changes WHERE incident_id = :i RETURNING seq", i=draft.id)
    admin.sql("DELETE FROM pushes WHERE incident_id = :i RETURNING 1", i=draft.id)
    admin.sql("UPDATE server_epoch SET epoch = md5(random()::text), since_seq = (SELECT last_value FROM "
              "changes_seq_seq) + 1 RETURNING epoch")

    first = sync_once(a)  # A first: the server holds nothing to delete yet
    second = sync_once(b)  # B sends the draft again: it held it
    third = sync_once(a)  # A finds it on the server again, and deletes it again
    assert sync_once(b).ok

    assert first.ok and first.resent == 0
    assert second.ok and second.resent == 1
    assert third.ok and third.resent == 1, third.error
    assert admin.sql("SELECT count(*) AS n FROM incidents WHERE id = :i", i=draft.id)[0].n == 0
    assert deletions_in_feed(admin, draft.id) == [2]
    assert a.find(draft.id) is None and b.find(draft.id) is None
    again = sync_once(a)
    assert again.ok and again.resent == 0  # watched no more: it holds the deletion


def test_a_draft_edited_then_deleted_after_the_backup_is_deleted_again_from_the_older_restored_version(
        make_device, admin):
    a, b, draft = one_record_on_two_stations(make_device)
    edited(a, draft.id, "Edited after the backup, then deleted.")
    assert sync_once(a).ok
    a.delete_draft(draft.id, ACTOR)
    assert sync_once(a).ok
    restore_backup_before_deletion(admin, draft.id, held=1)  # the edit and the deletion lost

    report = sync_once(a)
    assert sync_once(b).ok

    assert report.ok and report.conflicts == 0, report.error
    assert a.find(draft.id) is None  # not taken back: the deletion applies to the line it was of
    assert deletions_in_feed(admin, draft.id) == [3]  # one version up from the version deleted here
    assert admin.sql("SELECT count(*) AS n FROM incidents WHERE id = :i", i=draft.id)[0].n == 0
    assert b.find(draft.id) is None


def test_a_deletion_sent_again_never_removes_an_edit_made_on_the_restored_server(make_device, admin):
    a, b, draft = a_draft_deleted_on_a_before_b_pulls_it(make_device)
    restore_backup_before_deletion(admin, draft.id, held=1)
    edited(b, draft.id, "B's edit on the restored server, unaware of the deletion.")
    assert sync_once(b).ok

    report = sync_once(a)

    assert report.ok and report.conflicts == 1
    version, record = on_server(admin, draft.id)
    assert (version, record["narrative"]) == (2, "B's edit on the restored server, unaware of the deletion.")
    assert a.get(draft.id).narrative == "B's edit on the restored server, unaware of the deletion."  # back here
    assert deletions_in_feed(admin, draft.id) == []


def falls_over_on(path: str):
    """The fault proxy's handler for a server that takes POST `path` and falls over before it answers (a 500)."""

    def no_answer(request, answer):
        if request.method == "POST" and request.path == path:
            return Answer(500, b'{"detail":"the server fell over"}')
        return None

    return no_answer


def test_a_deletion_whose_resend_got_no_answer_is_asked_about_again_and_kept_once(make_device, admin, server):
    a = make_device("a", district=9)
    draft = a.save(make_incident(), ACTOR)
    assert sync_once(a).ok
    a.delete_draft(draft.id, ACTOR)
    assert sync_once(a).ok
    known = state.read(a, state.SERVER_EPOCH)
    restore_backup_before_deletion(admin, draft.id, held=1)

    stopped = through(falls_over_on("/push"), a, server)

    assert not stopped.ok
    assert state.read(a, state.SERVER_EPOCH) == known  # not reconciled: the next sync asks again
    # (The proxy changes the answer only: the server itself took the deletion.) The next sync asks again: the
    # server holds the deletion now, so nothing is sent twice, and the deletion is in the feed once.
    report = sync_once(a)
    assert report.ok and report.resent == 0
    assert deletions_in_feed(admin, draft.id) == [2]
    assert state.read(a, state.SERVER_EPOCH) != known and a.find(draft.id) is None


def test_a_device_keeps_no_personal_data_of_a_draft_it_deleted(make_device):
    from sqlalchemy import text

    a = make_device("a", district=9)
    draft = a.save(make_incident(), ACTOR)
    assert sync_once(a).ok
    a.delete_draft(draft.id, ACTOR)
    assert sync_once(a).ok
    with a.reading() as session:
        [kept] = session.execute(text("SELECT * FROM sync_deletions_kept")).mappings().all()
    assert set(kept) == {"idempotency_key", "incident_id", "base_version", "kept_at", "watch_until"}
    assert (kept["incident_id"], kept["base_version"]) == (draft.id, 1)


def _decided_pair(store):
    from intake_app.domain.matching import AGENT_LINK, CONFIRMED
    from intake_app.storage.links.decisions import decide

    from ..links.helpers import incident_at, plate_agent

    first = store.save(incident_at(district=9, agents=[plate_agent("ABC 1234")]), ACTOR)
    second = store.save(incident_at(district=9, minutes_later=60 * 24 * 3, agents=[plate_agent("abc-1234")]), ACTOR)
    assert sync_once(store).ok
    return first, second, lambda: decide(store, first.id, second.id, AGENT_LINK, CONFIRMED,
                                         Actor("Lt. Ana Reviewer", "5150"), note="same Durango")


def restore_backup_without_decision(admin, key: str) -> str:
    admin.sql("DELETE FROM link_decisions WHERE idempotency_key = :k RETURNING seq", k=key)
    [(epoch,)] = admin.sql("UPDATE server_epoch SET epoch = md5(random()::text), set_at = now(), "
                           "since_seq = (SELECT last_value FROM changes_seq_seq) + 1 RETURNING epoch")
    return epoch


def a_decision_the_restore_lost(make_device, admin) -> tuple:
    """A station of district 9 whose link decision the server acknowledged and then lost in a restore: (the
    station, the epoch it knew, the decision's key)."""
    station = make_device("station9", district=9)
    decide_it = _decided_pair(station)[2]
    decide_it()
    assert sync_once(station).ok
    known = state.read(station, state.SERVER_EPOCH)
    [(key,)] = admin.sql("SELECT idempotency_key FROM link_decisions")
    restore_backup_without_decision(admin, key)
    return station, known, key


def test_a_link_decision_the_restore_lost_is_sent_again_once_and_reaches_a_device_that_had_not_pulled_it(
        make_device, admin):
    from ..links.helpers import decisions_for

    station = make_device("station9", district=9)
    other = make_device("front", district=9)
    hq = make_device("hq", headquarters=True)
    first, second, decide_it = _decided_pair(station)
    assert sync_once(other).ok and sync_once(hq).ok
    decide_it()
    assert sync_once(station).ok and sync_once(hq).ok  # acknowledged, and pulled by headquarters only
    [(key,)] = admin.sql("SELECT idempotency_key FROM link_decisions")
    restore_backup_without_decision(admin, key)

    reports = [sync_once(store) for store in (hq, station, other)]  # headquarters first: its pulled copy goes

    assert all(r.ok for r in reports), [r.error for r in reports]
    [(station_name, actor, device)] = admin.sql("SELECT station, actor_name, device_id FROM link_decisions "
                                                "WHERE idempotency_key = :k", k=key)
    assert (station_name, actor) == ("district 9", "Lt. Ana Reviewer")  # where it was decided, not who sent it again
    assert device == int(state.read(hq, state.DEVICE_ID))
    [decision] = decisions_for(other, first.id)
    assert (decision.station, decision.actor_name, decision.note) == ("district 9", "Lt. Ana Reviewer", "same Durango")
    for store in (station, hq, other):
        assert len(decisions_for(store, first.id)) == 1  # none kept twice
    again = [sync_once(store) for store in (hq, station, other)]
    assert all(r.ok for r in again)
    assert admin.sql("SELECT count(*) AS n FROM link_decisions")[0].n == 1


def test_a_link_decision_sent_again_by_its_own_station_after_the_restore_is_kept_once(make_device, admin):
    from ..links.helpers import decisions_for

    station = make_device("station9", district=9)
    other = make_device("front", district=9)
    first, second, decide_it = _decided_pair(station)
    assert sync_once(other).ok
    decide_it()
    assert sync_once(station).ok
    [(key,)] = admin.sql("SELECT idempotency_key FROM link_decisions")
    epoch = restore_backup_without_decision(admin, key)

    report = sync_once(station)
    assert sync_once(other).ok

    assert report.ok, report.error
    assert state.read(station, state.SERVER_EPOCH) == epoch
    assert admin.sql("SELECT station, device_id FROM link_decisions WHERE idempotency_key = :k", k=key) == [
        ("district 9", int(state.read(station, state.DEVICE_ID)))]
    assert [d.station for d in decisions_for(other, first.id)] == ["district 9"]


def test_link_decisions_sent_again_without_an_answer_keep_the_epoch_unreconciled_and_go_again_once(
        make_device, admin, server):
    station, known, key = a_decision_the_restore_lost(make_device, admin)

    stopped = through(falls_over_on("/link-decisions"), station, server)

    assert not stopped.ok
    assert state.read(station, state.SERVER_EPOCH) == known  # not reconciled: the next sync sends them again
    report = sync_once(station)
    assert report.ok, report.error
    assert state.read(station, state.SERVER_EPOCH) != known
    assert admin.sql("SELECT count(*) AS n FROM link_decisions WHERE idempotency_key = :k", k=key)[0].n == 1


def test_a_link_decision_sent_again_that_waits_stays_queued_and_goes_at_the_next_sync(make_device, admin, server):
    from intake_app.sync.link_decisions_sync import pending

    station, known, key = a_decision_the_restore_lost(make_device, admin)

    def waiting(request, answer):
        if request.method == "POST" and request.path == "/link-decisions" and b'"resend":true' in request.body:
            sent = json.loads(request.body)["items"]
            results = [{"idempotency_key": i["idempotency_key"], "outcome": "waiting", "message": "not yet"}
                       for i in sent]
            return Answer(200, json.dumps({"results": results}).encode())
        return None

    report = through(waiting, station, server)

    assert not report.error and report.pending == 1  # the pull goes on: the epoch is reconciled, the decision queued
    assert any("1 link decision(s) sent again wait for an incident" in note for note in report.notes)
    assert state.read(station, state.SERVER_EPOCH) != known and pending(station) == 1
    assert sync_once(station).ok and pending(station) == 0
    assert admin.sql("SELECT count(*) AS n FROM link_decisions WHERE idempotency_key = :k", k=key)[0].n == 1


def test_a_hostile_answer_to_link_decisions_sent_again_is_refused(make_device, admin, server):
    station, known, key = a_decision_the_restore_lost(make_device, admin)

    def not_sent(request, answer):
        if request.method == "POST" and request.path == "/link-decisions":
            result = {"idempotency_key": str(uuid.uuid4()), "outcome": "applied", "seq": 5}
            return Answer(200, json.dumps({"results": [result]}).encode())
        return None

    report = through(not_sent, station, server)

    assert not report.ok and "did not send" in report.error
    assert state.read(station, state.SERVER_EPOCH) == known


def test_a_station_sending_a_decision_again_cannot_claim_another_districts_station(device_http):
    first, second = sorted([str(uuid.uuid4()), str(uuid.uuid4())])
    decision = {"idempotency_key": str(uuid.uuid4()), "incident_a": first, "incident_b": second, "kind": "agent",
                "decision": "confirmed", "actor_name": "Lt. Ana Review", "actor_star": "9001",
                "decided_at": "2026-11-02T20:30:00Z", "resend": True, "station": "district 12"}

    answer = device_http.post("/link-decisions", json={"items": [decision]})

    assert answer.status_code == 200, answer.text
    [result] = answer.json()["results"]
    assert result["outcome"] == "refused" and "district 12" in result["message"]
