"""Device tokens and enrollment codes: random, shown once, stored only as SHA-256."""

from __future__ import annotations

import hashlib
import secrets

# Enrollment codes are typed by a person: no look-alike characters, grouped for reading aloud.
CODE_ALPHABET = "ABCDEFGHJKLMNPQRTUVWXY346789"


def new_token() -> str:
    return secrets.token_urlsafe(32)  # 32 random bytes


def new_enrollment_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(16))
    return "-".join(raw[i:i + 4] for i in range(0, 16, 4))


def normalise_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()
