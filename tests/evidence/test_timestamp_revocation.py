"""A defence lawyer asks whether the time-stamping authority was still trustworthy: the TSA's certificate is
checked against its CA's revocation list as RFC 3161 (section 4) says. Revoked for key compromise, or with no
reason given, none of its tokens count; revoked for another reason, tokens made before the revocation stay
good. Real tokens from OpenSSL's TSA on loopback, CRLs signed by the test CA."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta

import pytest
from cryptography import x509

from intake_app.security import anchoring, timestamps

from ..factories import make_incident
from .tsa import LoopbackCA

HEAD = hashlib.sha256(b"an audit entry").digest()
REASON = x509.ReasonFlags


def checked(tsa, ca, *revoked):
    token = timestamps.request_token(tsa.url, HEAD)
    crls = timestamps.load_crls(ca.crl(revoked), [ca.certificate])
    return timestamps.check_token(token, HEAD, [ca.certificate], crls)


def later():
    return datetime.now(UTC) + timedelta(minutes=5)


def test_a_tsa_revoked_for_key_compromise_after_the_token_vouches_for_nothing(tsa, ca):
    check = checked(tsa, ca, (tsa.certificate, later(), REASON.key_compromise))
    assert not check.ok
    assert "key compromise" in check.problem and "none of its tokens can be trusted" in check.problem


def test_a_tsa_revoked_with_no_reason_given_vouches_for_nothing(tsa, ca):
    check = checked(tsa, ca, (tsa.certificate, later(), None))
    assert not check.ok and "no reason given" in check.problem


def test_a_tsa_that_ceased_operation_after_the_token_leaves_the_token_valid(tsa, ca):
    check = checked(tsa, ca, (tsa.certificate, later(), REASON.cessation_of_operation))
    assert check.ok and check.trusted, check.problem
    assert "after this token: the token stays valid" in check.revocation


def test_a_token_made_after_its_tsa_was_superseded_is_refused(tsa, ca):
    check = checked(tsa, ca, (tsa.certificate, datetime.now(UTC) - timedelta(minutes=1), REASON.superseded))
    assert not check.ok and "before this token's time" in check.problem


def test_a_crl_that_does_not_list_the_tsa_says_so(tsa, ca):
    other_key, other = ca.issue_tsa("Another TSA")
    check = checked(tsa, ca, (other, later(), REASON.key_compromise))
    assert check.ok and check.trusted
    assert check.revocation.startswith("the TSA's certificate is not revoked (CRL of ")


def test_without_a_crl_the_check_says_revocation_was_not_checked(tsa, ca):
    token = timestamps.request_token(tsa.url, HEAD)
    check = timestamps.check_token(token, HEAD, [ca.certificate])
    assert check.ok and "revocation was not checked" in check.revocation


def test_an_out_of_date_crl_is_named_as_such(tsa, ca):
    token = timestamps.request_token(tsa.url, HEAD)
    crls = timestamps.load_crls(ca.crl(next_update=timedelta(days=1)), [ca.certificate])
    check = timestamps.check_token(token, HEAD, [ca.certificate], crls)
    ok, note = timestamps.check_revocation(timestamps._tst_info(token)[0]["content"], check.info.gen_time, [ca.certificate],
                                           crls, now=datetime.now(UTC) + timedelta(days=2))
    assert ok and "due for renewal" in note and "load a newer one" in note


def test_a_crl_signed_by_another_ca_is_refused_when_configured(store, ca):
    rogue = LoopbackCA.make("Rogue CA")
    forged = ca.crl(signer=rogue.key)  # names our CA as issuer, signed by someone else: it could un-revoke
    with pytest.raises(ValueError, match="is not signed by a configured TSA certificate"):
        timestamps.configure(store, "http://127.0.0.1:9/tsr", ca.pem, forged)
    assert timestamps.config(store).url == ""  # nothing of it was kept


def test_a_file_that_is_not_a_crl_is_refused(store, ca):
    with pytest.raises(ValueError, match="holds no certificate revocation list"):
        timestamps.configure(store, "http://127.0.0.1:9/tsr", ca.pem, b"not a list")


def test_intake_verify_fails_once_the_tsa_is_revoked_for_key_compromise(intake, store, actor, tsa, ca, tmp_path):
    timestamps.configure(store, tsa.url, ca.pem)
    store.save(make_incident(), actor)
    anchoring.anchor_now(store)
    store.engine.dispose()
    code, out, err = intake("verify")
    assert code == 0, err
    assert "revocation was not checked" in out

    pem, crl = tmp_path / "ca.pem", tmp_path / "ca.crl"
    pem.write_bytes(ca.pem)
    crl.write_bytes(ca.crl([(tsa.certificate, later(), REASON.key_compromise)]))
    code, out, err = intake("signing", "tsa", tsa.url, "--certificate", str(pem), "--crl", str(crl))
    assert code == 0, err
    assert "1 CRL(s)" in out
    code, out, err = intake("signing", "show")
    assert "CRL of" in out and "1 revoked" in out
    code, out, err = intake("verify")
    assert code == 1
    assert "key compromise" in err and "none of its tokens can be trusted" in err


def test_a_crl_without_its_ca_certificate_is_bad_input(intake, tmp_path, ca):
    crl = tmp_path / "ca.crl"
    crl.write_bytes(ca.crl())
    code, _out, err = intake("signing", "tsa", "http://127.0.0.1:9/tsr", "--crl", str(crl))
    assert code == 2 and "--crl" in err and "--certificate" in err
