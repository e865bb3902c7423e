"""What lists and searches ask for and get back: plain values, no ORM objects."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ..domain.enums import Status


@dataclass(frozen=True)
class IncidentFilter:
    status: Status | None = None
    district: int | None = None
    occurred_from: datetime | None = None
    occurred_to: datetime | None = None
    text: str = ""
    include_demo: bool = True
    limit: int | None = 200
    offset: int = 0


@dataclass(frozen=True)
class IncidentSummary:
    """A row of the incident list. Deliberately without the reporting party."""

    id: str
    report_number: str
    status: Status
    district: int | None
    beat: str
    occurred_at: datetime | None  # UTC-aware
    address: str
    agent_count: int
    updated_at: datetime
    version: int
    is_demo: bool
