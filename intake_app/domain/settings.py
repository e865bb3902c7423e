"""Station settings kept in the encrypted store (never in a plain settings file)."""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass
class StationSettings:
    district: int | None = None
    supervisor_name: str = ""
    supervisor_star: str = ""
    # Illinois body-camera retention: 90 days unless flagged (50 ILCS 706/10-20).
    retention_days: int = 90
    language: str = ""  # "" = follow the system

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> StationSettings:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**known)
