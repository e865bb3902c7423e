"""The referral packet itself (the PDF built from the store) lists the confirmed linked incident."""

import io
import subprocess
import unicodedata

from pypdf import PdfReader

from intake_app.domain.matching import AGENT_LINK, CONFIRMED
from intake_app.reports.packet import build_packet
from intake_app.reports.packet_source import packet_input
from intake_app.storage.links.decisions import decide

from .helpers import incident_at, plate_seen_in_three_districts, unique_agent


def _text(pdf: bytes) -> str:
    return "".join("".join((page.extract_text() or "").split()) for page in PdfReader(io.BytesIO(pdf)).pages)


def test_the_packet_lists_the_confirmed_link_and_not_the_other_reporting_party(store, actor):
    mine, theirs, _ = plate_seen_in_three_districts(store, actor, their_reporter="Zelda Otherstation")
    decide(store, mine.id, theirs.report_number, AGENT_LINK, CONFIRMED, actor)

    text = _text(build_packet(packet_input(store, mine.id)))

    assert "Linkedincidents" in text
    assert "D012-2026-M3X-00007" in text and "plateabc-1234(IL)" in text
    assert "D025-2026-P8R-00101" not in text
    assert "ZeldaOtherstation" not in text


def _pdftotext(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "packet.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def test_shared_names_in_chinese_and_arabic_print_in_their_script_under_a_numbered_heading(store, actor, tmp_path):
    mine = store.save(incident_at(district=9, agents=[unique_agent(name="李小龙"), unique_agent(name="محمد الأحمد")]),
                      actor)
    chinese = incident_at(district=12, minutes_later=60 * 24 * 3, agents=[unique_agent(name="李小龙")])
    chinese.report_number = "D012-2026-M3X-00008"
    arabic = incident_at(district=25, minutes_later=60 * 24 * 5, agents=[unique_agent(name="محمد الأحمد")])
    arabic.report_number = "D025-2026-P8R-00102"
    store.import_incidents([chinese, arabic], actor)
    decide(store, mine.id, chinese.report_number, AGENT_LINK, CONFIRMED, actor)
    decide(store, mine.id, arabic.report_number, AGENT_LINK, CONFIRMED, actor)

    pdf = build_packet(packet_input(store, mine.id))
    text = unicodedata.normalize("NFKC", _pdftotext(pdf, tmp_path))
    flat = "".join(text.split())

    assert "5. Linked incidents" in text and "6. Attestation and signatures" in text
    assert "name李小龙" in flat  # the CJK font's glyphs, not boxes
    assert "محمد" in text and "الأحمد" in text  # shaped and ordered so extraction gives the typed words
    assert "D012-2026-M3X-00008" in flat and "D025-2026-P8R-00102" in flat
