"""Which fields of a record identify a civilian and so travel only sealed, and the shape of the sealed
envelope. No cryptography here: the server checks shapes with this module and never opens anything
(sealing and opening are in security/sealing.py).

SEALED_FIELDS is the one declared list: a new field naming a civilian (a witness, an injured person) is
added here, as a path into the interchange dict (`[*]` for every item of a list), and from then on it is
sealed on the station, refused in clear by the server and opened only by a holder of a recipient key.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from .problems import Problem

SEALED_FIELDS: tuple[str, ...] = (
    "reporting_party.name",
    "reporting_party.phone",
    "reporting_party.address",
    # An injury's description ("the woman who sells tamales at 26th and Pulaski, cut on her left hand")
    # can identify the injured civilian as surely as a name: sealed in the same envelope.
    "injuries[*].description",
)

ENVELOPE_KEY = "sealed"  # top-level key of the interchange dict holding the envelope
ENVELOPE_FORMAT = "intake.sealed/1"
ALGORITHM = "X25519-HKDF-SHA256-A256GCM"
MAX_RECIPIENTS = 128
MAX_CIPHERTEXT = 256 * 1024  # bytes, before base64 (the party and the injuries' descriptions)
SEALED_TEXT = "sealed"  # what a reader without a key sees in place of a sealed field

_HEX16 = re.compile(r"[0-9a-f]{16}")
_HEX64 = re.compile(r"[0-9a-f]{64}")


@cache
def _steps(path: str) -> tuple[str, ...]:
    return tuple(path.replace("[*]", ".[*]").split("."))


def concrete_paths(record: dict[str, Any], pattern: str) -> Iterator[tuple[str, dict[str, Any], str]]:
    """(concrete path, the dict holding the field, the field's key) for every place `pattern` names in
    `record`; a missing part names nothing. Bounded by the record itself. Found all at once (a plain
    recursion into a list, not nested generators: checked for every record a sync sends or receives, several
    times over when a station seals one)."""
    found: list[tuple[str, dict[str, Any], str]] = []
    _walk(record, _steps(pattern), 0, "", found)
    return iter(found)


def _walk(node: Any, steps: tuple[str, ...], at: int, where: str, found: list[tuple[str, dict[str, Any], str]]) -> None:
    step = steps[at]
    if step == "[*]":
        if isinstance(node, list):
            for i, item in enumerate(node):
                _walk(item, steps, at + 1, f"{where}[{i}]", found)
        return
    if not isinstance(node, dict):
        return
    here = f"{where}.{step}" if where else step
    if at + 1 == len(steps):
        found.append((here, node, step))
    elif step in node:
        _walk(node[step], steps, at + 1, here, found)


def clear_values(record: dict[str, Any]) -> dict[str, str]:
    """The sealed fields that hold text in this (interchange) record, by concrete path."""
    out: dict[str, str] = {}
    for pattern in SEALED_FIELDS:
        for path, holder, key in concrete_paths(record, pattern):
            value = holder.get(key)
            if isinstance(value, str) and value:
                out[path] = value
    return out


def clear_problems(record: dict[str, Any], *, path: str = "") -> list[Problem]:
    """A record that reaches the server with a civilian's identity in clear is refused, naming the field."""
    prefix = f"{path}." if path else ""
    return [Problem(f"{prefix}{p}", "must be sealed on the station: the server never holds it in clear")
            for p in clear_values(record)]


# Standard padded base64 is the alphabet, then at most two "=", in a length that is a multiple of four: the
# same texts as (?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?, matched in a third of the time (one
# character class, not groups of four; an envelope has five such texts, every record a sync reads).
_BASE64 = re.compile(r"[A-Za-z0-9+/]*={0,2}")


def _b64(value: Any, *, min_bytes: int, max_bytes: int) -> bool:
    """Standard padded base64 of min_bytes..max_bytes bytes (its length tells how many, without decoding)."""
    if (not isinstance(value, str) or len(value) > (max_bytes * 4) // 3 + 4 or len(value) % 4
            or not _BASE64.fullmatch(value)):
        return False
    size = len(value) // 4 * 3 - value[-2:].count("=")
    return min_bytes <= size <= max_bytes


def envelope_problems(envelope: Any, *, path: str = ENVELOPE_KEY) -> list[Problem]:
    """Checks an envelope's shape only (what the server can check without any key)."""
    if envelope is None:
        return []
    if not isinstance(envelope, dict):
        return [Problem(path, "must be a sealed envelope (an object)")]
    problems: list[Problem] = []
    allowed = {"format", "alg", "fields", "nonce", "ciphertext", "recipients"}
    for extra in sorted(set(envelope) - allowed)[:5]:
        problems.append(Problem(f"{path}.{extra}", "is not part of a sealed envelope"))
    if envelope.get("format") != ENVELOPE_FORMAT:
        problems.append(Problem(f"{path}.format", f"must be {ENVELOPE_FORMAT!r}"))
    if envelope.get("alg") != ALGORITHM:
        problems.append(Problem(f"{path}.alg", f"must be {ALGORITHM!r}"))
    fields = envelope.get("fields")
    if (not isinstance(fields, list) or len(fields) > 10_000
            or not all(isinstance(f, str) and 0 < len(f) <= 200 for f in fields)):
        problems.append(Problem(f"{path}.fields", "must be a list of field paths"))
    if not _b64(envelope.get("nonce"), min_bytes=12, max_bytes=12):
        problems.append(Problem(f"{path}.nonce", "must be 12 bytes, base64"))
    if not _b64(envelope.get("ciphertext"), min_bytes=16, max_bytes=MAX_CIPHERTEXT):
        problems.append(Problem(f"{path}.ciphertext", f"must be 16 to {MAX_CIPHERTEXT} bytes, base64"))
    recipients = envelope.get("recipients")
    if not isinstance(recipients, list) or not 1 <= len(recipients) <= MAX_RECIPIENTS:
        problems.append(Problem(f"{path}.recipients", f"must list 1 to {MAX_RECIPIENTS} recipients"))
        return problems
    for i, r in enumerate(recipients):
        where = f"{path}.recipients[{i}]"
        if not isinstance(r, dict) or set(r) != {"kid", "epk", "nonce", "wrapped"}:
            problems.append(Problem(where, "must have exactly kid, epk, nonce and wrapped"))
            continue
        if not (isinstance(r["kid"], str) and _HEX16.fullmatch(r["kid"])):
            problems.append(Problem(f"{where}.kid", "must be 16 hex digits"))
        if not (isinstance(r["epk"], str) and _HEX64.fullmatch(r["epk"])):
            problems.append(Problem(f"{where}.epk", "must be an X25519 public key, 64 hex digits"))
        if not _b64(r["nonce"], min_bytes=12, max_bytes=12):
            problems.append(Problem(f"{where}.nonce", "must be 12 bytes, base64"))
        if not _b64(r["wrapped"], min_bytes=48, max_bytes=48):
            problems.append(Problem(f"{where}.wrapped", "must be a wrapped 32-byte key (48 bytes), base64"))
    return problems


_CONTENT = ("format", "alg", "fields", "nonce", "ciphertext")  # what a re-wrap may never change


def rewrap_problems(stored: Any, proposed: Any, *, path: str = ENVELOPE_KEY) -> list[Problem]:
    """Why `proposed` is not `stored` with only recipients appended (empty: it is). A re-wrap gives a new
    reader the same data key: the content, every existing wrap (byte for byte, in order) stay as they were,
    and each added recipient is one not already there. Checked alike by the server (a device's re-wrap) and
    by a device (a same-version record from the server); neither needs a key to check it."""
    problems = envelope_problems(proposed, path=path)
    if problems:
        return problems
    if not isinstance(stored, dict) or envelope_problems(stored):
        return [Problem(path, "re-wraps a record that holds no sealed envelope")]
    for name in _CONTENT:
        if proposed.get(name) != stored.get(name):
            problems.append(Problem(f"{path}.{name}", "must be identical to the stored envelope's: a re-wrap only "
                                    "adds recipients"))
    before, after = stored["recipients"], proposed["recipients"]
    if len(after) < len(before):
        problems.append(Problem(f"{path}.recipients", f"must keep the {len(before)} stored recipients: a re-wrap "
                                "only adds recipients"))
        return problems
    for i, (old, new) in enumerate(zip(before, after, strict=False)):
        if old != new:
            problems.append(Problem(f"{path}.recipients[{i}]", "must be identical to the stored recipient: a re-wrap "
                                    "only appends new ones"))
    seen = {r["kid"] for r in before}
    for i, new in enumerate(after[len(before):], start=len(before)):
        if new["kid"] in seen:
            problems.append(Problem(f"{path}.recipients[{i}].kid", "is already a recipient of this envelope"))
        seen.add(new["kid"])
    return problems


def only_rewrapped(stored: Any, proposed: Any) -> bool:
    """Whether `proposed` is `stored` re-wrapped for at least one more recipient, and nothing else."""
    return (isinstance(proposed, dict) and isinstance(stored, dict) and not rewrap_problems(stored, proposed)
            and len(proposed["recipients"]) > len(stored["recipients"]))


def is_sealed(record: object, path: str) -> bool:
    """Whether the record (an Incident, or anything with a `sealed` envelope) carries this field sealed:
    it is there, only not readable here (rules such as "consent to contact needs a phone" hold)."""
    envelope = getattr(record, "sealed", None)
    return isinstance(envelope, dict) and path in (envelope.get("fields") or ())
