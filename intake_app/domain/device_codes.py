"""Device codes: the three characters, made once per installation, in every report number it hands out
(`D009-2026-K7Q-00042`). Two computers of one district with the same code would hand out the same numbers,
so the sync server keeps them apart at enrollment (server/device_codes.py)."""

from __future__ import annotations

import re
import secrets

# Letters and digits people do not confuse (no O/0, I/1, S/5...).
DEVICE_ALPHABET = "ABCDEFGHJKLMNPQRTUVWXY346789"
DEVICE_CODE_PATTERN = f"^[{DEVICE_ALPHABET}]{{3}}$"


def random_device_code() -> str:
    return "".join(secrets.choice(DEVICE_ALPHABET) for _ in range(3))


def all_device_codes() -> list[str]:
    """Every possible code (21,952), for choosing a free one."""
    return [a + b + c for a in DEVICE_ALPHABET for b in DEVICE_ALPHABET for c in DEVICE_ALPHABET]


def is_device_code(value: str) -> bool:
    return bool(re.match(DEVICE_CODE_PATTERN, value))

