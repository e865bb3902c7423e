"""Every change through the store is written to the audit trail: who, when, where, what, field by field."""

import hashlib

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import text
from sqlalchemy.exc import DatabaseError, IntegrityError

from intake_app.domain.enums import Status
from intake_app.domain.records import ReportingParty
from intake_app.security import audit
from intake_app.security.audit_keys import public_keys
from intake_app.security.audit_verify import verify
from intake_app.storage.audit_tables import AuditEntryRow
from intake_app.storage.errors import ConflictError

from ..factories import make_incident


def test_creating_an_incident_writes_one_signed_entry_naming_who_and_where(store, actor):
    saved = store.save(make_incident(), actor)
    [entry] = audit.entries_for(store, saved.id)
    assert (entry.action, entry.actor_name, entry.actor_star) == ("create", actor.name, actor.star)
    assert entry.new_value == saved.report_number
    assert "device" in entry.machine and entry.at.tzinfo is not None
    assert entry.prev_hash == "" and len(entry.entry_hash) == 64 and len(entry.signature) == 128


def test_an_edit_is_recorded_field_by_field_with_old_and_new_values(store, actor):
    saved = store.save(make_incident(), actor)
    saved.agents[0].vehicle.plate = "ZZ 9999"
    saved.narrative = "Corrected narrative."
    store.save(saved, actor)
    changes = {(e.field_path, e.new_value) for e in audit.entries_for(store, saved.id) if e.action == "update"}
    assert ("agents[0].vehicle.plate", "ZZ 9999") in changes
    assert ("narrative", "Corrected narrative.") in changes
    assert all(path not in ("version", "updated_at") for path, _ in changes)


def test_the_reporting_partys_details_never_appear_in_the_log(store, actor):
    saved = store.save(make_incident(), actor)
    saved.reporting_party = ReportingParty(name="Ana Secreta", phone="312-555-0199", address="77 W Secretaddr Pl")
    store.save(saved, actor)
    entries = audit.entries_for(store, saved.id)
    rp = [e for e in entries if e.field_path.startswith("reporting_party")]
    assert rp and all(e.new_value == "(changed)" and e.old_value == "" for e in rp)
    assert not any("Ana Secreta" in e.old_value + e.new_value or "0199" in e.old_value + e.new_value for e in entries)
    assert "reporting_party.address" in {e.field_path for e in rp}
    assert not any("Secretaddr" in e.old_value + e.new_value for e in entries)


def test_a_status_change_is_recorded_with_old_and_new_status(store, actor):
    saved = store.save(make_incident(), actor)
    store.change_status(saved.id, Status.IN_REVIEW, actor)
    [entry] = [e for e in audit.entries_for(store, saved.id) if e.action == "status" and e.field_path == "status"]
    assert (entry.field_path, entry.old_value, entry.new_value) == ("status", "draft", "in_review")


def test_actions_print_and_export_are_recorded_and_chained(store, actor):
    saved = store.save(make_incident(), actor)
    audit.record_action(store, saved.id, "print", actor, "CCSAO packet, 4 pages")
    audit.record_action(store, saved.id, "export", actor)
    entries = audit.entries_for(store, saved.id)
    assert [e.action for e in entries] == ["create", "print", "export"]
    assert entries[1].new_value == "CCSAO packet, 4 pages"
    assert [e.prev_hash for e in entries[1:]] == [e.entry_hash for e in entries[:-1]]
    assert audit.chain_head(store) == entries[-1].entry_hash
    assert audit.chain_length(store) == 3 and audit.hash_at(store, 2) == entries[1].entry_hash


def test_deleting_a_draft_is_recorded(store, actor):
    saved = store.save(make_incident(), actor)
    store.delete_draft(saved.id, actor)
    assert audit.entries_for(store, saved.id)[-1].action == "delete"


def test_entries_are_signed_with_the_installations_key_kept_in_the_keyring(store, actor, memory_keyring):
    saved = store.save(make_incident(), actor)
    [entry] = audit.entries_for(store, saved.id)
    [(name, private_hex)] = [(u, p) for (_s, u), p in memory_keyring.items.items() if u.startswith("audit-signing-key-")]
    public = Ed25519PrivateKey.from_private_bytes(bytes.fromhex(private_hex)).public_key()
    with store.reading() as session:
        [stored_public] = public_keys(session).values()
    assert stored_public.public_bytes_raw() == public.public_bytes_raw()
    with store.reading() as session:
        row = session.get(AuditEntryRow, entry.seq)
        body = audit.canonical_entry({c: getattr(row, c) for c in audit.HASHED_FIELDS})
    public.verify(bytes.fromhex(entry.signature), body)  # raises InvalidSignature if not signed by this key
    assert hashlib.sha256(body).hexdigest() == entry.entry_hash


def test_the_store_refuses_to_update_or_delete_an_entry(store, actor):
    store.save(make_incident(), actor)
    with pytest.raises((IntegrityError, DatabaseError), match="append-only"):
        with store.transaction() as session:
            session.execute(text("UPDATE audit_entries SET new_value = 'forged'"))
    with pytest.raises((IntegrityError, DatabaseError), match="append-only"):
        with store.transaction() as session:
            session.execute(text("DELETE FROM audit_entries"))
    assert audit.chain_length(store) == 1


def test_a_change_that_fails_leaves_no_audit_entry(store, actor):
    saved = store.save(make_incident(), actor)
    stale = make_incident()
    stale.id, stale.version = saved.id, 0  # based on no version: refused as a conflict
    with pytest.raises(ConflictError):
        store.save(stale, actor)
    assert audit.chain_length(store) == 1


def test_a_rolled_back_first_action_leaves_every_later_entry_verifiable(store, actor):
    # The first entries of a store record its installation id and public key; if their transaction is rolled
    # back, nothing may keep signing as if they had been kept.
    with pytest.raises(RuntimeError):
        with store.transaction() as session:
            audit.record_action_in(session, None, "print", actor)
            audit.record_action_in(session, None, "print", actor)
            raise RuntimeError("printer jammed")
    store.save(make_incident(), actor)
    store.save(make_incident(), actor)
    assert audit.chain_length(store) == 2
    assert verify(store).ok, verify(store).problems
    with store.reading() as session:
        assert len(public_keys(session)) == 1


def test_entries_name_the_device_code_the_store_has_now(store, actor):
    # The audit identity is cached per store; the device code is not (enrollment may replace it meanwhile).
    first = store.save(make_incident(), actor)
    new = "XYW" if store.device_code() != "XYW" else "XYV"
    with store.transaction() as session:
        old = store.replace_device_code_in(session, new)
    second = store.save(make_incident(), actor)
    [before] = audit.entries_for(store, first.id)
    [after] = audit.entries_for(store, second.id)
    assert f"device {old}," in before.machine
    assert f"device {new}," in after.machine and new != old
