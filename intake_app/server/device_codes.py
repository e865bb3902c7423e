"""Device codes given out at enrollment: no two devices of a district hand out report numbers with the same
code (a headquarters device's code is kept apart from every district's). A device keeps the code it made
unless another device holds it already; then it gets a free one and adopts it (sync/device.py)."""

from __future__ import annotations

import secrets
from datetime import datetime

from sqlalchemy import ColumnElement, or_, select, text
from sqlalchemy.orm import Session

from ..domain.device_codes import all_device_codes, is_device_code
from .db import on_postgresql
from .tables import Device, DeviceCode

# Any constant: the one advisory lock under which codes are given out, so two devices enrolling at the
# same moment cannot both take one code (a NULL district is not covered by the unique index).
DEVICE_CODE_LOCK = 0x1A7A_C0DE


def _taken_where(device: Device) -> ColumnElement[bool]:
    """Codes that would collide with this device's numbers: its district's and headquarters' for a district
    device; every code for a headquarters device (it numbers records of any district)."""
    if device.headquarters or device.district is None:
        return DeviceCode.code.is_not(None)
    return or_(DeviceCode.district == device.district, DeviceCode.district.is_(None))


def assign(session: Session, *, device: Device, wanted: str, now: datetime) -> str:
    """The code this device must use from now on: `wanted` when no other device holds it, else a free one."""
    if on_postgresql(session):
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": DEVICE_CODE_LOCK})
    holders = session.execute(select(DeviceCode.code, Device.public_key)
                              .join(Device, Device.id == DeviceCode.device_id).where(_taken_where(device))).all()
    # The same installation enrolling again (same audit key) keeps its code: its numbers are its own.
    taken = {code for code, key in holders if not (device.public_key and key == device.public_key)}
    if is_device_code(wanted) and wanted not in taken:
        code = wanted
    else:
        free = [c for c in all_device_codes() if c not in taken]
        if not free:  # 21,952 codes per district: never in practice, but never a silent duplicate either
            raise RuntimeError("No device code is free for this district.")
        code = secrets.choice(free)
    district = None if device.headquarters else device.district
    same_place = DeviceCode.district.is_(None) if district is None else DeviceCode.district == district
    if session.scalar(select(DeviceCode.id).where(same_place, DeviceCode.code == code)) is None:
        # (A row already there is the same installation's, enrolled before: it stays the holder.)
        session.add(DeviceCode(district=district, code=code, device_id=device.id, requested=wanted[:3],
                               assigned_at=now))
    return code
