"""A prosecutor reads the packet: every section, agent and footage item, exactly as typed."""

from __future__ import annotations

import io

from pypdf import PdfReader

from intake_app.domain.records import ReportingParty
from intake_app.reports.packet_input import CustodyRow, PacketInput
from intake_app.reports.packet_sections import SECTION_TITLES, TITLE

from .helpers import GENERATED, flat, incident_with, packet_pdf, packet_text, page_texts


def test_the_packet_has_the_cover_and_every_section():
    text = packet_text(packet_pdf(incident_with()))
    for title in (TITLE, "Synopsis", "Offencesalleged", *SECTION_TITLES):
        assert flat(title) in text, title
    assert "720ILCS5/12-3.05" in text and "Aggravatedbattery" in text and "Class3felony" in text
    assert "D009-2026-K7Q-00042" in text


def test_every_agent_and_every_footage_item_is_listed_with_its_hash():
    inc = incident_with(agents=12, footage=40)
    text = packet_text(packet_pdf(inc))
    for agent in inc.agents:
        assert agent.badge in text
    for item in inc.footage:
        assert item.evidence_id in text
        assert item.device_id in text
        assert item.sha256 in text


def test_the_footage_header_is_repeated_on_every_page_the_table_spans():
    inc = incident_with(agents=1, footage=60)
    pages = [flat(p) for p in page_texts(packet_pdf(inc))]
    with_footage = [p for p in pages if any(f.sha256 in p for f in inc.footage)]
    assert len(with_footage) >= 2
    for page in with_footage:
        assert "Evidenceid" in page and "SHA-256" in page and "Preservation" in page


def test_markup_and_control_characters_in_a_narrative_print_exactly_as_typed():
    typed = "He said <b>stop</b> & left <para> \"quoted\" 'single' 0.1 <A <0.9 <font size=40>big</font>"
    inc = incident_with(narrative=typed + "\x07bell")
    text = "\n".join(page_texts(packet_pdf(inc)))
    assert typed in text
    assert "[U+0007]bell" in text


def test_markup_in_names_and_plates_prints_literally():
    inc = incident_with(agents=1)
    inc.agents[0].name = "<i>Doe</i> & Sons"
    inc.agents[0].vehicle.plate = "<br/>X1"
    text = "\n".join(page_texts(packet_pdf(inc)))
    assert "<i>Doe</i> & Sons" in text
    assert "plate <br/>X1" in text


def test_names_in_the_scripts_of_chicago_are_in_the_text():
    names = ["José Martínez Peña", "Łukasz Żółć-Wąsik", "Nguyễn Thị Hằng", "Иван Петрович Сидоров", "李小龙", "王秀英",
             "محمد الأحمد"]
    inc = incident_with(agents=len(names))
    for agent, name in zip(inc.agents, names, strict=True):
        agent.name = name
    text = packet_text(packet_pdf(inc))
    for name in names:
        for word in name.split():  # Arabic reads right to left, so words come back in visual order
            assert flat(word) in text, word


def test_page_x_of_y_is_right_on_every_page():
    pages = page_texts(packet_pdf(incident_with(agents=10, footage=50, narrative="Long narrative. " * 1500)))
    assert len(pages) >= 6
    for number, page in enumerate(pages, 1):
        assert f"Page {number} of {len(pages)}" in page
        assert "CONFIDENTIAL" in page
        assert "D009-2026-K7Q-00042" in page
        assert "Generated 2026-11-25 02:00 CST" in page


def test_a_confidential_reporting_party_is_not_in_the_packet():
    inc = incident_with(reporting_party=ReportingParty("Rosa Confidencial", "773-555-0199", "es", True, True,
                                                       "4410 S Hiddenway Ave"))
    text = "\n".join(page_texts(packet_pdf(inc)))
    assert "Rosa" not in text and "Confidencial" not in text and "773-555-0199" not in text
    assert "Hiddenway" not in text
    assert "Withheld" in text


def test_a_reporting_party_who_may_be_named_is_in_the_packet():
    inc = incident_with(reporting_party=ReportingParty("Rosa Abierta", "773-555-0199", "es", True, False,
                                                       "4410 S Openway Ave"))
    text = "\n".join(page_texts(packet_pdf(inc)))
    assert "Rosa Abierta" in text and "773-555-0199" in text and "4410 S Openway Ave" in text


def test_the_same_record_and_time_give_the_same_bytes():
    inc = incident_with(agents=4, footage=8)
    assert packet_pdf(inc) == packet_pdf(inc)


def test_metadata_names_the_packet_and_the_generation_time():
    reader = PdfReader(io.BytesIO(packet_pdf(incident_with())))
    meta = reader.metadata
    assert meta.title == "Referral packet D009-2026-K7Q-00042"
    assert meta.subject == TITLE
    assert meta.author == "Sgt. Maria Test"
    assert meta.creation_date.replace(tzinfo=None) == GENERATED.replace(tzinfo=None)


def test_the_chain_of_custody_lists_its_rows_and_the_head_hash():
    inc = incident_with()
    rows = [CustodyRow(GENERATED, "Sgt. Maria Test (star 2231)", "status", "status: draft -> in_review")]
    pdf = packet_pdf(inc, custody=rows, chain_head="f" * 64, custody_source="audit trail")
    text = packet_text(pdf)
    assert "status:draft->in_review" in text and "f" * 64 in text and "Source:audittrail" in text


def test_a_long_narrative_flows_across_pages():
    inc = incident_with(narrative=("Paragraph of the narrative. " * 40 + "\n\n") * 30 + "THE END")
    pages = page_texts(build := packet_pdf(inc))
    assert len(pages) >= 5 and build
    assert "THE END" in "\n".join(pages)


def test_the_packet_input_takes_data_not_the_store():
    data = PacketInput(incident_with(), GENERATED)
    assert data.custody == [] and data.chain_head == ""


def test_the_cover_shows_when_the_referral_was_sent_and_the_ccsao_reference():
    inc = incident_with(referral_sent_at=GENERATED, ccsao_reference="CCSAO-2026-0042")
    cover = page_texts(packet_pdf(inc))[0]
    assert "Referral sent" in cover and "CCSAO-2026-0042" in cover


def test_a_demo_record_is_marked_as_demo_data_on_the_cover():
    assert "DEMO DATA" in page_texts(packet_pdf(incident_with(is_demo=True)))[0]
    assert "DEMO DATA" not in page_texts(packet_pdf(incident_with()))[0]


def test_a_record_received_with_its_identity_sealed_prints_it_as_sealed():
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    from intake_app.domain.interchange import from_dict, to_dict
    from intake_app.security.sealing import seal_record

    inc = incident_with(reporting_party=ReportingParty("Rosa Abierta", "773-555-0199", "es", True, False,
                                                       "4410 S Openway Ave"))
    received = from_dict(seal_record(to_dict(inc), [X25519PrivateKey.generate().public_key()]))
    text = "\n".join(page_texts(packet_pdf(received)))
    assert "Rosa" not in text and "773-555-0199" not in text and "Openway" not in text
    assert "Sealed: the reporting party" in text
