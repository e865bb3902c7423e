"""The audit trail: who changed what, when, on which machine; hash-chained, signed, append-only.

Installed as a store extension: a listener runs inside the transaction of every change made through
IncidentStore, so a change and its audit entries commit together or not at all. Each entry carries
the SHA-256 of the previous entry and its own hash over a canonical serialisation; the last entry of each
run (append_entries) is signed with this installation's Ed25519 key. SQLite triggers refuse UPDATE and
DELETE on the table.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from ..domain.actor import Actor
from ..domain.interchange import canonical_json, from_dict, to_dict
from ..domain.records import Incident
from ..storage.audit_tables import AuditEntryRow
from ..storage.links.decisions import add_decision_recorder
from ..storage.meta import read_meta, write_meta
from ..storage.repository import ChangeEvent, IncidentStore
from ..storage.tables import IncidentRow
from .audit_keys import machine_name, signing_key

# Bumped on every save; they would make every entry noise without telling anyone anything.
IGNORED_PATHS = frozenset({"version", "updated_at", "format"})
# Whoever reported must never be exposed by the log: the fact of a change is kept, never the value.
PRIVATE_PREFIX = "reporting_party"
PRIVATE_VALUE = "(changed)"
DELETED = "deleted"

_LAST_ENTRY = select(AuditEntryRow.seq, AuditEntryRow.entry_hash).order_by(AuditEntryRow.seq.desc()).limit(1)
_INSERT_ENTRIES = insert(AuditEntryRow.__table__)


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    at: datetime  # UTC aware
    actor_name: str
    actor_star: str
    machine: str
    incident_id: str | None
    action: str
    field_path: str
    old_value: str
    new_value: str
    prev_hash: str
    entry_hash: str
    signature: str


# ---------------------------------------------------------------- hashing an entry

HASHED_FIELDS = ("seq", "at", "actor_name", "actor_star", "machine", "incident_id", "action", "field_path",
                 "old_value", "new_value", "record_hash", "key_id", "prev_hash")


def canonical_entry(values: dict[str, Any]) -> bytes:
    """The bytes that are hashed and signed: every field but the hash and signature, in a fixed form."""
    content = {name: values[name] for name in HASHED_FIELDS}
    content["at"] = values["at"].replace(tzinfo=None).isoformat(timespec="microseconds")
    return json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def record_hash(incident: Incident) -> str:
    return hashlib.sha256(canonical_json(incident)).hexdigest()


def state_hash(event: ChangeEvent) -> str:
    """record_hash(event.after), from the canonical JSON the store has already made of it."""
    return hashlib.sha256(event.after_json.encode("utf-8")).hexdigest()


# ---------------------------------------------------------------- field-level diff

def _flatten(value: Any, path: str, out: dict[str, Any]) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            _flatten(item, f"{path}.{key}" if path else key, out)
    elif isinstance(value, list):
        if not value:
            out[path] = []
        for i, item in enumerate(value):
            _flatten(item, f"{path}[{i}]", out)
    else:
        out[path] = value


def _text(value: Any) -> str:
    if value is None or value == []:
        return ""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def field_changes(before: Incident, after: Incident) -> list[tuple[str, str, str]]:
    """(field path, old, new) for every leaf that differs, in the record's own order."""
    old: dict[str, Any] = {}
    new: dict[str, Any] = {}
    _flatten(to_dict(before), "", old)
    _flatten(to_dict(after), "", new)
    paths = list(new) + [p for p in old if p not in new]
    changes = []
    for path in paths:
        if path in IGNORED_PATHS or old.get(path) == new.get(path):
            continue
        if path.startswith(PRIVATE_PREFIX):
            changes.append((path, "", PRIVATE_VALUE))
        else:
            changes.append((path, _text(old.get(path)), _text(new.get(path))))
    return changes


# ---------------------------------------------------------------- appending

@dataclass(frozen=True)
class NewEntry:
    """What the caller says of an entry; the chain adds seq, time, machine, key and hashes."""
    actor: Actor
    incident_id: str | None
    action: str
    field_path: str = ""
    old_value: str = ""
    new_value: str = ""
    record_hash: str = ""


def append_entries(session: Session, entries: list[NewEntry]) -> None:
    """Appends a run of entries (one user action, or a pulled page) to the chain in the caller's transaction.
    Each is hash-chained; the run's last entry is signed, and since every entry holds the hash of the one
    before, that signature covers the whole run (the issue's "each entry, or each chain head, is signed").
    A pulled page of 1,000 records is then one signature, not 1,000. `intake verify` requires every entry to
    be followed, at or after it, by a valid signature."""
    if not entries:
        return
    kid, private = signing_key(session)
    machine = machine_name(session)
    conn = session.connection()  # Core on the session's connection: no ORM bookkeeping on every save
    last = conn.execute(_LAST_ENTRY).first()
    seq, prev = (last.seq, last.entry_hash) if last else (0, "")
    at = datetime.now(UTC).replace(tzinfo=None)
    rows = []
    for e in entries:
        seq += 1
        values = {"seq": seq, "at": at, "actor_name": e.actor.name, "actor_star": e.actor.star, "machine": machine,
                  "incident_id": e.incident_id, "action": e.action, "field_path": e.field_path,
                  "old_value": e.old_value, "new_value": e.new_value, "record_hash": e.record_hash,
                  "key_id": kid, "prev_hash": prev, "signature": ""}
        body = canonical_entry(values)
        values["entry_hash"] = prev = hashlib.sha256(body).hexdigest()
        rows.append(values)
    rows[-1]["signature"] = private.sign(body).hex()
    conn.execute(_INSERT_ENTRIES, rows)


def _run(actor: Actor, incident_id: str | None, action: str, changes: list[tuple[str, str, str]],
         state_hash: str = "") -> list[NewEntry]:
    """One entry per change (at least one); the record's new state hash goes on the last."""
    changes = changes or [("", "", "")]
    return [NewEntry(actor, incident_id, action, path, old, new, state_hash if i == len(changes) - 1 else "")
            for i, (path, old, new) in enumerate(changes)]


def change_entries(event: ChangeEvent) -> list[NewEntry]:
    """The entries one change to a record gets."""
    if event.action == "delete":
        before = event.before
        assert before is not None, "a deletion names the record it deletes"
        return _run(event.actor, before.id, "delete", [("", before.report_number or before.id, "")], DELETED)
    after = event.after
    assert after is not None, "a save or status change names the record's new state"
    if event.before is None:
        # A new record: one entry naming it; its content is in the record, whose hash the entry holds.
        return _run(event.actor, after.id, event.action, [("", "", after.report_number or "")], state_hash(event))
    changes = [(p, o, n) for p, o, n in field_changes(event.before, after) if p != "history" and not p.startswith("history[")]
    action = "status" if event.action == "status" else "update"
    return _run(event.actor, after.id, action, changes, state_hash(event))


def on_change(session: Session, event: ChangeEvent) -> None:
    append_entries(session, change_entries(event))


def on_changes(session: Session, events: list[ChangeEvent]) -> None:
    """on_change for many changes in one transaction (a pulled page, IncidentStore.add_incoming): the same
    entries, as one run of the chain: its end read once, one signature, one statement."""
    append_entries(session, [entry for event in events for entry in change_entries(event)])


def record_action_in(session: Session, incident_id: str | None, action: str, actor: Actor, detail: str = "") -> None:
    """An action that changes no record (print, export, packet, sync, link confirmed...), in the caller's transaction."""
    append_entries(session, _run(actor, incident_id, action, [("", "", detail)]))


def record_action(store: IncidentStore, incident_id: str | None, action: str, actor: Actor, detail: str = "") -> None:
    with store.transaction() as session:
        record_action_in(session, incident_id, action, actor, detail)


BASELINE_DONE = "audit_baseline_done"
BASELINE_ACTOR = Actor("Intake (audit trail started)", "")


def _baseline(store: IncidentStore) -> None:
    """Records stored before the audit trail existed get one "baseline" entry with their state, once,
    so `intake verify` can vouch for them from then on."""
    with store.reading() as session:
        if read_meta(session, BASELINE_DONE) is not None:
            return
    with store.transaction() as session:
        if read_meta(session, BASELINE_DONE) is not None:
            return
        audited = select(AuditEntryRow.incident_id).where(AuditEntryRow.incident_id.is_not(None))
        unaudited = [from_dict(json.loads(raw)) for raw in
                     session.scalars(select(IncidentRow.record_json).where(IncidentRow.id.not_in(audited)))]
        append_entries(session, [NewEntry(BASELINE_ACTOR, inc.id, "baseline", new_value=inc.report_number or "",
                                          record_hash=record_hash(inc)) for inc in unaudited])
        write_meta(session, BASELINE_DONE, datetime.now(UTC).isoformat())


def install(store: IncidentStore) -> None:
    store.add_listener(on_change)
    store.add_batch_variant(on_change, on_changes)
    add_decision_recorder(store, record_action_in)  # link decisions, in the decision's own transaction
    _baseline(store)


# ---------------------------------------------------------------- reading

def _entry(row: AuditEntryRow) -> AuditEntry:
    return AuditEntry(row.seq, row.at.replace(tzinfo=UTC), row.actor_name, row.actor_star, row.machine,
                      row.incident_id, row.action, row.field_path, row.old_value, row.new_value,
                      row.prev_hash, row.entry_hash, row.signature)


def entries_for(store: IncidentStore, incident_id: str) -> list[AuditEntry]:
    with store.reading() as session:
        rows = session.scalars(select(AuditEntryRow).where(AuditEntryRow.incident_id == incident_id)
                               .order_by(AuditEntryRow.seq)).all()
        return [_entry(r) for r in rows]


def chain_head(store: IncidentStore) -> str:
    with store.reading() as session:
        return session.scalar(select(AuditEntryRow.entry_hash).order_by(AuditEntryRow.seq.desc()).limit(1)) or ""


def chain_length(store: IncidentStore) -> int:
    with store.reading() as session:
        return session.scalar(select(func.count()).select_from(AuditEntryRow)) or 0


def hash_at(store: IncidentStore, entries: int) -> str:
    """The hash of the chain's entry number `entries` (1-based), "" if the chain is shorter."""
    with store.reading() as session:
        return session.scalar(select(AuditEntryRow.entry_hash).where(AuditEntryRow.seq == entries)) or ""
