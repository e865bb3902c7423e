"""Only allowed status changes happen, and each records who and when."""

import pytest

from intake_app.domain.actor import Actor
from intake_app.domain.enums import Status
from intake_app.domain.problems import ValidationError
from intake_app.domain.workflow import WorkflowError, transition

from ..factories import make_incident

SGT = Actor("Sgt. Maria Test", "2231")
LT = Actor("Lt. Ray Review", "501")


def test_submitting_a_complete_draft_records_who_and_when():
    moved = transition(make_incident(), Status.IN_REVIEW, SGT)
    assert moved.status == Status.IN_REVIEW
    [step] = moved.history
    assert (step.from_status, step.to_status, step.by_name, step.by_star) == (Status.DRAFT, Status.IN_REVIEW, SGT.name, SGT.star)
    assert step.at.tzinfo is not None


def test_an_incomplete_draft_cannot_be_submitted():
    with pytest.raises(ValidationError) as err:
        transition(make_incident(beat=""), Status.IN_REVIEW, SGT)
    assert [p.path for p in err.value.problems] == ["beat"]


def test_a_draft_cannot_jump_to_approved():
    with pytest.raises(WorkflowError):
        transition(make_incident(), Status.APPROVED, LT)


def test_returning_for_correction_needs_a_comment():
    in_review = transition(make_incident(), Status.IN_REVIEW, SGT)
    with pytest.raises(WorkflowError, match="comment"):
        transition(in_review, Status.DRAFT, LT)
    returned = transition(in_review, Status.DRAFT, LT, comment="Add the plate state")
    assert returned.history[-1].comment == "Add the plate state"


def test_only_felonies_are_referred_and_only_non_felonies_recorded():
    approved = transition(transition(make_incident(felony=True), Status.IN_REVIEW, SGT), Status.APPROVED, LT)
    assert transition(approved, Status.REFERRED, LT).status == Status.REFERRED
    with pytest.raises(WorkflowError, match="felony"):
        transition(approved, Status.RECORDED, LT)
    misdemeanour = transition(transition(make_incident(felony=False), Status.IN_REVIEW, SGT), Status.APPROVED, LT)
    with pytest.raises(WorkflowError, match="felony"):
        transition(misdemeanour, Status.REFERRED, LT)
    assert transition(misdemeanour, Status.RECORDED, LT).status == Status.RECORDED


def test_a_closed_incident_goes_nowhere():
    inc = make_incident(status=Status.CLOSED)
    for to in Status:
        with pytest.raises(WorkflowError):
            transition(inc, to, LT, comment="reopen")
