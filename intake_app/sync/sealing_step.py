"""The sync step that seals: every record leaves this device with its civilians' identity (the fields in
domain.sealed_fields.SEALED_FIELDS) encrypted to its readers, and envelopes that come with pulled records
stay in the record (Incident.sealed), so that a reader's key can open them here later.

Readers of a record sealed here: the station's active reviewers and the supervisor who entered it (their
users' public keys), the headquarters privacy officers whose keys the server published at enrollment, and
this station itself (a key kept in the encrypted store, so a record sealed before any reviewer had a key is
never unreadable to the station that made it). The local store keeps its own records in clear; only what
is sent is sealed, at the moment it is sent.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from ..domain.interchange import canonical_text
from ..domain.records import Incident
from ..domain.sealed_fields import ENVELOPE_KEY, MAX_RECIPIENTS, clear_values
from ..security import sealing, user_keys
from ..storage.repository import IncidentStore
from . import state
from .client import Rejected
from .device import HEADQUARTERS_KEYS  # sync_state: JSON list of the privacy officers' public keys, hex

if TYPE_CHECKING:  # for the types only: the client brings httpx and pydantic
    from ..domain.actor import Actor
    from ..domain.records import ReportingParty
    from .client import SyncClient
    from .report import SyncReport

STATION_KEY = "station_sealing_key"  # sync_state: this station's own X25519 private key, hex
DISTRICT_KEYS = "district_reader_keys"  # sync_state: JSON list of the district's other devices' reviewers' keys


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


def district_keys(store: IncidentStore) -> list[X25519PublicKey]:
    return [sealing.parse_public(k) for k in json.loads(state.read(store, DISTRICT_KEYS, "[]") or "[]")]


def exchange_reader_keys(store: IncidentStore, client: SyncClient, report: SyncReport) -> None:
    """Before a push: this station's reviewers' public keys go to the server (a disabled one is taken off),
    and the district's other devices' reviewers' keys come back, so what is sealed next opens for a reviewer
    on any computer of the district. A key added here reaches records sealed from then on."""
    mine = [{"star": star, "public_key": key} for star, key in sorted(user_keys.reviewer_public_keys(store).items())]
    try:
        answer = client.exchange_reader_keys(mine)
    except Rejected as exc:
        if exc.status in (404, 405):  # a server from before reader keys: sealed to this station and HQ only
            report.notes.append("the server does not exchange reviewers' keys yet; records are sealed to this "
                                "station's reviewers and headquarters only")
            return
        raise
    keys = []
    for key in answer.keys[:500]:
        try:
            sealing.parse_public(key)
        except ValueError:
            continue  # a hostile answer: ignored, not trusted
        keys.append(key)
    state.write(store, **{DISTRICT_KEYS: json.dumps(keys)})


def fixed_readers(store: IncidentStore, reviewers: list[X25519PublicKey] | None = None) -> list[X25519PublicKey]:
    """The readers of every record sealed here (the entering supervisor aside): this station, headquarters'
    privacy officers, the station's active reviewers, the district's other computers' reviewers. Nearest
    first; beyond what an envelope may hold, the district's farthest are left out."""
    if reviewers is None:
        reviewers = user_keys.station_readers(store)[0]
    fixed = [station_key(store).public_key(), *headquarters_keys(store), *reviewers, *district_keys(store)]
    return sealing._unique(fixed)[:MAX_RECIPIENTS - 1]  # one place kept for the entering supervisor


class Sealer:
    """Seals the records of one push; the fixed readers' keys are looked up once."""

    def __init__(self, store: IncidentStore):
        self.store = store
        reviewers, self._users = user_keys.station_readers(store)
        self._fixed = fixed_readers(store, reviewers)
        self._readers: dict[str, sealing.Readers] = {}

    def for_server(self, record_json: str) -> str:
        """The record as it may leave this device: held here in clear, it is sealed now (a fresh data key);
        received sealed (its envelope in the record, its fields empty), it goes on as it is."""
        record = json.loads(record_json)
        if not clear_values(record):
            return record_json
        if record.get(ENVELOPE_KEY) is not None:
            record = self._merged(record)
        supervisor = ((record.get("supervisor") or {}).get("star") or "").strip()
        extra = self._users.get(supervisor)
        readers = self._readers.get(supervisor if extra is not None else "")
        if readers is None:  # one set of readers per supervisor, each with its key agreements made once
            readers = self._readers[supervisor if extra is not None else ""] = sealing.Readers(
                [*self._fixed, *([extra] if extra is not None else [])])
        return canonical_text(sealing.seal_record(record, readers))


    def _merged(self, record: dict[str, Any]) -> dict[str, Any]:
        """A record held sealed that was given a sealed field here (a draft: the validator refuses it past
        draft). Sealing the new values alone would lose the sealed ones from this version on, so the old
        envelope is opened with this station's key and its values kept beside the new (a new value wins
        over the sealed one of the same field); a record this station cannot open stays queued, named."""
        envelope = record[ENVELOPE_KEY]
        try:
            kept = sealing.open_values(record, envelope, [station_key(self.store)])
        except sealing.CannotOpen as exc:
            fields = ", ".join(sorted(clear_values(record)))
            raise SealedAddition(f"{record.get('report_number') or record.get('id')}: {fields} cannot be sent from "
                                 "this computer: the record's civilians' identity is sealed and this computer cannot "
                                 "open it, so sending would replace what is sealed. The station that entered the "
                                 "record adds it; remove it here to send the rest.") from exc
        merged: dict[str, Any] = json.loads(json.dumps(record))
        given = clear_values(merged)
        return sealing.fill(merged, {path: value for path, value in kept.items()
                                     if path in envelope["fields"] and path not in given})


class SealedAddition(Rejected):
    """A sealed field given on a computer that cannot open the record's envelope: the push holds that record
    (push_step._push_halves finds it), names it and the field, and sends the rest."""


def party_for_packet(store: IncidentStore, actor: Actor | None, incident: Incident) -> ReportingParty | None:
    """The reporting party a packet made by this signed-in actor prints for a record received sealed: opened
    (an audit entry says who, when, "packet") where the record lets a packet carry it (not confidential) and
    the actor's key opens it; None otherwise (the packet then says the identity is sealed)."""
    party = incident.reporting_party
    if actor is None or incident.sealed is None or party is None or party.confidential:
        return None
    if not any(p.startswith("reporting_party.") for p in incident.sealed.get("fields") or ()):
        return None
    opened, how = reveal(store, actor, incident, purpose="packet")
    return opened.reporting_party if how == "opened" else None


OPENED_ACTION = "sealed identity opened"  # audit action of each unmasking of a sealed identity
SHOWN_ACTION = "reporting party shown"  # audit action of a reporting party held here in clear, shown


def reveal(store: IncidentStore, actor: Actor | None, incident: Incident, *, purpose: str = "view") -> tuple[Incident, str]:
    """The incident as this signed-in actor may read it, and how: "clear" (held here in clear: the privacy
    rule applies as before), "opened" (sealed, and the actor's key opened it: an audit entry says who read
    it, when and for what), "sealed" (sealed, and the actor holds no key to it: the fields read "sealed")."""
    from ..domain.interchange import from_dict, to_dict
    from ..domain.sealed_fields import SEALED_TEXT
    from ..security.audit import record_action_in
    from ..security.privacy import held_sealed, may_see_reporting_party

    envelope = incident.sealed
    if envelope is None or not held_sealed(incident):
        return incident, "clear"
    record = to_dict(incident)
    keys = user_keys.private_keys(store, actor.star) if actor is not None else []
    if actor is not None and may_see_reporting_party(actor, incident) and state.read(store, STATION_KEY):
        # A record this station sealed and got back sealed (e.g. another computer's version taken in a
        # conflict): its reviewers and the supervisor who entered it read it with the station's own key.
        keys.append(station_key(store))
    try:
        opened = from_dict(sealing.opened_record(record, envelope, keys))
    except sealing.CannotOpen:
        return from_dict(sealing.reading(record, envelope, SEALED_TEXT)), "sealed"
    assert actor is not None, "opened: only a signed-in actor's keys, or the station's for one, open it"
    with store.transaction() as session:
        record_action_in(session, incident.id, OPENED_ACTION, actor, f"{purpose} by star {actor.star}")
    return opened, "opened"
