"""Gathers a packet's data from the store: the record, its chain of custody, other features' sections.

The chain of custody comes from the audit trail (intake_app.security.audit).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

from ..domain.enums import Agency, FootageKind, IdentifiedBy, Preservation, Source, Status, label
from ..security import audit
from ..security.station_certificate import station_credential
from ..storage.repository import IncidentStore
from .packet_input import CUSTODY_FROM_AUDIT, CustodyRow, PacketInput, custody_from_history
from .packet_links import linked_incidents_section


def _short(value: str, limit: int = 160) -> str:
    # A narrative edit would otherwise print the whole narrative twice per change.
    return value if len(value) <= limit else value[:limit] + f"... ({len(value):,} characters)"


# The custody section in words a reader uses, rows numbered as the app's screens number them (from 1):
# "Footage 2, evidence id: - -> EVD-7", "Status changed", "Draft -> In review"; never footage[1].evidence_id.
_ROW_PATH = re.compile(r"^(agents|footage|violations)\[(\d+)\]\.?(.*)$")
_ROW_WORDS = {"agents": "Agent", "footage": "Footage", "violations": "Violation"}
_ACTION_WORDS = {"create": "Created", "update": "Changed", "status": "Status changed", "import": "Imported",
                 "delete": "Deleted", "print": "Printed", "packet": "Packet", "export": "Exported", "sync": "Synced",
                 "receipt": "Receipt", "baseline": "Audit trail started"}
_CODED = {"status": Status, "preservation_status": Preservation, "kind": FootageKind, "agency": Agency,
          "source": Source, "identified_by": IdentifiedBy}


def field_words(path: str) -> str:
    match = _ROW_PATH.match(path)
    head, rest = (f"{_ROW_WORDS[match.group(1)]} {int(match.group(2)) + 1}", match.group(3)) if match else ("", path)
    rest = rest.replace(".", " ").replace("_", " ").strip()
    return ", ".join(part for part in (head, rest) if part)


def value_words(path: str, value: str) -> str:
    kind = _CODED.get(path.rsplit(".", 1)[-1])
    if kind is not None and value:
        try:
            return label(kind(value))
        except ValueError:
            return value
    return value


def _custody_rows(entries) -> list[CustodyRow]:
    rows = []
    for e in entries:
        if e.field_path:
            old = _short(value_words(e.field_path, e.old_value)) or "-"
            new = _short(value_words(e.field_path, e.new_value)) or "-"
            detail = f"{field_words(e.field_path)}: {old} -> {new}"
        else:
            detail = _short(e.new_value or e.old_value)
        action = _ACTION_WORDS.get(e.action, e.action.replace("_", " ").capitalize())
        rows.append(CustodyRow(e.at, f"{e.actor_name} (star {e.actor_star})", action, detail))
    return rows


def packet_input(store: IncidentStore, ref: str, generated_at: datetime | None = None) -> PacketInput:
    incident = store.get(ref)
    data = PacketInput(incident, generated_at or datetime.now(UTC).replace(microsecond=0),
                       custody=custody_from_history(incident), catalogue=store.catalogue)
    data.custody = _custody_rows(audit.entries_for(store, incident.id))
    data.chain_length = audit.chain_length(store)
    data.chain_head = audit.hash_at(store, data.chain_length) if data.chain_length else ""
    data.custody_source = CUSTODY_FROM_AUDIT
    # Read now; the builder numbers and lays it out.
    data.extra_sections = [linked_incidents_section(store, incident.id)]
    data.signing = station_signing(store)
    return data


def station_signing(store: IncidentStore):
    """The station's certificate and configured TSA, for signing its packets (reports/packet_signing.py)."""
    from ..security import timestamps
    from .packet_signing import PacketSigning

    tsa = timestamps.config(store)
    return PacketSigning(station_credential(store), timestamps.HttpTimeStamper(tsa.url) if tsa.url else None,
                         tsa.url)


def record_action(store: IncidentStore, incident_id: str, action: str, actor, detail: str = "") -> bool:
    """Records printing/saving in the audit trail."""
    audit.record_action(store, incident_id, action, actor, detail)
    return True
