"""The sync step that tells the server who read which civilian's identity, when: the unmaskings in this
device's audit trail (a sealed identity opened, a reporting party shown or exported), each once, in order.
Only who, which incident, when and for what leave the device; never the identity, never a file name."""

from __future__ import annotations

import re

from sqlalchemy import select

from ..storage.audit_tables import AuditEntryRow
from ..storage.repository import IncidentStore
from ..wire.party_reads import PartyReadsAccepted
from . import state
from .client import Rejected, SyncClient
from .report import SyncReport
from .sealing_step import OPENED_ACTION, SHOWN_ACTION

SENT = "party_reads_sent"  # sync_state: the audit entry number sent last
BATCH = 500
EXPORT_ACTION = "export"  # commands/records.py: an export that carried the reporting party
UNMASKINGS = (OPENED_ACTION, SHOWN_ACTION, EXPORT_ACTION)


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _digits(star: str | None) -> str:
    return "".join(c for c in (star or "") if c.isdigit())


def _purpose(action: str, detail: str) -> str:
    if action == OPENED_ACTION:
        word = (detail.split() or ["view"])[0]
        return word if word in ("view", "export", "print") else "view"
    return "export" if action == EXPORT_ACTION else "view"


def send(store: IncidentStore, client: SyncClient, report: SyncReport) -> None:
    sent = int(state.read(store, SENT, "0") or 0)
    for _ in range(10_000):  # bounded: at most five million entries a sync
        with store.reading() as session:
            rows = session.execute(
                select(AuditEntryRow.seq, AuditEntryRow.incident_id, AuditEntryRow.actor_star, AuditEntryRow.actor_name,
                       AuditEntryRow.action, AuditEntryRow.new_value, AuditEntryRow.at)
                .where(AuditEntryRow.seq > sent, AuditEntryRow.action.in_(UNMASKINGS),
                       AuditEntryRow.incident_id.is_not(None))
                .order_by(AuditEntryRow.seq).limit(BATCH)).all()
        if not rows:
            return
        entries = [{"seq": r.seq, "incident_id": r.incident_id, "actor_star": _digits(r.actor_star)[:16],
                    "actor_name": _CONTROL.sub(" ", r.actor_name or "")[:200],
                    "purpose": _purpose(r.action, r.new_value or ""),
                    "at": r.at.isoformat()} for r in rows]
        try:
            client.send_party_reads(entries)
        except Rejected as exc:
            if exc.status == 404:  # a server from before party reads were kept: sent once it has them
                report.notes.append("the server does not keep who read a reporting party yet; kept here to send later")
            else:  # never holds the records' sync up: said, and tried again at the next sync
                report.notes.append(f"the server did not take who read a reporting party ({exc}); kept here to send later")
            return
        sent = rows[-1].seq
        state.write(store, **{SENT: str(sent)})


__all__ = ["PartyReadsAccepted", "send"]
