"""Station settings kept in the encrypted store (never in a plain settings file)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

# CPD's Records Division number: two letters naming the year (JA for 2017 on, skipping I, O, Q and U: JJ 2025,
# JK 2026) and six digits (Special Order S09-03-04).
RD_NUMBER_PATTERN = r"^[A-HJ-NPRSTV-Z]{2}\d{6}$"
# OEMC event numbers: digits. The exact format is to be checked with OEMC, hence a setting.
OEMC_EVENT_NUMBER_PATTERN = r"^\d{6,14}$"
# A flagged body-worn-camera recording is kept at least 2 years from the flag (50 ILCS 706/10-20; check the text).
FLAGGED_RETENTION_DAYS = 730
# Retention of the other kinds of footage, in days; a kind not listed has no scheduled purge (phone video).
FOOTAGE_RETENTION_DAYS = {"pod_camera": 30, "private_business_camera": 7}
# The form a hold is requested on, per footage kind: CPD-65.224 for in-car video (S03-05); body-worn cameras:
# S03-14 (check).
HOLD_FORMS = {"in_car_camera": "CPD-65.224", "body_worn_camera": "CPD-65.224", "pod_camera": "CPD-65.224"}


@dataclass
class StationSettings:
    district: int | None = None
    supervisor_name: str = ""
    supervisor_star: str = ""
    # Illinois body-camera retention: 90 days unless flagged (50 ILCS 706/10-20).
    retention_days: int = 90
    language: str = ""  # "" = follow the system
    # What the order and CPD practice require (patterns and retention are to be checked: settings, not rules).
    rd_number_pattern: str = RD_NUMBER_PATTERN
    oemc_event_number_pattern: str = OEMC_EVENT_NUMBER_PATTERN
    flagged_retention_days: int = FLAGGED_RETENTION_DAYS
    footage_retention_days: dict[str, int] = field(default_factory=lambda: dict(FOOTAGE_RETENTION_DAYS))
    hold_forms: dict[str, str] = field(default_factory=lambda: dict(HOLD_FORMS))

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> StationSettings:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**known)
