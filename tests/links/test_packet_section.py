"""The packet's "Linked incidents" section lists confirmed links only, and no other reporting party."""

from pypdf import PdfReader
from reportlab.lib.pagesizes import letter
from reportlab.platypus import SimpleDocTemplate

from intake_app.domain.matching import AGENT_LINK, CONFIRMED, REJECTED
from intake_app.reports.packet_links import linked_incidents_flowables
from intake_app.storage.links.decisions import decide

from .helpers import incident_at, plate_agent, plate_seen_in_three_districts


def _pdf_text(tmp_path, flowables) -> str:
    path = tmp_path / "section.pdf"
    SimpleDocTemplate(str(path), pagesize=letter).build(flowables)
    return " ".join(page.extract_text() for page in PdfReader(path).pages)


def test_a_confirmed_cross_district_link_is_printed_and_a_rejected_one_is_not(store, actor, tmp_path):
    mine, theirs, rejected = plate_seen_in_three_districts(store, actor, their_reporter="Other Station Reporter")
    decide(store, mine.id, theirs.report_number, AGENT_LINK, CONFIRMED, actor)
    decide(store, mine.id, rejected.report_number, AGENT_LINK, REJECTED, actor)

    text = _pdf_text(tmp_path, linked_incidents_flowables(store, mine.id))

    assert "Linked incidents" in text
    assert "D012-2026-M3X-00007" in text and "2026-11-05" in text and "abc-1234" in text
    assert "D025-2026-P8R-00101" not in text
    assert "Other Station Reporter" not in text and "Test Reporter" not in text


def test_without_confirmed_links_the_section_says_so(store, actor, tmp_path):
    mine = store.save(incident_at(agents=[plate_agent("ABC 1234")]), actor)
    store.save(incident_at(agents=[plate_agent("ABC 1234")]), actor)  # suggested, never confirmed

    text = _pdf_text(tmp_path, linked_incidents_flowables(store, mine.id))

    assert "No linked incident has been confirmed" in text
