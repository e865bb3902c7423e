"""After the referral the reviewer records the Touhy requests sent to federal agencies for their evidence and what
became of each: every request and status change is a new version, checked by the one validator and audited field
by field; a request the validator refuses leaves the record as it was."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from intake_app.domain.enums import Agency, TouhyStatus
from intake_app.domain.problems import ValidationError
from intake_app.domain.workflow import WorkflowError
from intake_app.reports.felony_review import add_touhy_request, set_touhy_status
from intake_app.security.audit import entries_for

from ..order_story import refused_credentials_story
from .helpers import stored_and_referred

SENT = date(2026, 11, 4)


def test_a_touhy_request_is_kept_with_its_agency_what_it_asks_for_and_the_date_sent(store, actor):
    saved = stored_and_referred(store, actor, refused_credentials_story())
    add_touhy_request(store, saved.id, actor, agency=Agency.ICE_ERO, what="  Agents' body camera video  ",
                      sent_on=SENT)
    [request] = store.get(saved.id).felony_review.touhy_requests
    assert (request.agency, request.what, request.sent_on, request.status) == (
        Agency.ICE_ERO, "Agents' body camera video", SENT, TouhyStatus.PENDING)


def test_the_new_request_is_in_the_audit_trail_field_by_field(store, actor):
    saved = stored_and_referred(store, actor, refused_credentials_story())
    add_touhy_request(store, saved.id, actor, agency=Agency.CBP_BORDER_PATROL, what="Radio logs", sent_on=SENT)
    new_values = {e.field_path: e.new_value for e in entries_for(store, saved.id)}
    assert new_values["felony_review.touhy_requests[0].what"] == "Radio logs"
    assert new_values["felony_review.touhy_requests[0].agency"] == "cbp_border_patrol"


def test_a_request_that_does_not_say_what_it_asks_for_is_refused_and_nothing_is_written(store, actor):
    saved = stored_and_referred(store, actor, refused_credentials_story())
    with pytest.raises(ValidationError) as refused:
        add_touhy_request(store, saved.id, actor, agency=Agency.ICE_ERO, what="   ", sent_on=SENT)
    assert "felony_review.touhy_requests[0].what" in str(refused.value)
    after = store.get(saved.id)
    assert after.version == saved.version and after.felony_review.touhy_requests == []


def test_a_request_to_another_federal_agency_must_name_it(store, actor):
    saved = stored_and_referred(store, actor, refused_credentials_story())
    with pytest.raises(ValidationError) as refused:
        add_touhy_request(store, saved.id, actor, agency=Agency.OTHER_FEDERAL, what="Emails", sent_on=SENT)
    assert "felony_review.touhy_requests[0].agency_name" in str(refused.value)
    named = add_touhy_request(store, saved.id, actor, agency=Agency.OTHER_FEDERAL, agency_name=" DOJ ",
                              what="Emails", sent_on=SENT)
    assert named.felony_review.touhy_requests[0].agency_name == "DOJ"


def test_a_request_sent_in_the_future_is_refused(store, actor):
    saved = stored_and_referred(store, actor, refused_credentials_story())
    with pytest.raises(ValidationError) as refused:
        add_touhy_request(store, saved.id, actor, agency=Agency.ICE_ERO, what="Video",
                          sent_on=date.today() + timedelta(days=2))
    assert "felony_review.touhy_requests[0].sent_on" in str(refused.value)
    assert store.get(saved.id).version == saved.version


def test_the_agencys_answer_changes_the_status_and_is_audited(store, actor):
    saved = stored_and_referred(store, actor, refused_credentials_story())
    with_request = add_touhy_request(store, saved.id, actor, agency=Agency.ICE_ERO, what="Video", sent_on=SENT)
    request_id = with_request.felony_review.touhy_requests[0].id
    answered = set_touhy_status(store, saved.id, actor, request_id, TouhyStatus.PARTLY_GRANTED)
    assert answered.felony_review.touhy_requests[0].status == TouhyStatus.PARTLY_GRANTED
    assert answered.version == with_request.version + 1
    changes = [(e.field_path, e.old_value, e.new_value) for e in entries_for(store, saved.id)]
    assert ("felony_review.touhy_requests[0].status", "pending", "partly_granted") in changes


def test_setting_the_status_a_request_already_has_writes_no_new_version(store, actor):
    saved = stored_and_referred(store, actor, refused_credentials_story())
    with_request = add_touhy_request(store, saved.id, actor, agency=Agency.ICE_ERO, what="Video", sent_on=SENT)
    same = set_touhy_status(store, saved.id, actor, with_request.felony_review.touhy_requests[0].id,
                            TouhyStatus.PENDING)
    assert same.version == with_request.version


def test_a_status_for_a_request_the_record_does_not_have_is_refused(store, actor):
    saved = stored_and_referred(store, actor, refused_credentials_story())
    with pytest.raises(WorkflowError, match="felony_review.touhy_requests: no request"):
        set_touhy_status(store, saved.id, actor, "no-such-request", TouhyStatus.GRANTED)


def test_only_a_referred_incident_takes_touhy_requests(store, actor):
    draft = store.save(refused_credentials_story(), actor)
    with pytest.raises(WorkflowError, match="after the referral to CCSAO"):
        add_touhy_request(store, draft.id, actor, agency=Agency.ICE_ERO, what="Video", sent_on=SENT)
