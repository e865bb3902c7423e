"""Revoking a device so that a restore from a backup cannot undo it.

A restored database holds what the backup held: a device revoked after the backup is active again in it, its
token accepted. So each revocation is also written, before it is committed, to a journal kept apart from the
database (`INTAKE_SERVER_REVOCATION_JOURNAL`: a file on another disk, backed up with the dumps), one JSON
object a line, and `intake server restored` applies the journal again. A line names the device by its token's
SHA-256, as the devices table does: ids of devices enrolled after the backup are handed out again after a
restore, a token's digest is not, and a digest lets no one sync.

The journal is the administrator's file, read as hostile as any other: bounded in size and lines, each line's
shape checked, every problem named by its line; nothing is applied unless every line is good.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, cast

import orjson
from sqlalchemy import CursorResult, update
from sqlalchemy.orm import Session

from ..domain.bounded_json import parse as parse_bounded
from ..domain.problems import Problem, ValidationError
from . import crud
from .tables import Device

# A city revokes a few devices a year; a million lines would be centuries of them.
MAX_JOURNAL_BYTES = 64 * 1024 * 1024
MAX_LINE_BYTES = 1024
_DIGEST = re.compile(r"[0-9a-f]{64}")
_PROBLEMS_SHOWN = 20


@dataclass(frozen=True)
class Revocation:
    device_id: int
    token_sha256: str
    revoked_at: datetime


def revoke(session: Session, *, device_id: int, journal: Path | None) -> Device | None:
    """Revoke the device in this transaction, and first write it to the journal (flushed to disk), so the
    database never holds a revocation the journal lacks. The journal failing stops the revocation (the caller's
    transaction rolls back); a commit failing after it leaves a line that a replay applies, as intended."""
    device = crud.revoke_device(session, device_id=device_id)
    if device is not None and journal is not None:
        assert device.revoked_at is not None  # revoke_device sets it
        append(journal, Revocation(device.id, device.token_hash, device.revoked_at))
    return device


def _open_for_appending(journal: Path) -> int:
    # O_APPEND: each line is one write at the end, also when two administrators revoke at once; readable by
    # the server's user only.
    return os.open(journal, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)


def start(journal: Path) -> None:
    """Create the journal, empty, where there is none yet (the server's start and `migrate` do): one missing
    at a restore is then one lost, not one never written. Raises OSError when it cannot be written."""
    os.close(_open_for_appending(journal))


def append(journal: Path, revocation: Revocation) -> None:
    line = orjson.dumps({"device_id": revocation.device_id, "token_sha256": revocation.token_sha256,
                         "revoked_at": revocation.revoked_at.isoformat()}) + b"\n"
    fd = _open_for_appending(journal)
    try:
        os.write(fd, line)
        os.fsync(fd)
    finally:
        os.close(fd)


def read(journal: Path) -> list[Revocation]:
    """Every line of the journal, or ValidationError naming each bad line (`line 3: token_sha256: ...`)."""
    with journal.open("rb") as f:
        data = f.read(MAX_JOURNAL_BYTES + 1)
    if len(data) > MAX_JOURNAL_BYTES:
        raise ValidationError([Problem(str(journal), f"is larger than {MAX_JOURNAL_BYTES:,} bytes; nothing was applied")])
    found: list[Revocation] = []
    problems: list[Problem] = []
    for number, raw in enumerate(data.split(b"\n"), start=1):
        if not raw.strip():
            continue
        where = f"line {number}"
        try:
            found.append(_revocation(raw, where))
        except ValidationError as exc:
            problems.extend(exc.problems)
            if len(problems) >= _PROBLEMS_SHOWN:
                break
    if problems:
        raise ValidationError(problems[:_PROBLEMS_SHOWN], context=f"{journal}: ")
    return found


def _revocation(raw: bytes, where: str) -> Revocation:
    value = parse_bounded(raw, what=where, max_bytes=MAX_LINE_BYTES)
    if not isinstance(value, dict):
        raise ValidationError([Problem(where, "is not a JSON object")])
    problems: list[Problem] = []
    device_id = value.get("device_id")
    if not isinstance(device_id, int) or isinstance(device_id, bool) or device_id < 1:
        problems.append(Problem(f"{where}: device_id", "is not a device number (a whole number from 1)"))
    digest = value.get("token_sha256")
    if not isinstance(digest, str) or not _DIGEST.fullmatch(digest):
        problems.append(Problem(f"{where}: token_sha256", "is not a SHA-256 digest (64 lower-case hex digits)"))
    at = value.get("revoked_at")
    when = _aware_time(at)
    if when is None:
        problems.append(Problem(f"{where}: revoked_at", "is not a date and time with its UTC offset"))
    unknown = sorted(set(value) - {"device_id", "token_sha256", "revoked_at"})
    if unknown:
        problems.append(Problem(f"{where}: {unknown[0]}", "is not a field of a revocation"))
    if problems:
        raise ValidationError(problems)
    assert isinstance(device_id, int) and isinstance(digest, str) and when is not None
    return Revocation(device_id, digest, when)


def _aware_time(value: object) -> datetime | None:
    if not isinstance(value, str) or len(value) > 40:
        return None
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        return None
    return when if when.utcoffset() is not None else None


def replay(session: Session, revocations: list[Revocation]) -> int:
    """Revoke again every journalled device the database holds as active (by its token's digest), at the time
    it was first revoked. Returns how many were active again."""
    again = 0
    for revocation in revocations:
        again += cast(CursorResult[Any], session.execute(
            update(Device).where(Device.token_hash == revocation.token_sha256, Device.revoked_at.is_(None))
            .values(revoked_at=revocation.revoked_at))).rowcount
    return again
