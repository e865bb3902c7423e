"""A prosecutor reads what the order asks CPD to record: the RD and OEMC numbers on the cover, the refused
credential check, the injury and the hospital, the flagged video, and later the felony review's decisions."""

from __future__ import annotations

from datetime import date

import pytest

from intake_app.domain.actor import Actor
from intake_app.domain.enums import Agency, ReviewDecision, Status
from intake_app.domain.records import ApprovedCharge, TouhyRequest, Violation
from intake_app.domain.workflow import record_review_step, transition

from ..order_story import refused_credentials_story
from .helpers import flat, packet_pdf, packet_text, page_texts

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


@pytest.mark.parametrize(("record", "printed"), [
    pytest.param(story, ("CredentialcheckRefused", "footageitem1",
                         "TransportedtoMountSinaiHospital", "Lacerationtotheforehead",
                         "flagged2026-11-02:useofforce", "holdformCPD-65.224",
                         "RefusedtoidentifyYes", "BodycamerawornNo",
                         "720ILCS5/12-3.05(a)(1)"),
                 id="the refused check, the injury and the flagged video"),
    pytest.param(referred_and_reviewed, ("5.Felonyreview", "6.Attestationandsignatures",
                                         "ASAJaneProsecutor,FelonyReviewUnit", "FR-26-1187",
                                         "Felonychargesdeclined", "Downgradedtomisdemeanor",
                                         "720ILCS5/12-3(ClassAmisdemeanor)", "Agents'bodycameravideo"),
                 id="each felony review decision and the Touhy requests"),
])
def test_the_packet_prints_what_the_order_asks_for(record, printed):
    text = packet_text(packet_pdf(record()))
    assert [words for words in printed if words not in text] == []  # a failure names all that is missing


def test_a_packet_without_a_felony_review_has_no_such_section():
    assert "Felonyreview" not in packet_text(packet_pdf(story()))


def test_an_offences_applicability_note_is_printed_beside_it():
    inc = story()
    inc.violations.append(Violation(statute="720 ILCS 5/24-1.5", offence_class="4", agent_ids=[inc.agents[0].id]))
    text = packet_text(packet_pdf(inc))
    assert "Doesnotapplytoapeaceofficerperformingofficialduties" in text
