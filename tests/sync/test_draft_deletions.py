"""Deleting a draft is a synced change: the server and the other devices drop it too, unless someone changed
it meanwhile (then nothing is lost: a conflict for the supervisor, or the record comes back)."""

from __future__ import annotations

import uuid

import httpx

from intake_app.domain.actor import Actor
from intake_app.domain.enums import Status
from intake_app.domain.interchange import to_dict
from intake_app.security.audit import entries_for
from intake_app.sync import conflicts, device, state
from intake_app.sync.engine import sync_once
from intake_app.sync.report import SYNC_ACTOR

from ..factories import make_incident
from .conftest import a_draft_deleted_on_a_before_b_pulls_it, one_record_on_two_stations

ACTOR = Actor("Sgt. Maria Test", "2231")


def test_a_deleted_draft_leaves_the_server_and_the_other_devices(make_device, admin):
    a, b, draft = one_record_on_two_stations(make_device)

    a.delete_draft(draft.id, ACTOR)
    assert state.status(a).pending == 1  # the deletion waits like any change
    assert sync_once(a).ok and sync_once(b).ok

    assert admin.sql("SELECT count(*) AS n FROM incidents WHERE id = :i", i=draft.id)[0].n == 0
    [feed] = admin.sql("SELECT version FROM changes WHERE incident_id = :i AND deleted", i=draft.id)
    assert feed.version == draft.version + 1
    assert b.find(draft.id) is None and b.search("Michigan") == []
    [arrived, removed] = [e for e in entries_for(b, draft.id)]
    assert (arrived.action, removed.action) == ("import", "delete")
    assert removed.actor_name == SYNC_ACTOR.name  # audited on the device that applied it, as from sync
    assert entries_for(a, draft.id)[-1].action == "delete" and entries_for(a, draft.id)[-1].actor_name == ACTOR.name


def test_a_device_that_changed_the_draft_meanwhile_gets_a_conflict_not_a_loss(make_device, admin):
    a, b, draft = a_draft_deleted_on_a_before_b_pulls_it(make_device)
    mine = b.get(draft.id)
    mine.narrative = "Edited at station B before it heard of the deletion."
    b.save(mine, ACTOR)

    report = sync_once(b)

    assert report.conflicts == 1
    [(kept, theirs)] = conflicts.conflicts(b)
    assert kept.narrative == mine.narrative and theirs.id == draft.id
    assert b.get(draft.id).narrative == mine.narrative  # still here, edit and all
    assert admin.sql("SELECT count(*) AS n FROM incidents WHERE id = :i", i=draft.id)[0].n == 0

    conflicts.keep_mine(b, draft.id, ACTOR)  # the supervisor keeps the edited draft: it returns everywhere
    assert sync_once(b).ok and sync_once(a).ok
    assert a.get(draft.id).narrative == mine.narrative


def test_taking_the_deletion_removes_the_draft_after_all(make_device):
    a, b, draft = a_draft_deleted_on_a_before_b_pulls_it(make_device)
    mine = b.get(draft.id)
    mine.narrative = "Edited at B."
    b.save(mine, ACTOR)
    sync_once(b)

    conflicts.take_theirs(b, draft.id, ACTOR)

    assert b.find(draft.id) is None and conflicts.conflicts(b) == []
    assert sync_once(b).ok and state.status(b).pending == 0
    assert b.find(draft.id) is None


def test_a_draft_changed_elsewhere_before_the_deletion_arrived_is_kept_and_comes_back(make_device, admin):
    a, b, draft = one_record_on_two_stations(make_device)
    theirs = b.get(draft.id)
    theirs.narrative = "Edited at B first."
    b.save(theirs, ACTOR)
    assert sync_once(b).ok
    a.delete_draft(draft.id, ACTOR)  # A deletes the version it had, not knowing B's edit

    report = sync_once(a)

    assert report.ok and any("changed on another device" in note for note in report.notes)
    assert a.get(draft.id).narrative == "Edited at B first."
    assert admin.sql("SELECT count(*) AS n FROM incidents WHERE id = :i", i=draft.id)[0].n == 1


def test_a_record_sent_for_review_elsewhere_cannot_be_deleted_as_a_draft(make_device, admin):
    a, b, draft = one_record_on_two_stations(make_device)
    b.change_status(draft.id, Status.IN_REVIEW, ACTOR)
    assert sync_once(b).ok
    a.delete_draft(draft.id, ACTOR)

    report = sync_once(a)

    assert any("only drafts can be deleted" in note for note in report.notes)
    assert state.status(a).pending == 0  # the refused deletion is not retried forever
    assert a.get(draft.id).status == Status.IN_REVIEW  # the submitted record is back here
    assert "in_review" in admin.sql("SELECT record_json FROM incidents WHERE id = :i", i=draft.id)[0].record_json
    assert entries_for(a, draft.id)[-2].action == "sync deletion refused"


def test_the_server_answers_409_in_plain_words_when_a_deletion_targets_a_record_past_draft(make_device, server):
    a = make_device("a", district=9)
    submitted = a.save(make_incident(), ACTOR)
    submitted = a.change_status(submitted.id, Status.IN_REVIEW, ACTOR)
    assert sync_once(a).ok
    answer = httpx.post(server.base + "/push", headers={"Authorization": f"Bearer {device.token(a)}"}, json={"items": [
        {"idempotency_key": str(uuid.uuid4()), "base_version": submitted.version, "action": "delete_draft",
         "incident": {"id": submitted.id}}]})
    assert answer.status_code == 409
    assert "only drafts can be deleted" in answer.json()["detail"] and submitted.report_number in answer.json()["detail"]


def test_a_repeated_deletion_after_a_lost_answer_deletes_once(make_device, server, admin):
    a, _b, draft = one_record_on_two_stations(make_device)
    item = {"idempotency_key": str(uuid.uuid4()), "base_version": draft.version, "action": "delete_draft",
            "incident": {"id": draft.id}}
    headers = {"Authorization": f"Bearer {device.token(a)}"}
    first = httpx.post(server.base + "/push", headers=headers, json={"items": [item]}).json()
    again = httpx.post(server.base + "/push", headers=headers, json={"items": [item]}).json()
    assert first == again and first["results"][0]["outcome"] == "deleted"
    assert admin.sql("SELECT count(*) AS n FROM changes WHERE incident_id = :i AND deleted", i=draft.id)[0].n == 1


def test_a_deletion_of_another_districts_draft_is_refused(make_device, server):
    a = make_device("a", district=9)
    other = make_device("c", district=12)
    draft = other.save(make_incident(district=12, beat="1211"), ACTOR)
    assert sync_once(other).ok
    answer = httpx.post(server.base + "/push", headers={"Authorization": f"Bearer {device.token(a)}"}, json={"items": [
        {"idempotency_key": str(uuid.uuid4()), "base_version": 1, "action": "delete_draft", "incident": to_dict(draft)}]})
    assert answer.status_code == 403


def test_a_record_saved_after_a_draft_was_deleted_is_indexed_for_links(store):
    """Deleting the newest draft once left its place in the link index behind; the next record saved took
    the same place id and the save failed."""
    from sqlalchemy import text

    store.save(make_incident(), ACTOR)
    newest = store.save(make_incident(), ACTOR)
    store.delete_draft(newest.id, ACTOR)
    later = store.save(make_incident(), ACTOR)

    with store.reading() as session:
        places = session.execute(text("SELECT count(*) FROM incident_places")).scalar()
        indexed = session.execute(text("SELECT count(*) FROM incident_place_index")).scalar()
    assert places == indexed == 2 and store.find(later.id) is not None
