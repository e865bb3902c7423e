"""Versions sent again after a restore from a backup (push action `resend`, sync/resend.py on the device).

A device sends again a version the server had acknowledged and lost with the restore. Every version the
server ever acknowledged of one incident lay on one line (a push applies only on the version it was based
on), and the backup holds the start of that line; so a version restored from the backup (numbered below the
epoch's since_seq) or sent again after the restore is of that line, and a re-sent version may jump past
it. A version pushed as a new edit after the restore may have gone another way (based on the restored
version while the lost one was newer): a re-send never overwrites it, it is a conflict for the supervisor.
A device's own version sent again (sealed anew, so other bytes) is known by the log's (incident, version,
device); another device's copy of a version it pulled comes with the very bytes the server sent.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from .db import among
from .deleted_drafts import deleted_versions
from .epoch import since_seq
from .tables import Change, ServerIncident

Decision = Literal["apply", "unchanged", "conflict"]


def lost_line(session: Session, held: dict[str, int]) -> dict[str, int]:
    """The newest version of each incident (`held`: id -> the server's current version, for the ids asked)
    that is of the line the server had before its restore: restored with the backup, or sent again since.
    Incidents with no such version are left out. A server never restored has but that line: its versions."""
    if not held:
        return {}
    restored_below = since_seq(session)
    if restored_below == 0:
        return dict(held)
    return _pairs(session.execute(
        select(Change.incident_id, func.max(Change.version))
        .where(among(session, Change.incident_id, list(held)), Change.deleted.is_(False),
               or_(Change.seq < restored_below, Change.resent.is_(True)))
        .group_by(Change.incident_id)))


def own_versions(session: Session, *, device_id: int, incident_ids: list[str]) -> set[tuple[str, int]]:
    """(incident, version) this device's pushes put in the change log: sent again, they are what it holds."""
    if not incident_ids:
        return set()
    return {(r.incident_id, r.version) for r in session.execute(select(Change.incident_id, Change.version).where(
        Change.device_id == device_id, Change.deleted.is_(False), among(session, Change.incident_id, incident_ids)))}


def _pairs(rows: Iterable[tuple[Any, ...]]) -> dict[str, int]:
    return {r[0]: r[1] for r in rows}


def decide(*, version: int, held: int | None, line: int, own: bool = False) -> Decision:
    """`version`: the one sent again; `held`: the server's current version (None: it holds none); `line`: the
    newest version of the lost line it holds (0: none); `own`: the log holds this version from this device.

    - it holds this version (the device's own, or of that line) or a later one of that line: unchanged;
    - it holds nothing, or its current version is of that line and older: the re-sent version is applied;
    - otherwise its current version is a new edit made after the restore: never overwritten, a conflict."""
    if own or line >= version:
        return "unchanged"
    if held is None or (line >= held and version > held):
        return "apply"
    return "conflict"


def holdings(session: Session, incident_ids: list[str], *, district: int | None
             ) -> list[tuple[str, int, int, bool]]:
    """(id, version, line, deleted) of each of these incidents the server holds: its current version (or its
    draft deletion's), and the newest of the line it had before its last restore (lost_line; 0: none, every
    version it holds was pushed as a new edit since). Only numbers: a device asks about what it holds.
    `district`: the asking station's (None: headquarters); another district's incidents are left out, as the
    feed leaves them out, so a station never learns which of them exist."""
    ids = list(dict.fromkeys(incident_ids))
    if not ids:
        return []
    held = select(ServerIncident.id, ServerIncident.version).where(among(session, ServerIncident.id, ids))
    if district is not None:
        held = held.where(ServerIncident.district == district)
    current = _pairs(session.execute(held))
    lines = lost_line(session, current)
    gone = {i: d for i, d in deleted_versions(session, [i for i in ids if i not in current]).items()
            if district is None or d.district == district}
    return ([(i, v, lines.get(i, 0), False) for i, v in current.items()]
            + [(i, d.version, d.version, True) for i, d in gone.items()])
