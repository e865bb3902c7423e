"""What the packet's QR code says: which record, which version, and the SHA-256 of its canonical JSON.

The same text is written into the PDF's keywords, so a reader can check paper and file against the store.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from ..domain.interchange import canonical_json
from ..domain.records import Incident

PREFIX = "INTAKE-PACKET/1"
_PATTERN = re.compile(r"INTAKE-PACKET/1 id=(?P<id>[0-9a-f-]{36}) v=(?P<version>\d+) sha256=(?P<sha>[0-9a-f]{64})")


@dataclass(frozen=True)
class PacketStamp:
    incident_id: str
    version: int
    sha256: str

    def text(self) -> str:
        return f"{PREFIX} id={self.incident_id} v={self.version} sha256={self.sha256}"


def record_sha256(inc: Incident) -> str:
    return hashlib.sha256(canonical_json(inc)).hexdigest()


def stamp_for(inc: Incident) -> PacketStamp:
    return PacketStamp(inc.id, inc.version, record_sha256(inc))


def parse_stamp(text: str) -> PacketStamp | None:
    match = _PATTERN.search(text or "")
    if not match:
        return None
    return PacketStamp(match["id"], int(match["version"]), match["sha"])
