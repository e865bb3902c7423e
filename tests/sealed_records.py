"""Records as a station sends them: the civilians' identity sealed (to a key nobody in the test holds),
for tests that push to the server by hand."""

from __future__ import annotations

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from intake_app.security.sealing import seal_record


def sealed(record: dict) -> dict:
    return seal_record(record, [X25519PrivateKey.generate().public_key()])
