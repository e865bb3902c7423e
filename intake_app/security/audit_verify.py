"""`intake verify`: the whole audit chain, every signature, and every record against its last audited state.

Catches entries altered, removed or reordered, and incident records edited or deleted behind the app's
back (with the store's key, e.g. in an sqlcipher shell), naming the first bad entry or the altered record.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field

from cryptography.exceptions import InvalidSignature
from sqlalchemy import select

from ..domain.interchange import from_dict, record_hashes
from ..storage.audit_tables import AuditEntryRow
from ..storage.repository import IncidentStore
from ..storage.tables import IncidentRow
from .audit import DELETED, HASHED_FIELDS, canonical_entry
from .audit_keys import public_keys


@dataclass
class VerifyReport:
    entries: int = 0
    incidents: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _check_chain(session, report: VerifyReport) -> dict[str, str]:
    """Walks the chain oldest first; returns each incident's last audited state hash."""
    keys = public_keys(session)
    last_state: dict[str, str] = {}
    expected_seq, prev = 1, ""
    unsigned_since = 0  # the first entry of a run whose signature (on its last entry) is still to come
    columns = [getattr(AuditEntryRow, name) for name in (*HASHED_FIELDS, "entry_hash", "signature")]
    for row in session.execute(select(*columns).order_by(AuditEntryRow.seq)):
        values = row._asdict()
        seq = values["seq"]
        report.entries += 1
        if seq != expected_seq:
            report.problems.append(f"audit entry #{expected_seq} is missing (the next entry is #{seq}): entries were removed or reordered")
            return last_state
        if values["prev_hash"] != prev:
            report.problems.append(f"audit entry #{seq} does not follow entry #{seq - 1} (previous-hash mismatch): entries were removed, inserted or reordered")
            return last_state
        body = canonical_entry(values)
        if hashlib.sha256(body).hexdigest() != values["entry_hash"]:
            report.problems.append(f"audit entry #{seq} was altered: its content does not match its hash")
            return last_state
        if not values["signature"]:
            # Inside a run (audit.append_entries): covered by the signature of the run's last entry, which
            # holds this entry's hash through the chain. Checked when that entry comes, or at the end.
            unsigned_since = unsigned_since or seq
        else:
            key = keys.get(values["key_id"])
            try:
                if key is None:
                    raise InvalidSignature
                key.verify(bytes.fromhex(values["signature"]), body)
            except (InvalidSignature, ValueError):
                report.problems.append(f"audit entry #{seq} has no valid signature from a key of this installation")
                return last_state
            unsigned_since = 0
        if values["incident_id"] and values["record_hash"]:
            last_state[values["incident_id"]] = values["record_hash"]
        expected_seq, prev = seq + 1, values["entry_hash"]
    if unsigned_since:
        report.problems.append(f"audit entry #{unsigned_since} has no valid signature from a key of this installation "
                               f"(no signed entry follows it): entries were added or changed at the end of the chain")
    return last_state


def _check_records(session, last_state: dict[str, str], report: VerifyReport) -> None:
    seen = set()
    for incident_id, report_number, raw in session.execute(
            select(IncidentRow.id, IncidentRow.report_number, IncidentRow.record_json).order_by(IncidentRow.search_rowid)):
        report.incidents += 1
        seen.add(incident_id)
        name = report_number or incident_id
        audited = last_state.get(incident_id)
        if audited is None or audited == DELETED:
            report.problems.append(f"incident {name} is not in the audit trail: it was inserted behind the app's back")
            continue
        try:
            # A record stored in the first interchange format was audited by that format's canonical JSON.
            actual = record_hashes(from_dict(json.loads(raw)))
        except Exception:  # a row that no longer parses was altered too
            actual = set()
        if audited not in actual:
            report.problems.append(f"incident {name} was altered outside the app: it does not match its last audited state")
    for incident_id, state in last_state.items():
        if state != DELETED and incident_id not in seen:
            report.problems.append(f"incident {incident_id} was deleted outside the app (the audit trail says it exists)")


def verify(store: IncidentStore) -> VerifyReport:
    report = VerifyReport()
    with store.reading() as session:
        last_state = _check_chain(session, report)
        if report.ok:
            _check_records(session, last_state, report)
    return report
