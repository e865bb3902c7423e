"""A defence lawyer asks "when did this entry exist, and who says so?": RFC 3161 tokens from a real TSA
(OpenSSL's `openssl ts -reply` on loopback) anchor the audit chain, and `intake verify` says up to where."""

from __future__ import annotations

import hashlib
import time
from datetime import timedelta

import pytest

from intake_app.security import anchoring, audit, timestamps

from ..factories import make_incident
from .tsa import LoopbackCA, LoopbackTSA

HEAD = hashlib.sha256(b"an audit entry").digest()


def test_a_token_from_the_tsa_verifies_against_its_ca_with_an_ec_signature(tsa, ca):
    token = timestamps.request_token(tsa.url, HEAD)
    check = timestamps.check_token(token, HEAD, [ca.certificate])
    assert check.ok and check.trusted, check.problem
    assert "Intake Test TSA" in check.info.tsa
    assert tsa.certificate.signature_algorithm_oid.dotted_string.startswith("1.2.840.10045")  # ECDSA


def test_a_token_for_another_hash_does_not_vouch_for_this_entry(tsa, ca):
    token = timestamps.request_token(tsa.url, hashlib.sha256(b"another entry").digest())
    check = timestamps.check_token(token, HEAD, [ca.certificate])
    assert not check.ok
    assert "another hash" in check.problem


def test_a_token_checked_against_a_wrong_certificate_is_not_trusted(tsa):
    token = timestamps.request_token(tsa.url, HEAD)
    check = timestamps.check_token(token, HEAD, [LoopbackCA.make("Some Other CA").certificate])
    assert not check.ok and not check.trusted
    assert "not trusted" in check.problem


def test_a_token_signed_by_another_tsa_than_the_trusted_one_is_not_trusted(ca):
    other = LoopbackCA.make("Rogue CA")
    with LoopbackTSA(other, name="Rogue TSA") as rogue:
        token = timestamps.request_token(rogue.url, HEAD)
    assert not timestamps.check_token(token, HEAD, [ca.certificate]).ok


def test_an_altered_token_fails(tsa, ca):
    token = bytearray(timestamps.request_token(tsa.url, HEAD))
    token[-20] ^= 0x01
    assert not timestamps.check_token(bytes(token), HEAD, [ca.certificate]).ok


def test_a_token_stays_valid_after_the_tsa_certificate_expires_because_it_is_checked_at_gen_time(ca):
    with LoopbackTSA(ca, valid_for=timedelta(seconds=4)) as short_lived:
        token = timestamps.request_token(short_lived.url, HEAD)
        expires = short_lived.certificate.not_valid_after_utc
    while timestamps.datetime.now(timestamps.UTC) <= expires:
        time.sleep(0.5)  # the TSA's certificate is now expired
    check = timestamps.check_token(token, HEAD, [ca.certificate])
    assert check.ok and check.trusted, check.problem
    assert check.info.gen_time < expires


def test_an_unreachable_tsa_is_said_in_plain_words():
    with pytest.raises(timestamps.TimestampError, match="cannot reach"):
        timestamps.request_token("http://127.0.0.1:9/tsr", HEAD, timeout=2)


def test_intake_verify_says_up_to_which_entry_the_chain_is_anchored(intake, store, actor, tsa, ca):
    timestamps.configure(store, tsa.url, ca.pem)
    inc = store.save(make_incident(), actor)
    audit.record_action(store, inc.id, "print", actor, "packet")
    anchoring.anchor_now(store)
    anchored = audit.chain_length(store)
    for i in range(3):
        audit.record_action(store, inc.id, "print", actor, f"copy {i}")
    store.engine.dispose()
    code, out, err = intake("verify")
    assert code == 0, err
    assert f"entries 1-{anchored:,} anchored by" in out and "Intake Test TSA" in out
    assert "3 entries since, not yet anchored" in out


def test_a_chain_cut_below_an_anchored_entry_fails_verify(intake, store, actor, tsa, ca, attacker_shell):
    timestamps.configure(store, tsa.url, ca.pem)
    inc = store.save(make_incident(), actor)
    audit.record_action(store, inc.id, "print", actor, "packet")
    anchoring.anchor_now(store)
    anchored = audit.chain_length(store)
    store.engine.dispose()
    attacker_shell.execute("DROP TRIGGER audit_entries_no_delete")
    attacker_shell.execute("DELETE FROM audit_entries WHERE seq = ?", (anchored,))  # a shorter chain, valid on its own
    code, _, err = intake("verify")
    assert code == 1
    assert f"time-stamp token for entry #{anchored}" in err and "cut short or rewritten" in err


def test_without_the_tsas_certificate_verify_says_whom_the_token_is_from_was_not_checked(intake, store, actor, tsa):
    timestamps.configure(store, tsa.url, b"")
    store.save(make_incident(), actor)
    anchoring.anchor_now(store)
    store.engine.dispose()
    code, out, _ = intake("verify")
    assert code == 0
    assert "anchored by" in out and "who signed it was not checked" in out


def test_tokens_cannot_be_changed_or_removed_through_the_store(store, actor, tsa, ca, attacker_shell):
    timestamps.configure(store, tsa.url, ca.pem)
    store.save(make_incident(), actor)
    anchoring.anchor_now(store)
    store.engine.dispose()
    with pytest.raises(Exception, match="append-only"):
        attacker_shell.execute("DELETE FROM audit_timestamps")


def test_the_signing_commands_configure_the_tsa_and_anchor_now(intake, tsa, ca, tmp_path):
    pem = tmp_path / "tsa-ca.pem"
    pem.write_bytes(ca.pem)
    code, out, err = intake("signing", "tsa", tsa.url, "--certificate", str(pem))
    assert code == 0, err
    code, out, err = intake("signing", "show")
    assert code == 0 and tsa.url in out and "SHA-256 fingerprint" in out
    code, out, err = intake("timestamp")
    assert code == 0, err
    assert "anchored by" in out


def test_a_bad_tsa_address_is_bad_input(intake):
    code, _, err = intake("signing", "tsa", "ftp://example.invalid/tsa")
    assert code == 2
    assert "not an http" in err
