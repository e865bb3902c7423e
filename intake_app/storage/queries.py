"""What lists and searches ask for and get back: plain values, no ORM objects."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ..domain.enums import FootageKind, Preservation, Status


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
    # A draft whose last step is "In review -> Draft": the reviewer sent it back (shown as "Returned").
    returned: bool = False


# A summary's `returned`, in SQL on the stored record (both the store's list and the first look read it).
RETURNED_SQL = ("(status = 'draft' AND json_extract(record_json, '$.history[#-1].from_status') = 'in_review'"
                " AND json_extract(record_json, '$.history[#-1].to_status') = 'draft')")


FIRST_ALERTS = 200  # a few screens; the alert screen asks for more on demand


@dataclass(frozen=True)
class PreservationAlert:
    incident_id: str
    report_number: str
    footage_id: str
    position: int
    kind: FootageKind
    device_id: str
    officer_star: str
    status: Preservation
    deadline: datetime | None  # UTC aware; None when the recording start is not known yet
    evidence_id: str
    # What a hold request (CPD-65.224) finds the footage by, and whether the deadline runs from a flag (50 ILCS
    # 706/10-20) or is still the date by which the encounter must be flagged.
    cpd_rd_number: str = ""
    oemc_event_number: str = ""
    flagged: bool = False

    def days_left(self, now: datetime) -> int | None:
        return None if self.deadline is None else (self.deadline - now).days


@dataclass(frozen=True)
class AlertPage:
    alerts: list[PreservationAlert]  # the soonest deadlines, at most the page size asked for
    total: int  # every item not yet confirmed preserved, listed or not
    overdue: int  # of those, how many are past their deadline
