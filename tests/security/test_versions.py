"""Approved records are read-only; a correction is a new version with a reason and the old one stays."""

import pytest

from intake_app.domain.enums import Status
from intake_app.domain.workflow import WorkflowError
from intake_app.security.review import approve, correct_approved, versions
from tests.factories import make_incident


def approved(store, people):
    saved = store.save(make_incident(), people["sgt"])
    store.change_status(saved.id, Status.IN_REVIEW, people["sgt"])
    return approve(store, saved.id, people["lt"])


def test_an_approved_record_cannot_be_saved_over(store, people):
    inc = approved(store, people)
    inc.narrative = "quietly rewritten"
    with pytest.raises(PermissionError):
        store.save(inc, people["lt"])
    assert store.get(inc.id).narrative != "quietly rewritten"


def test_an_approved_record_is_read_only_even_before_users_exist(store, actor):
    saved = store.save(make_incident(), actor)
    store.change_status(saved.id, Status.IN_REVIEW, actor)
    inc = store.change_status(saved.id, Status.APPROVED, actor)
    inc.narrative = "quietly rewritten"
    with pytest.raises(PermissionError):
        store.save(inc, actor)


def test_a_correction_makes_a_new_version_with_its_reason_and_keeps_the_old_one(store, people):
    inc = approved(store, people)
    fixed = store.get(inc.id)
    fixed.agents[0].badge = "ERO-9999"
    corrected = correct_approved(store, inc.id, fixed, "Badge misread; confirmed from footage", people["sgt"])
    assert corrected.status == Status.APPROVED and corrected.agents[0].badge == "ERO-9999"
    kept = versions(store, inc.id)
    assert [(v.kind, v.record_version) for v in kept] == [("approved", inc.version), ("correction", inc.version + 1)]
    assert kept[0].incident.agents[0].badge == "ERO-4471"
    assert kept[1].reason == "Badge misread; confirmed from footage" and kept[1].actor_star == "2231"


def test_a_correction_needs_a_reason(store, people):
    inc = approved(store, people)
    with pytest.raises(WorkflowError):
        correct_approved(store, inc.id, store.get(inc.id), "  ", people["sgt"])
    assert len(versions(store, inc.id)) == 1
