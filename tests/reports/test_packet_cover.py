"""The page a prosecutor reads first: what happened where and when, who, which offences and what the agents did,
what evidence exists and its state, in one page; the attestation states each item's actual state; the record
check is explained in a prosecutor's words."""

from __future__ import annotations

from intake_app.domain.enums import Preservation
from intake_app.reports.packet_sections import SECTION_TITLES

from .helpers import flat, incident_with, packet_pdf, page_texts


def cover_and_rest(inc):
    pages = page_texts(packet_pdf(inc))
    return flat(pages[0]), flat("\n".join(pages[1:]))


def test_the_cover_says_where_what_happened_who_and_what_the_agents_did():
    inc = incident_with(agents=2, footage=2)
    inc.location.address = "3510 S Michigan Ave"
    inc.narrative = "Two masked agents detained a man at the bus stop."
    inc.agents[0].badge = "E-4471"
    inc.violations[0].details = "Pushed the man to the ground and kneeled on his back."
    cover, _rest = cover_and_rest(inc)
    assert flat("Synopsis") in cover and flat("3510 S Michigan Ave") in cover
    assert flat("Two masked agents detained a man at the bus stop.") in cover
    assert flat("badge E-4471") in cover
    assert flat("Pushed the man to the ground and kneeled on his back.") in cover


def test_the_cover_states_each_evidence_item_and_its_preservation_state():
    inc = incident_with(agents=1, footage=2)
    inc.footage[0].preservation_status = Preservation.PRESERVED
    inc.footage[1].preservation_status = Preservation.REQUESTED
    inc.footage[1].evidence_id = ""
    cover, _rest = cover_and_rest(inc)
    assert flat(f"Footage 1 (Body-worn camera {inc.footage[0].device_id}): Preserved") in cover
    assert flat(f"Footage 2 (Body-worn camera {inc.footage[1].device_id}): Requested") in cover


def test_the_attestation_states_each_items_actual_state_never_preserved_as_stated():
    inc = incident_with(agents=1, footage=1)
    inc.footage[0].preservation_status = Preservation.REQUESTED
    inc.footage[0].evidence_id = ""
    _cover, rest = cover_and_rest(inc)
    attestation = rest.split(flat("Attestation and signatures"))[-1]
    assert flat("preserved as stated") not in attestation
    assert flat(f"Footage 1 (Body-worn camera {inc.footage[0].device_id}): Requested") in attestation


def test_the_cover_explains_the_record_check_in_plain_words():
    cover, _rest = cover_and_rest(incident_with())
    assert flat("Is this the record as filed?") in cover
    assert flat("If anyone changed a single word of the record after this packet was printed") in cover


def test_a_record_with_many_items_still_has_a_one_page_cover():
    inc = incident_with(agents=12, footage=40)
    pages = page_texts(packet_pdf(inc))
    assert flat("40 footage items") in flat(pages[0])
    # The record check is the cover's last block: on page 1, the cover fitted; section 1 starts page 2.
    assert flat("Is this the record as filed?") in flat(pages[0])
    assert flat(SECTION_TITLES[0]) in flat(pages[1]) and flat(SECTION_TITLES[0]) not in flat(pages[0])


def test_the_custody_section_says_each_change_in_words_numbered_from_one(store, actor):
    from intake_app.domain.enums import Status
    from intake_app.reports.packet import build_packet
    from intake_app.reports.packet_source import packet_input

    from ..factories import make_incident

    saved = store.save(make_incident(footage=2), actor)
    saved.footage[1].evidence_id = "EVD-2026-77"
    saved = store.save(saved, actor)
    store.change_status(saved.id, Status.IN_REVIEW, actor)
    text = flat(" ".join(page_texts(build_packet(packet_input(store, saved.id)))))
    assert flat("Footage 2, evidence id:") in text and flat("footage[1]") not in text
    assert flat("Status changed status: Draft -> In review") in text and flat("in_review") not in text
