"""The core enforces roles: calling the store directly does not skip them, and a refused change leaves nothing."""

import pytest

from intake_app.domain.actor import Actor
from intake_app.domain.enums import Status
from intake_app.domain.workflow import WorkflowError
from intake_app.security.review import approve, return_for_changes, review_queue
from tests.factories import make_incident


def submitted(store, people):
    saved = store.save(make_incident(), people["sgt"])
    return store.change_status(saved.id, Status.IN_REVIEW, people["sgt"])


def test_a_supervisor_calling_the_store_to_approve_gets_permission_error_and_nothing_changes(store, people):
    inc = submitted(store, people)
    with pytest.raises(PermissionError):
        store.change_status(inc.id, Status.APPROVED, people["sgt"])
    after = store.get(inc.id)
    assert (after.status, after.version, len(after.history)) == (Status.IN_REVIEW, inc.version, 1)


def test_an_administrator_does_not_enter_records(store, people):
    with pytest.raises(PermissionError):
        store.save(make_incident(), people["admin"])
    assert store.count() == 0


def test_a_reviewer_cannot_approve_what_they_submitted_themselves(store, people):
    saved = store.save(make_incident(), people["lt"])
    store.change_status(saved.id, Status.IN_REVIEW, people["lt"])
    with pytest.raises(PermissionError):
        approve(store, saved.id, people["lt"])


def test_a_reviewer_sees_the_queue_and_approves(store, people):
    inc = submitted(store, people)
    assert [s.id for s in review_queue(store)] == [inc.id]
    approved = approve(store, inc.id, people["lt"])
    assert approved.status == Status.APPROVED
    assert approved.history[-1].by_star == "3100"
    assert review_queue(store) == []


def test_return_without_a_comment_is_refused(store, people):
    inc = submitted(store, people)
    with pytest.raises(WorkflowError):
        return_for_changes(store, inc.id, people["lt"], "   ")
    with pytest.raises(WorkflowError):
        store.change_status(inc.id, Status.DRAFT, people["lt"])
    assert store.get(inc.id).status == Status.IN_REVIEW


def test_a_supervisor_cannot_edit_a_record_in_review(store, people):
    inc = submitted(store, people)
    inc.narrative = "changed behind the reviewer's back"
    with pytest.raises(PermissionError):
        store.save(inc, people["sgt"])
    assert store.get(inc.id).narrative != inc.narrative


def test_an_unknown_star_can_change_nothing_once_users_exist(store, people):
    with pytest.raises(PermissionError):
        store.save(make_incident(), Actor("Somebody", "7777"))
    assert store.count() == 0


def test_without_users_the_store_works_as_before(store, actor):
    saved = store.save(make_incident(), actor)
    assert store.change_status(saved.id, Status.IN_REVIEW, actor).status == Status.IN_REVIEW


def test_the_audit_trail_names_the_supervisor_who_submitted_and_the_reviewer_who_approved(store, people):
    from intake_app.security.audit import entries_for

    inc = submitted(store, people)
    approve(store, inc.id, people["lt"])
    steps = [(e.new_value, e.actor_star) for e in entries_for(store, inc.id) if e.field_path == "status"]
    assert steps == [("in_review", "2231"), ("approved", "3100")]
