"""Gathers a packet's data from the store: the record, its chain of custody, other features' sections.

The chain of custody comes from the audit trail (intake_app.security.audit) when that module is installed,
otherwise from the record's status history, and the packet says which.
"""

from __future__ import annotations

import importlib
from datetime import UTC, datetime

from ..storage.repository import IncidentStore
from .packet_input import CUSTODY_FROM_AUDIT, CustodyRow, PacketInput, custody_from_history


def _audit_module():
    try:
        return importlib.import_module("intake_app.security.audit")
    except ImportError:
        return None


def _short(value: str, limit: int = 160) -> str:
    # A narrative edit would otherwise print the whole narrative twice per change.
    return value if len(value) <= limit else value[:limit] + f"... ({len(value):,} characters)"


def _custody_rows(entries) -> list[CustodyRow]:
    rows = []
    for e in entries:
        if e.field_path:
            detail = f"{e.field_path}: {_short(e.old_value) or '-'} -> {_short(e.new_value) or '-'}"
        else:
            detail = _short(e.new_value or e.old_value)
        rows.append(CustodyRow(e.at, f"{e.actor_name} (star {e.actor_star})", e.action, detail))
    return rows


def _linked_sections(store: IncidentStore, incident_id: str) -> list:
    try:
        from .packet_links import linked_incidents_section
    except ImportError:
        return []
    return [linked_incidents_section(store, incident_id)]  # read now; the builder numbers and lays it out


def packet_input(store: IncidentStore, ref: str, generated_at: datetime | None = None) -> PacketInput:
    incident = store.get(ref)
    data = PacketInput(incident, generated_at or datetime.now(UTC).replace(microsecond=0),
                       custody=custody_from_history(incident), catalogue=store.catalogue)
    audit = _audit_module()
    if audit is not None:
        data.custody = _custody_rows(audit.entries_for(store, incident.id))
        data.chain_length = audit.chain_length(store)
        data.chain_head = audit.hash_at(store, data.chain_length) if data.chain_length else ""
        data.custody_source = CUSTODY_FROM_AUDIT
    data.extra_sections = _linked_sections(store, incident.id)
    return data


def record_action(store: IncidentStore, incident_id: str, action: str, actor, detail: str = "") -> bool:
    """Records printing/saving in the audit trail; False when the audit module is not installed."""
    audit = _audit_module()
    if audit is None:
        return False
    audit.record_action(store, incident_id, action, actor, detail)
    return True
