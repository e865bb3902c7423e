"""A prosecutor reads what the order asks CPD to record: the RD and OEMC numbers on the cover, the refused
credential check, the injury and the hospital, the flagged video, and later the felony review's decisions."""

from __future__ import annotations

from datetime import date

from intake_app.domain.actor import Actor
from intake_app.domain.enums import Agency, ReviewDecision, Status
from intake_app.domain.records import ApprovedCharge, TouhyRequest, Violation
from intake_app.domain.workflow import record_review_step, transition

from ..order_story import refused_credentials_story
from .helpers import flat, packet_pdf, page_texts

REVIEWER = Actor("Lt. Ray Review", "1187")


def story():
    inc = refused_credentials_story()
    inc.report_number, inc.version = "D010-2026-K7Q-00042", 3
    return inc


def referred_and_reviewed():
    inc = story()
    for to in (Status.IN_REVIEW, Status.APPROVED, Status.REFERRED):
        inc = transition(inc, to, REVIEWER)
    inc = record_review_step(inc, ReviewDecision.DECLINED, REVIEWER, decided_on=date(2026, 11, 4),
                             asa_name="ASA Jane Prosecutor", asa_unit="Felony Review Unit", reference="FR-26-1187")
    inc = record_review_step(inc, ReviewDecision.MISDEMEANOR, REVIEWER, decided_on=date(2026, 11, 5),
                             charges=[ApprovedCharge("720 ILCS 5/12-3", "A")])
    inc.felony_review.touhy_requests.append(TouhyRequest(agency=Agency.ICE_ERO, what="Agents' body camera video",
                                                         sent_on=date(2026, 11, 6)))
    return inc


def test_the_cover_shows_the_rd_and_oemc_numbers():
    cover = flat(page_texts(packet_pdf(story()))[0])
    assert "CPDRDnumberJK123456" in cover and "OEMCeventnumber2630604512" in cover


def test_the_packet_shows_the_refused_check_the_injury_and_the_flagged_video():
    text = flat("\n".join(page_texts(packet_pdf(story()))))
    assert "CredentialcheckRefused" in text and "footageitem1" in text
    assert "TransportedtoMountSinaiHospital" in text and "Lacerationtotheforehead" in text
    assert "flagged2026-11-02:useofforce" in text and "holdformCPD-65.224" in text
    assert "RefusedtoidentifyYes" in text and "BodycamerawornNo" in text
    assert "720ILCS5/12-3.05(a)(1)" in text


def test_the_felony_review_section_shows_each_decision_and_the_touhy_requests():
    text = flat("\n".join(page_texts(packet_pdf(referred_and_reviewed()))))
    assert "5.Felonyreview" in text and "6.Attestationandsignatures" in text
    assert "ASAJaneProsecutor,FelonyReviewUnit" in text and "FR-26-1187" in text
    assert "Felonychargesdeclined" in text and "Downgradedtomisdemeanor" in text
    assert "720ILCS5/12-3(ClassAmisdemeanor)" in text and "Agents'bodycameravideo" in text


def test_a_packet_without_a_felony_review_has_no_such_section():
    assert "Felonyreview" not in flat("\n".join(page_texts(packet_pdf(story()))))


def test_an_offences_applicability_note_is_printed_beside_it():
    inc = story()
    inc.violations.append(Violation(statute="720 ILCS 5/24-1.5", offence_class="4", agent_ids=[inc.agents[0].id]))
    text = flat("\n".join(page_texts(packet_pdf(inc))))
    assert "Doesnotapplytoapeaceofficerperformingofficialduties" in text
