"""The sync step that seals: every record leaves this device with its civilians' identity (the fields in
domain.sealed_fields.SEALED_FIELDS) encrypted to its readers, and envelopes that come with pulled records
are kept so that a reader's key can open them here later.

Readers of a record sealed here: the station's active reviewers and the supervisor who entered it (their
users' public keys), the headquarters privacy officers whose keys the server published at enrollment, and
this station itself (a key kept in the encrypted store, so a record sealed before any reviewer had a key is
never unreadable to the station that made it). The local store keeps its own records in clear; only what
is sent is sealed, at the moment it is sent.
"""

from __future__ import annotations

import json

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.interchange import canonical_text
from ..domain.records import Incident
from ..domain.sealed_fields import ENVELOPE_KEY, clear_values, envelope_problems
from ..security import sealing, user_keys
from ..storage import sealing_tables  # noqa: F401  (declares the tables on Base)
from ..storage.repository import IncidentStore
from ..storage.sealing_tables import SealedEnvelopeRow
from . import state
from .device import HEADQUARTERS_KEYS  # sync_state: JSON list of the privacy officers' public keys, hex

STATION_KEY = "station_sealing_key"  # sync_state: this station's own X25519 private key, hex



def station_key(store: IncidentStore) -> X25519PrivateKey:
    with store.transaction() as session:
        stored = state.get(session, STATION_KEY)
        if stored:
            return X25519PrivateKey.from_private_bytes(bytes.fromhex(stored))
        key = X25519PrivateKey.generate()
        state.put(session, STATION_KEY, key.private_bytes_raw().hex())
        return key


def headquarters_keys(store: IncidentStore) -> list[X25519PublicKey]:
    return [sealing.parse_public(k) for k in json.loads(state.read(store, HEADQUARTERS_KEYS, "[]") or "[]")]


class Sealer:
    """Seals the records of one push; the readers' keys are looked up once."""

    def __init__(self, store: IncidentStore):
        self.store = store
        self._fixed = [station_key(store).public_key(), *headquarters_keys(store)]
        self._envelopes: dict[str, dict] = {}

    def for_server(self, record_json: str) -> str:
        record = json.loads(record_json)
        if clear_values(record):
            supervisor = ((record.get("supervisor") or {}).get("star") or "").strip()
            readers = [*self._fixed, *user_keys.station_recipients(self.store, also=(supervisor,) if supervisor else ())]
            return canonical_text(sealing.seal_record(record, readers))
        kept = self._kept(record.get("id", ""))
        if kept is not None and ENVELOPE_KEY not in record:
            # Pulled sealed, edited here by someone who could not open it: the identity goes on unchanged.
            record[ENVELOPE_KEY] = kept
            return canonical_text(record)
        return record_json

    def _kept(self, incident_id: str) -> dict | None:
        if incident_id not in self._envelopes:
            with self.store.reading() as session:
                row = session.get(SealedEnvelopeRow, incident_id)
            self._envelopes[incident_id] = json.loads(row.envelope_json) if row else None
        return self._envelopes[incident_id]


def keep_envelopes_in(session: Session, records: list[dict]) -> None:
    """In the transaction that stores a pulled page: the newest well-formed envelope of each incident."""
    newest: dict[str, tuple[int, dict]] = {}
    for record in records:
        envelope = record.get(ENVELOPE_KEY)
        if envelope is None or envelope_problems(envelope):
            continue
        version = int(record.get("version") or 0)
        if record["id"] not in newest or version > newest[record["id"]][0]:
            newest[record["id"]] = (version, envelope)
    for incident_id, (version, envelope) in newest.items():
        row = session.get(SealedEnvelopeRow, incident_id)
        text = json.dumps(envelope, sort_keys=True)
        if row is None:
            session.add(SealedEnvelopeRow(incident_id=incident_id, version=version, envelope_json=text))
        elif version >= row.version:
            row.version, row.envelope_json = version, text


def envelope_of(store: IncidentStore, incident_id: str) -> dict | None:
    with store.reading() as session:
        row = session.get(SealedEnvelopeRow, incident_id)
        return json.loads(row.envelope_json) if row else None


def sealed_incidents(store: IncidentStore) -> set[str]:
    with store.reading() as session:
        return set(session.scalars(select(SealedEnvelopeRow.incident_id)))


OPENED_ACTION = "sealed identity opened"  # audit action of each unmasking of a sealed identity


def reveal(store: IncidentStore, actor, incident: Incident, *, purpose: str = "view") -> tuple[Incident, str]:
    """The incident as this signed-in actor may read it, and how: "clear" (held here in clear: the privacy
    rule applies as before), "opened" (sealed, and the actor's key opened it: an audit entry says who read
    it, when and for what), "sealed" (sealed, and the actor holds no key to it: the fields read "sealed")."""
    from ..domain.interchange import from_dict, to_dict
    from ..domain.sealed_fields import SEALED_TEXT
    from ..security.audit import record_action_in
    from ..security.privacy import carries_reporting_party

    envelope = envelope_of(store, incident.id)
    if envelope is None or carries_reporting_party(incident):
        return incident, "clear"
    record = to_dict(incident)
    keys = user_keys.private_keys(store, actor.star) if actor is not None else []
    try:
        opened = from_dict(sealing.opened_record(record, envelope, keys))
    except sealing.CannotOpen:
        for path in envelope.get("fields", []):
            sealing._set(record, path, SEALED_TEXT)
        return from_dict(record), "sealed"
    with store.transaction() as session:
        record_action_in(session, incident.id, OPENED_ACTION, actor, f"{purpose} by star {actor.star}")
    return opened, "opened"
