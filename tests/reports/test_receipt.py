"""The reporting party gets a one-page receipt in their language, with nothing internal on it."""

from __future__ import annotations

import io

from pypdf import PdfReader

from intake_app.domain.records import ReportingParty
from intake_app.reports.receipt import build_receipt

from .helpers import GENERATED, incident_with


def _text(pdf: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(pdf))
    return len(reader.pages), "\n".join(p.extract_text() for p in reader.pages)


def test_a_spanish_speaker_gets_the_receipt_in_spanish():
    pages, text = _text(build_receipt(incident_with(), GENERATED))  # the factory's party prefers "es"
    assert pages == 1
    assert "Número de denuncia: D009-2026-K7Q-00042" in text
    assert "Qué pasa ahora" in text and "Cómo dar seguimiento" in text


def test_english_is_used_when_asked_for():
    pages, text = _text(build_receipt(incident_with(), GENERATED, "en"))
    assert pages == 1 and "What happens next" in text and "Report number: D009-2026-K7Q-00042" in text


def test_a_language_without_a_translation_falls_back_to_english():
    inc = incident_with(reporting_party=ReportingParty("X", "", "pl", False, True))
    assert "How to follow up" in _text(build_receipt(inc, GENERATED))[1]


def test_the_receipt_holds_no_internal_details():
    inc = incident_with(agents=2)
    _, text = _text(build_receipt(inc, GENERATED))
    for secret in (inc.narrative[:30], inc.agents[0].badge, inc.agents[0].vehicle.plate, inc.footage[0].sha256,
                   inc.supervisor.name, inc.reporting_party.name, inc.reporting_party.phone,
                   inc.reporting_party.address):
        assert secret not in text


def test_the_receipt_gives_the_cpd_case_report_number_once_issued():
    inc = incident_with()
    inc.cpd_rd_number = "JK123456"
    assert "Número del informe de caso de CPD (RD): JK123456" in _text(build_receipt(inc, GENERATED))[1]
    assert "RD" not in _text(build_receipt(incident_with(), GENERATED, "en"))[1]
