"""Everything a packet is made from, as plain data: the builder never touches the store."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from ..domain.records import Incident

CUSTODY_FROM_AUDIT = "audit trail"
CUSTODY_FROM_HISTORY = "status history (the audit trail is not available in this installation)"


@dataclass(frozen=True)
class CustodyRow:
    at: datetime
    who: str  # name and star
    action: str
    detail: str = ""


@dataclass
class PacketInput:
    incident: Incident
    generated_at: datetime  # an input, so the same record and settings give the same bytes
    custody: list[CustodyRow] = field(default_factory=list)
    chain_head: str = ""
    custody_source: str = CUSTODY_FROM_HISTORY
    # Other features' sections (e.g. linked incidents), placed before the attestation: each is given its
    # section number and returns its flowables, so numbering follows whichever features are installed.
    extra_sections: list[Callable[[int], list]] = field(default_factory=list)
    # The station's signature (reports/packet_signing.PacketSigning); None = an unsigned packet.
    signing: object | None = None


def custody_from_history(incident: Incident) -> list[CustodyRow]:
    """The fallback chain of custody: who moved the record between statuses, and when."""
    return [
        CustodyRow(h.at, f"{h.by_name} (star {h.by_star})", f"status {h.from_status.value} -> {h.to_status.value}",
                   h.comment)
        for h in incident.history
    ]
