"""The referral packet itself (issue 6's PDF, built from the store) lists the confirmed linked incident."""

import io

from pypdf import PdfReader

from intake_app.domain.matching import AGENT_LINK, CONFIRMED
from intake_app.reports.packet import build_packet
from intake_app.reports.packet_source import packet_input
from intake_app.storage.link_decisions import decide

from .helpers import incident_at, plate_agent


def _text(pdf: bytes) -> str:
    return "".join("".join((page.extract_text() or "").split()) for page in PdfReader(io.BytesIO(pdf)).pages)


def test_the_packet_lists_the_confirmed_link_and_not_the_other_reporting_party(store, actor):
    mine = store.save(incident_at(district=9, agents=[plate_agent("ABC 1234")]), actor)
    theirs = incident_at(district=12, minutes_later=60 * 24 * 3, agents=[plate_agent("abc-1234")])
    theirs.report_number = "D012-2026-M3X-00007"
    theirs.reporting_party.name = "Zelda Otherstation"
    unconfirmed = incident_at(district=25, minutes_later=60 * 24 * 9, agents=[plate_agent("ABC l234")])
    unconfirmed.report_number = "D025-2026-P8R-00101"
    store.import_incidents([theirs, unconfirmed], actor)
    decide(store, mine.id, theirs.report_number, AGENT_LINK, CONFIRMED, actor)

    text = _text(build_packet(packet_input(store, mine.id)))

    assert "Linkedincidents" in text
    assert "D012-2026-M3X-00007" in text and "plateabc-1234(IL)" in text
    assert "D025-2026-P8R-00101" not in text
    assert "ZeldaOtherstation" not in text
