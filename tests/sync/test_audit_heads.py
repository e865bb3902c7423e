"""Each device reports its signed audit-chain head; a head that does not extend the last one flags the device."""

from __future__ import annotations

import httpx
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from intake_app.wire.sync import signed_message

H1, H2, H3 = "a" * 64, "b" * 64, "c" * 64


class Device:
    def __init__(self, server, admin):
        self.key = Ed25519PrivateKey.generate()
        answer = httpx.post(server.base + "/enroll", json={
            "code": admin.code(9), "public_key": self.key.public_key().public_bytes_raw().hex()}).json()
        self.id, self.headers, self.base, self.admin = answer["device_id"], {"Authorization": f"Bearer {answer['token']}"}, server.base, admin

    def report(self, head, entries, previous, signature=None):
        signature = signature or self.key.sign(signed_message(head, entries, previous)).hex()
        return httpx.post(self.base + "/audit-head", headers=self.headers,
                          json={"head": head, "entries": entries, "previous_head": previous, "signature": signature})

    def flagged(self) -> bool:
        return self.admin.sql("SELECT audit_flagged FROM devices WHERE id = :d", d=self.id)[0].audit_flagged


def test_a_growing_chain_is_accepted(server, admin):
    dev = Device(server, admin)
    assert dev.report(H1, 10, "").json()["extends_previous"]
    assert dev.report(H2, 15, H1).json()["extends_previous"]
    assert not dev.flagged()


def test_a_truncated_chain_flags_the_device(server, admin):
    dev = Device(server, admin)
    dev.report(H1, 10, "")
    answer = dev.report(H2, 4, "")
    assert answer.status_code == 200 and not answer.json()["extends_previous"]
    assert dev.flagged()


def test_a_rewritten_chain_flags_the_device(server, admin):
    dev = Device(server, admin)
    dev.report(H1, 10, "")
    assert not dev.report(H3, 12, H2).json()["extends_previous"]  # its chain no longer holds H1
    assert dev.flagged()


def test_a_head_signed_by_another_key_is_refused_and_not_kept(server, admin):
    dev = Device(server, admin)
    forged = Ed25519PrivateKey.generate().sign(signed_message(H1, 10, "")).hex()
    answer = dev.report(H1, 10, "", signature=forged)
    assert answer.status_code == 403 and answer.json()["detail"][0]["path"] == "signature"
    assert admin.sql("SELECT count(*) AS n FROM audit_heads WHERE device_id = :d", d=dev.id)[0].n == 0


def test_a_station_whose_audit_log_was_cut_is_flagged_at_its_next_sync(make_device, admin):
    from sqlalchemy import text

    from intake_app.domain.actor import Actor
    from intake_app.sync import state
    from intake_app.sync.engine import sync_once

    from ..factories import make_incident

    actor = Actor("Sgt. Maria Test", "2231")
    store = make_device("a", district=9)
    store.save(make_incident(), actor)
    assert sync_once(store).ok
    store.save(make_incident(), actor)
    report = sync_once(store)
    assert report.ok and report.notes == []
    device_id = int(state.read(store, state.DEVICE_ID))
    heads = admin.sql("SELECT entries, extends_previous FROM audit_heads WHERE device_id = :d ORDER BY id", d=device_id)
    assert len(heads) == 2 and heads[1].entries > heads[0].entries and all(h.extends_previous for h in heads)

    with store.engine.begin() as conn:  # someone with the key removes the newest entries behind the app's back
        conn.execute(text("DROP TRIGGER audit_entries_no_delete"))
        conn.execute(text("DELETE FROM audit_entries WHERE seq > (SELECT max(seq) - 3 FROM audit_entries)"))
    report = sync_once(store)

    assert not report.ok and any("AUDIT CHAIN NOT EXTENDED" in alarm for alarm in report.alarms)
    assert admin.sql("SELECT audit_flagged FROM devices WHERE id = :d", d=device_id)[0].audit_flagged


def test_a_station_signs_its_head_with_its_audit_key_which_the_server_knows(make_device, admin):
    """The server can attribute the head to the station's audit trail: the key it registered at enrollment is
    the one that signed the station's audit entries, and the head it kept verifies with it."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
    from sqlalchemy import select

    from intake_app.domain.actor import Actor
    from intake_app.security.audit import HASHED_FIELDS, canonical_entry
    from intake_app.security.audit_keys import key_id, public_keys
    from intake_app.storage.audit_tables import AuditEntryRow
    from intake_app.sync import state
    from intake_app.sync.engine import sync_once

    from ..factories import make_incident

    store = make_device("a", district=9)
    store.save(make_incident(), Actor("Sgt. Maria Test", "2231"))
    assert sync_once(store).ok
    device_id = int(state.read(store, state.DEVICE_ID))
    [registered] = admin.sql("SELECT public_key FROM devices WHERE id = :d", d=device_id)
    server_key = Ed25519PublicKey.from_public_bytes(bytes.fromhex(registered.public_key))
    [head] = admin.sql("SELECT head, entries, previous_head, signature FROM audit_heads WHERE device_id = :d", d=device_id)
    server_key.verify(bytes.fromhex(head.signature), signed_message(head.head, head.entries, head.previous_head))
    with store.reading() as session:
        assert list(public_keys(session)) == [key_id(server_key)]
        newest = session.execute(select(*(getattr(AuditEntryRow, n) for n in (*HASHED_FIELDS, "entry_hash", "signature")))
                                 .where(AuditEntryRow.seq == head.entries)).one()._asdict()
    assert newest["entry_hash"] == head.head and newest["key_id"] == key_id(server_key)
    server_key.verify(bytes.fromhex(newest["signature"]), canonical_entry(newest))  # the same key signs the entries


def test_a_tampered_head_from_a_station_is_refused_naming_the_signature(make_device, admin):
    import pytest

    from intake_app.sync import device, state
    from intake_app.sync.client import Refused
    from intake_app.sync.engine import open_client, sync_once

    store = make_device("a", district=9)
    assert sync_once(store).ok
    device_id = int(state.read(store, state.DEVICE_ID))
    entries = int(state.read(store, state.AUDIT_ENTRIES))
    signature = device.audit_key(store).sign(signed_message("d" * 64, entries + 1, "")).hex()
    with open_client(store, attempts=1) as client, pytest.raises(Refused) as refused:
        client.audit_head("e" * 64, entries + 1, "", signature)  # signed by the right key, then altered
    assert refused.value.status == 403 and "signature" in str(refused.value)
    assert admin.sql("SELECT count(*) AS n FROM audit_heads WHERE device_id = :d", d=device_id)[0].n == 1
