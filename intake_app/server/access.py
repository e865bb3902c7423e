"""Who may see which district's records: a district device its own district's, headquarters every one."""

from __future__ import annotations

from .tables import Device


class Forbidden(Exception):
    """A device asked for another district's records: 403, and nothing of those records in the answer."""


def may_see(device: Device, district: int | None) -> bool:
    return device.headquarters or (district is not None and district == device.district)
