"""Building packets of synthetic records and reading them back as a reader of the paper would."""

from __future__ import annotations

import hashlib
import io
import unicodedata
from datetime import UTC, datetime

from pypdf import PdfReader

from intake_app.domain.enums import Status
from intake_app.reports.packet import build_packet
from intake_app.reports.packet_input import PacketInput

from ..factories import make_incident

GENERATED = datetime(2026, 11, 25, 8, 0, tzinfo=UTC)


def unsaved(agents: int = 3, footage: int = 5, **overrides):
    """A complete record not yet in any store, with evidence ids and footage hashes."""
    inc = make_incident(agents=agents, footage=footage, **overrides)
    for i, item in enumerate(inc.footage):
        item.evidence_id = f"EVD-2026-{i:06d}"
        item.sha256 = hashlib.sha256(f"footage {i}".encode()).hexdigest()
    return inc


def incident_with(agents: int = 3, footage: int = 5, **overrides):
    """As if stored: report number and version set."""
    inc = unsaved(agents, footage, **overrides)
    inc.report_number = inc.report_number or "D009-2026-K7Q-00042"
    inc.version = inc.version or 3
    return inc


def stored_and_referred(store, actor, inc):
    """`inc` saved, then submitted, approved and referred by `actor`: three status changes in the store."""
    saved = store.save(inc, actor)
    for to in (Status.IN_REVIEW, Status.APPROVED, Status.REFERRED):
        saved = store.change_status(saved.id, to, actor)
    return saved


def packet_pdf(inc, **kwargs) -> bytes:
    return build_packet(PacketInput(inc, kwargs.pop("generated_at", GENERATED), **kwargs))


def page_texts(pdf: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages]


def flat(text: str) -> str:
    """Text without line breaks or spaces (table cells wrap), Arabic presentation forms folded."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def packet_text(pdf: bytes) -> str:
    """Every page of the packet as one `flat` text, for what may be printed on any page."""
    return flat("\n".join(page_texts(pdf)))
