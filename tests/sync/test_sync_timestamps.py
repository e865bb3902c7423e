"""At each sync the audit-chain head is time-stamped by a TSA (the station's, else the server's) and the token is
kept on both sides; the server keeps the fingerprint of the station's packet-signing certificate."""

from __future__ import annotations

import base64
import hashlib

import httpx

from intake_app.domain.actor import Actor
from intake_app.security import anchoring, audit, timestamps
from intake_app.security.station_certificate import station_credential
from intake_app.storage.timestamp_tables import timestamps as local_tokens
from intake_app.sync import device, state
from intake_app.sync.engine import sync_once
from intake_app.wire.sync import signed_message

from ..evidence.tsa import LoopbackCA, LoopbackTSA
from ..factories import make_incident
from .conftest import ServerProcess

ACTOR = Actor("Sgt. Maria Test", "2231")


def _server_tokens(admin, store):
    return admin.sql("SELECT entries, head, token, obtained_by FROM audit_timestamps WHERE device_id = :d ORDER BY id",
                     d=int(state.read(store, state.DEVICE_ID)))


def test_a_station_with_a_tsa_stamps_its_head_at_sync_and_the_server_keeps_the_token(make_device, admin, tsa, ca):
    store = make_device("a", district=9)
    timestamps.configure(store, tsa.url, ca.pem)
    store.save(make_incident(), ACTOR)
    assert sync_once(store).ok
    mine = local_tokens(store)
    assert len(mine) == 1 and mine[0].obtained_by == "station"
    assert mine[0].head == audit.hash_at(store, mine[0].entries)
    theirs = _server_tokens(admin, store)
    assert [(t.entries, t.head, bytes(t.token)) for t in theirs] == [(mine[0].entries, mine[0].head, mine[0].token)]
    report = anchoring.check_anchors(store)
    assert report.ok and report.latest.entries == mine[0].entries


def test_a_server_with_a_tsa_stamps_the_head_and_sends_the_token_back(make_device, admin, pg_url, tsa, ca, monkeypatch):
    monkeypatch.setenv("INTAKE_SERVER_TSA_URL", tsa.url)
    stamping = ServerProcess(pg_url).start()
    try:
        store = make_device("b", district=9, url=stamping.base)
        store.save(make_incident(), ACTOR)
        assert sync_once(store).ok
    finally:
        stamping.stop()
    mine = local_tokens(store)
    assert len(mine) == 1 and mine[0].obtained_by == "server"
    assert [bytes(t.token) for t in _server_tokens(admin, store)] == [mine[0].token]
    timestamps.configure(store, "", ca.pem)  # the station trusts the TSA's CA to check the server's token
    report = anchoring.check_anchors(store)
    assert report.ok and report.latest is not None and report.chain_length - report.latest.entries >= 0


def test_without_any_tsa_a_sync_works_as_before_and_nothing_is_anchored(make_device, admin):
    store = make_device("c", district=9)
    store.save(make_incident(), ACTOR)
    assert sync_once(store).ok
    assert local_tokens(store) == [] and _server_tokens(admin, store) == []
    assert "no entry is anchored" in anchoring.check_anchors(store).summary()


def test_an_unreachable_station_tsa_is_a_note_and_the_head_still_goes(make_device, admin):
    store = make_device("d", district=9)
    timestamps.configure(store, "http://127.0.0.1:9/tsr", b"")
    store.save(make_incident(), ACTOR)
    report = sync_once(store)
    assert report.ok
    assert any("no time-stamp from the station's TSA" in note for note in report.notes)
    heads = admin.sql("SELECT count(*) AS n FROM audit_heads WHERE device_id = :d", d=int(state.read(store, state.DEVICE_ID)))
    assert heads[0].n == 1


def test_a_token_over_another_hash_than_the_reported_head_is_refused(make_device, admin, tsa):
    store = make_device("e", district=9)
    store.save(make_incident(), ACTOR)
    entries = audit.chain_length(store)
    head = audit.hash_at(store, entries)
    wrong = timestamps.request_token(tsa.url, hashlib.sha256(b"some other entry").digest())
    answer = httpx.post(state.read(store, state.SERVER_URL) + "/audit-head",
                        headers={"Authorization": f"Bearer {device.token(store)}"},
                        json={"head": head, "entries": entries, "previous_head": "",
                              "signature": device.audit_key(store).sign(signed_message(head, entries, "")).hex(),
                              "timestamp_token": base64.b64encode(wrong).decode()})
    assert answer.status_code == 422
    assert answer.json()["detail"][0]["path"] == "timestamp_token"
    assert _server_tokens(admin, store) == []


def test_enrollment_registers_the_fingerprint_of_the_stations_signing_certificate(make_device, admin):
    store = make_device("f", district=9)
    rows = admin.sql("SELECT fingerprint FROM station_certificates WHERE device_id = :d",
                     d=int(state.read(store, state.DEVICE_ID)))
    assert [r.fingerprint for r in rows] == [station_credential(store).fingerprint]


def test_a_server_that_trusts_a_tsa_refuses_a_station_token_from_another_and_keeps_the_head(make_device, admin, pg_url, ca, tmp_path,
                                                                          monkeypatch):
    trusted = tmp_path / "trusted-tsa-ca.pem"
    trusted.write_bytes(ca.pem)
    monkeypatch.setenv("INTAKE_SERVER_TSA_CERTIFICATES", str(trusted))
    checking = ServerProcess(pg_url).start()
    rogue_ca = LoopbackCA.make("Rogue CA")
    try:
        with LoopbackTSA(rogue_ca, name="Rogue TSA") as rogue:
            store = make_device("g", district=9, url=checking.base)
            timestamps.configure(store, rogue.url, rogue_ca.pem)  # the station trusts it; the server does not
            store.save(make_incident(), ACTOR)
            report = sync_once(store)
    finally:
        checking.stop()
    assert report.ok
    assert any("did not take this station's time-stamp token" in note for note in report.notes)
    assert _server_tokens(admin, store) == []
    heads = admin.sql("SELECT count(*) AS n FROM audit_heads WHERE device_id = :d", d=int(state.read(store, state.DEVICE_ID)))
    assert heads[0].n == 1


def test_a_sync_with_nothing_new_asks_the_tsa_nothing(make_device, admin, tsa, ca):
    store = make_device("h", district=9)
    timestamps.configure(store, tsa.url, ca.pem)
    store.save(make_incident(), ACTOR)
    assert sync_once(store).ok
    asked = tsa.requests
    assert sync_once(store).ok  # no change since: the same head
    assert tsa.requests == asked and len(local_tokens(store)) == 1


def test_a_city_certificate_imported_after_enrollment_is_registered_at_the_next_sync(make_device, admin, tmp_path):
    from intake_app.security.station_certificate import import_city_certificate

    from ..reports.test_signed_packets import _city_ca_pkcs12

    store = make_device("i", district=9)
    enrolled_with = station_credential(store).fingerprint
    city = import_city_certificate(store, _city_ca_pkcs12(tmp_path), b"p12 passphrase")
    store.save(make_incident(), ACTOR)
    assert sync_once(store).ok
    assert sync_once(store).ok  # reported again: kept once
    rows = admin.sql("SELECT fingerprint FROM station_certificates WHERE device_id = :d ORDER BY id",
                     d=int(state.read(store, state.DEVICE_ID)))
    assert [r.fingerprint for r in rows] == [enrolled_with, city.fingerprint]
