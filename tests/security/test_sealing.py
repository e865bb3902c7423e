"""Sealing a civilian's identity: only a recipient's key opens the envelope; an altered envelope or one moved
to another record does not open; a reviewer added later can be given the data key (re-wrap); users' private
keys are kept under their passphrase; a disabled user gets no new wraps."""

from __future__ import annotations

import base64
import itertools
import json
import re

import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from intake_app.domain.interchange import from_dict, to_dict
from intake_app.domain.problems import ValidationError
from intake_app.domain.sealed_fields import SEALED_FIELDS, _b64, clear_values, envelope_problems
from intake_app.domain.validation import validate
from intake_app.security import sealing, user_keys
from intake_app.security.users import set_active, sign_in
from intake_app.storage.sealing_tables import UserSealingKeyRow
from intake_app.sync.sealing_step import Sealer

from ..factories import make_incident
from ..people import LT2_PASS, LT_PASS, add_people


@pytest.fixture
def record():
    inc = make_incident()
    inc.version = 1
    return to_dict(inc)


def test_only_a_recipients_key_opens_the_sealed_identity(record):
    reader, stranger = X25519PrivateKey.generate(), X25519PrivateKey.generate()
    sealed = sealing.seal_record(record, [reader.public_key()])
    assert clear_values(sealed) == {}
    assert sealing.open_values(sealed, sealed["sealed"], [reader])["reporting_party.name"] == "Test Reporter"
    with pytest.raises(sealing.CannotOpen):
        sealing.open_values(sealed, sealed["sealed"], [stranger])


def test_every_record_version_gets_a_fresh_data_key(record):
    reader = X25519PrivateKey.generate()
    one, two = (sealing.seal_record(record, [reader.public_key()])["sealed"] for _ in range(2))
    assert one["ciphertext"] != two["ciphertext"] and one["recipients"][0]["wrapped"] != two["recipients"][0]["wrapped"]


def test_an_altered_envelope_does_not_open(record):
    reader = X25519PrivateKey.generate()
    sealed = sealing.seal_record(record, [reader.public_key()])
    raw = bytearray(base64.b64decode(sealed["sealed"]["ciphertext"]))
    raw[0] ^= 1
    sealed["sealed"]["ciphertext"] = base64.b64encode(bytes(raw)).decode()
    with pytest.raises(sealing.CannotOpen, match="altered"):
        sealing.open_values(sealed, sealed["sealed"], [reader])


def test_an_envelope_moved_to_another_record_does_not_open(record):
    reader = X25519PrivateKey.generate()
    sealed = sealing.seal_record(record, [reader.public_key()])
    other = to_dict(make_incident())
    with pytest.raises(sealing.CannotOpen):
        sealing.open_values(other, sealed["sealed"], [reader])


def test_a_reviewer_added_later_is_given_the_data_key_by_a_reader(record):
    first, later = X25519PrivateKey.generate(), X25519PrivateKey.generate()
    sealed = sealing.seal_record(record, [first.public_key()])
    rewrapped = sealing.add_recipients(sealed["id"], sealed["sealed"], first, [later.public_key()])
    assert rewrapped["ciphertext"] == sealed["sealed"]["ciphertext"]  # the identity itself is not touched
    assert sealing.open_values(sealed, rewrapped, [later])["reporting_party.phone"] == "312-555-0100"


def test_the_envelope_travels_in_the_interchange_and_the_validator_counts_a_sealed_phone_as_given(record):
    sealed = sealing.seal_record(record, [X25519PrivateKey.generate().public_key()])
    inc = from_dict(json.loads(json.dumps(sealed)))
    assert inc.sealed == sealed["sealed"] and inc.reporting_party.consent_to_contact
    assert not [p for p in validate(inc) if p.path == "reporting_party.phone"]
    assert to_dict(inc)["sealed"] == sealed["sealed"]


def test_a_malformed_envelope_is_refused_naming_its_field(record):
    sealed = sealing.seal_record(record, [X25519PrivateKey.generate().public_key()])
    sealed["sealed"]["recipients"][0]["kid"] = "not hex"
    with pytest.raises(ValidationError) as caught:
        from_dict(sealed, path="items[0].incident")
    assert [p.path for p in caught.value.problems] == ["items[0].incident.sealed.recipients[0].kid"]
    assert envelope_problems({"format": "x"})  # and a bare stranger is no envelope



def test_the_envelopes_base64_check_takes_exactly_the_standard_padded_texts():
    """The check (the alphabet, at most two "=", a length of four's multiple) against the grammar it stands
    for, over every text of up to 8 characters from letters, a digit, "+", "/", "=" and one stranger."""
    grammar = re.compile(r"(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?")
    for length in range(9):
        for chars in itertools.product("a+/=-", repeat=length):
            text = "".join(chars)
            assert _b64(text, min_bytes=0, max_bytes=6) == bool(grammar.fullmatch(text)), text
    assert _b64(base64.b64encode(bytes(12)).decode(), min_bytes=12, max_bytes=12)
    assert not _b64(base64.b64encode(bytes(11)).decode(), min_bytes=12, max_bytes=12)

def test_the_declared_sealed_fields_are_all_emptied(record):
    record["reporting_party"]["address"] = "2206 W Reporterplace St"
    sealed = sealing.seal_record(record, [X25519PrivateKey.generate().public_key()])
    party = [p for p in SEALED_FIELDS if p.startswith("reporting_party.")]
    assert sorted(sealed["sealed"]["fields"]) == sorted(party)
    assert all(not sealed["reporting_party"][p.split(".")[1]] for p in party)


def test_a_users_private_key_is_kept_under_their_passphrase(store):
    add_people(store)
    with store.reading() as session:
        row = session.get(UserSealingKeyRow, "3100")
    private = user_keys.private_keys(store, "3100")[0]
    assert row.public_key == sealing.public_hex(private)
    assert private.private_bytes_raw().hex() not in row.private_box
    assert user_keys._open_box(row.private_box, LT_PASS, "3100") is not None
    assert user_keys._open_box(row.private_box, "a wrong passphrase", "3100") is None


def test_a_disabled_reviewer_gets_no_new_wraps(store):
    people = add_people(store)
    sign_in(store, "3200", LT2_PASS)  # the second reviewer's key pair is made at their first sign-in
    second = sealing.key_id(sealing.parse_public(user_keys.public_key(store, "3200")))
    record = to_dict(store.save(make_incident(), people["sgt"]))
    before = json.loads(Sealer(store).for_server(json.dumps(record)))
    set_active(store, people["admin"], "3200", False)
    after = json.loads(Sealer(store).for_server(json.dumps(record)))
    assert second in sealing.recipient_ids(before["sealed"])
    assert second not in sealing.recipient_ids(after["sealed"])


def test_a_user_prints_their_sealing_public_key_to_hand_to_headquarters(store, intake, monkeypatch):
    add_people(store)
    store.engine.dispose()
    monkeypatch.setenv("INTAKE_USER_PASSPHRASE", LT_PASS)
    code, out, err = intake("users", "sealing-key", "--as", "3100")
    assert code == 0, err
    printed = out.strip()
    assert len(printed) == 64 and sealing.parse_public(printed)
    monkeypatch.setenv("INTAKE_USER_PASSPHRASE", "not the passphrase")
    code, out, _ = intake("users", "sealing-key", "--as", "3100")
    assert code == 2 and printed not in out


def test_a_sealed_record_matches_the_published_interchange_schema(record):
    import jsonschema

    from intake_app.paths import resource_path

    schema = json.loads(resource_path("schema", "incident-2.schema.json").read_text())
    sealed = json.loads(json.dumps(sealing.seal_record(record, [X25519PrivateKey.generate().public_key()])))
    jsonschema.validate(sealed, schema)
    sealed["sealed"]["recipients"][0]["extra"] = "x"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(sealed, schema)
