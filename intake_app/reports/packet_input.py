"""Everything a packet is made from, as plain data: the builder never touches the store."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from ..domain.catalogue import Catalogue, default_catalogue
from ..domain.records import Incident, ReportingParty
from .packet_qr import stamp_for

if TYPE_CHECKING:
    from .packet_signing import PacketSigning

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
    # The statute catalogue in force where the packet is made (the store's: an administrator's statutes.json
    # in the data folder wins over the shipped one), so the packet names the statutes the record was checked with.
    catalogue: Catalogue = field(default_factory=default_catalogue)
    # How many entries the audit chain had when chain_head was read (0: no audit trail): in the QR code.
    chain_length: int = 0
    # The station's signature (reports/packet_signing.PacketSigning); None = an unsigned packet.
    signing: PacketSigning | None = None
    # The reporting party of a record received sealed, opened for the signed-in reader who makes the packet
    # (sync/sealing_step.party_for_packet, audited there); None = this packet does not print it.
    opened_party: ReportingParty | None = None


def custody_from_history(incident: Incident) -> list[CustodyRow]:
    """The fallback chain of custody: who moved the record between statuses, and when."""
    return [
        CustodyRow(h.at, f"{h.by_name} (star {h.by_star})", f"status {h.from_status.value} -> {h.to_status.value}",
                   h.comment)
        for h in incident.history
    ]


def packet_stamp(data: PacketInput):
    """The stamp of the QR code and the PDF's keywords: the record, and the audit chain as it was read."""
    return stamp_for(data.incident, audit_entries=data.chain_length, audit_head=data.chain_head)
