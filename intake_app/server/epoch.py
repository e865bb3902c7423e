"""The restore epoch (migration s0006): a random id in every pull answer and at GET /epoch, renewed when the
database is restored from a backup (`intake server restored`). A device that sees a new one asks which
versions the server holds (POST /holdings) and sends again what it lacks (sync/resend.py)."""

from __future__ import annotations

import secrets

from sqlalchemy import select
from sqlalchemy.orm import Session

from .db import now
from .tables import ServerEpoch


def current(session: Session) -> ServerEpoch:
    epoch = session.get(ServerEpoch, 1)
    if epoch is None:  # a database migrated without its row (hand-made): a first epoch, as the migration sets
        epoch = renew(session, since_seq=0)
    return epoch


def since_seq(session: Session) -> int:
    """The first feed number after the last restore: versions numbered below it came back with the backup."""
    return session.scalar(select(ServerEpoch.since_seq).where(ServerEpoch.id == 1)) or 0


def renew(session: Session, *, since_seq: int) -> ServerEpoch:
    epoch = session.get(ServerEpoch, 1)
    if epoch is None:
        epoch = ServerEpoch(id=1, epoch="", since_seq=0, set_at=now())
        session.add(epoch)
    epoch.epoch, epoch.since_seq, epoch.set_at = secrets.token_hex(16), since_seq, now()
    session.flush()
    return epoch
