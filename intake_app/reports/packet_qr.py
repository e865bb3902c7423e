"""What the packet's QR code says: which record, which version, and the SHA-256 of its canonical JSON; and how
long the store's audit chain was when the packet was made, with the hash of its entry at that length, so a
chain cut back afterwards (its newest entries removed) shows when the packet is checked.

The same text is written into the PDF's keywords, so a reader can check paper and file against the store.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from ..domain.interchange import canonical_json
from ..domain.records import Incident

PREFIX = "INTAKE-PACKET/1"
_PATTERN = re.compile(r"INTAKE-PACKET/1 id=(?P<id>[0-9a-f-]{36}) v=(?P<version>\d+) sha256=(?P<sha>[0-9a-f]{64})"
                      r"(?: audit=(?P<entries>\d{1,18}):(?P<head>[0-9a-f]{64}))?")


@dataclass(frozen=True)
class PacketStamp:
    incident_id: str
    version: int
    sha256: str
    # The audit chain when the packet was made: its length and the hash of its entry at that length
    # (none from an installation without an audit trail, or a packet printed before stamps carried it).
    audit_entries: int | None = None
    audit_head: str = ""

    def text(self) -> str:
        text = f"{PREFIX} id={self.incident_id} v={self.version} sha256={self.sha256}"
        if self.audit_entries is not None and self.audit_head:
            text += f" audit={self.audit_entries}:{self.audit_head}"
        return text


def record_sha256(inc: Incident) -> str:
    return hashlib.sha256(canonical_json(inc)).hexdigest()


def stamp_for(inc: Incident, *, audit_entries: int = 0, audit_head: str = "") -> PacketStamp:
    if audit_entries and audit_head:
        return PacketStamp(inc.id, inc.version, record_sha256(inc), audit_entries, audit_head)
    return PacketStamp(inc.id, inc.version, record_sha256(inc))


def parse_stamp(text: str) -> PacketStamp | None:
    match = _PATTERN.search(text or "")
    if not match:
        return None
    if match["entries"] is not None:
        return PacketStamp(match["id"], int(match["version"]), match["sha"], int(match["entries"]), match["head"])
    return PacketStamp(match["id"], int(match["version"]), match["sha"])
