"""The order's story end to end through the server: a district 10 station records the refused credential check,
the injury and the flagged video, refers the felony; the prosecutor's decline and the misdemeanor path are
recorded later; headquarters sees all of it."""

from __future__ import annotations

from datetime import date

from intake_app.domain.actor import Actor
from intake_app.domain.enums import CredentialCheck, FlagReason, ReviewDecision, Status
from intake_app.domain.records import ApprovedCharge
from intake_app.reports.felony_review import record_decision
from intake_app.security.audit import entries_for
from intake_app.storage.queries import IncidentFilter
from intake_app.sync.engine import sync_once

from ..order_story import refused_credentials_story

ACTOR = Actor("Sgt. Maria Test", "2231")


def test_the_decline_and_the_misdemeanor_path_reach_headquarters(make_device, admin):
    station = make_device("ogden", district=10)
    hq = make_device("hq", headquarters=True)
    saved = station.save(refused_credentials_story(), ACTOR)
    for to in (Status.IN_REVIEW, Status.APPROVED, Status.REFERRED):
        saved = station.change_status(saved.id, to, ACTOR)
    assert sync_once(station).ok

    record_decision(station, saved.id, ACTOR, ReviewDecision.DECLINED, decided_on=date(2026, 11, 4),
                    asa_name="ASA Jane Prosecutor", asa_unit="Felony Review Unit", reference="FR-26-1187",
                    comment="Federal immunity not overcome on the present evidence")
    record_decision(station, saved.id, ACTOR, ReviewDecision.MISDEMEANOR, decided_on=date(2026, 11, 5),
                    charges=[ApprovedCharge("720 ILCS 5/12-3", "A")])
    assert sync_once(station).ok and sync_once(hq).ok

    there = hq.get(saved.id)
    assert [s.decision for s in there.felony_review.steps] == [ReviewDecision.DECLINED, ReviewDecision.MISDEMEANOR]
    assert there.felony_review.asa_name == "ASA Jane Prosecutor"
    assert there.federal_supervisor.credential_check == CredentialCheck.REFUSED
    assert there.medical.transported_to == "Mount Sinai Hospital"
    assert there.footage[0].flag_reasons == [FlagReason.USE_OF_FORCE]
    assert (there.district, there.beat, there.cpd_rd_number) == (10, "1013", "JK123456")
    [found] = hq.list(IncidentFilter(text="JK123456"))
    assert found.id == saved.id
    [stored] = admin.sql("SELECT record_json FROM incidents WHERE id = :i", i=saved.id)
    assert '"downgraded_to_misdemeanor"' in stored.record_json


def test_each_felony_review_decision_is_in_the_audit_trail(make_device):
    station = make_device("ogden", district=10)
    saved = station.save(refused_credentials_story(), ACTOR)
    for to in (Status.IN_REVIEW, Status.APPROVED, Status.REFERRED):
        saved = station.change_status(saved.id, to, ACTOR)
    record_decision(station, saved.id, ACTOR, ReviewDecision.DECLINED, decided_on=date(2026, 11, 4),
                    asa_name="ASA Jane Prosecutor")
    changed = {e.field_path for e in entries_for(station, saved.id)}
    assert "felony_review.steps[0].decision" in changed
