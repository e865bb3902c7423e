"""A record whose civilians' identity is held sealed, read without a key that opens it: every sealed field reads
"sealed" (sync.sealing_step.reveal); a screen masks them the same way until the party is opened."""

from __future__ import annotations

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from intake_app.domain.interchange import from_dict, to_dict
from intake_app.domain.sealed_fields import SEALED_TEXT, clear_values
from intake_app.security import sealing
from intake_app.sync.sealing_step import reveal

from ..factories import make_incident


def held_sealed_incident():
    record = to_dict(make_incident(agents=1, footage=1))
    return record, from_dict(sealing.seal_record(record, [X25519PrivateKey.generate().public_key()]))


def test_each_sealed_field_reads_sealed_for_a_reader_without_a_key(store):
    record, incident = held_sealed_incident()
    shown, how = reveal(store, None, incident)
    assert how == "sealed"
    assert set(clear_values(to_dict(shown))) == set(clear_values(record))
    assert set(clear_values(to_dict(shown)).values()) == {SEALED_TEXT}
    assert (shown.narrative, shown.beat) == (incident.narrative, incident.beat)  # nothing else changed


def test_reading_sets_only_the_fields_the_envelope_names():
    record = to_dict(make_incident(agents=1, footage=1))
    paths = sorted(clear_values(record))
    envelope = {"fields": [paths[0]]}
    assert clear_values(sealing.reading(record, envelope, "x"))[paths[0]] == "x"
    assert all(clear_values(record)[p] != "x" for p in paths[1:])
