"""A one-page receipt for the reporting party, in their preferred language (texts in resources/receipts/).

Only the report number, district and date: nothing internal (no narrative, agents, evidence, names).
"""

from __future__ import annotations

import io
import json
from datetime import datetime
from functools import cache

from reportlab.platypus import ListFlowable, ListItem, SimpleDocTemplate, Spacer

from ..domain.records import Incident
from ..paths import MissingResource, resource_path, shipped_file
from .packet import fixed_timestamp
from .packet_styles import MARGIN, PAGE, para, when
from .text import clean, register_fonts

DEFAULT_LANGUAGE = "en"


def available_languages() -> list[str]:
    """The receipt's languages. English is always shipped: without it the installation is broken (a
    MissingResource naming the file), never "no such language" blamed on the user."""
    languages = sorted(p.stem for p in resource_path("receipts").glob("*.json"))
    if DEFAULT_LANGUAGE not in languages:
        raise MissingResource(resource_path("receipts", f"{DEFAULT_LANGUAGE}.json"))
    return languages


@cache
def receipt_texts(lang: str) -> dict:
    return json.loads(shipped_file("receipts", f"{lang}.json").read_text(encoding="utf-8"))


def receipt_language(incident: Incident, requested: str | None = None) -> str:
    """The requested language, else the reporting party's, else English when we have no translation."""
    langs = available_languages()
    for candidate in (requested, incident.reporting_party.preferred_language if incident.reporting_party else None):
        if candidate and candidate.lower()[:2] in langs:
            return candidate.lower()[:2]
    return DEFAULT_LANGUAGE


def build_receipt(incident: Incident, generated_at: datetime, lang: str | None = None) -> bytes:
    register_fonts()
    t = receipt_texts(receipt_language(incident, lang))
    number = incident.report_number or "-"
    district = f"{incident.district:03d}" if incident.district is not None else "-"
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=PAGE, leftMargin=MARGIN * 1.5, rightMargin=MARGIN * 1.5,
                            topMargin=MARGIN * 1.5, bottomMargin=MARGIN, invariant=1, title=clean(t["title"]),
                            subject=f"{t['report_number']} {clean(number)}", author="Chicago Police Department",
                            creator="Intake")
    story = [
        para(t["title"], "h1"), para(t["intro"]), Spacer(1, 12),
        para(f"{t['report_number']}: {number}", "h2"),
        # The case report's RD number, once CPD has issued it: what the reporting party can also ask about.
        *([para(f"{t.get('rd_number', 'RD number')}: {incident.cpd_rd_number}")] if incident.cpd_rd_number else []),
        para(f"{t['district']}: {district}"),
        para(f"{t['date_received']}: {when(generated_at, incident.timezone)}"),
        Spacer(1, 8), para(t["next_heading"], "h2"),
        ListFlowable([ListItem(para(item), leftIndent=14) for item in t["next_items"]], bulletType="bullet",
                     start="•", leftIndent=14),
        para(t["follow_heading"], "h2"),
        para(t["follow_text"].format(district=district, report_number=number)),
        para(t["privacy_heading"], "h2"), para(t["privacy_text"]),
        Spacer(1, 24), para(t["footer"], "small"),
    ]

    def first_page(canvas, _doc):
        canvas._doc._timeStamp = fixed_timestamp(generated_at)

    doc.build(story, onFirstPage=first_page)
    return buffer.getvalue()
