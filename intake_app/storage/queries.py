"""What lists and searches ask for and get back: plain values, no ORM objects."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

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


# The incident list's query, defined once for its two readers: the store's list() (SQLAlchemy) and the start-up's
# first look (storage/first_look.py, the database driver alone), so the first page the window shows is the page
# the store lists (tests/storage/test_first_look.py). The columns of an IncidentSummary in its order, then
# RETURNED_SQL; newest first, the id breaking ties.
SUMMARY_COLUMNS = ("id", "report_number", "status", "district", "beat", "occurred_at", "address", "agent_count",
                   "updated_at", "version", "is_demo")
NEWEST_FIRST = ("occurred_at", "id")  # each descending
# A summary's `returned`, in SQL on the stored record.
RETURNED_SQL = ("(status = 'draft' AND json_extract(record_json, '$.history[#-1].from_status') = 'in_review'"
                " AND json_extract(record_json, '$.history[#-1].to_status') = 'draft')")


def summary_of(row: Sequence[Any], utc: Callable[[Any], Any]) -> IncidentSummary:
    """A row of the list query (SUMMARY_COLUMNS, then RETURNED_SQL) as a summary. `utc` turns a stored time
    into a UTC-aware one (None stays None): SQLAlchemy gives a naive datetime, the driver alone its text."""
    (id_, report_number, status, district, beat, occurred_at, address, agent_count, updated_at, version, is_demo,
     returned) = row
    return IncidentSummary(id_, report_number or "", Status(status), district, beat, utc(occurred_at), address,
                           agent_count, utc(updated_at), version, bool(is_demo), bool(returned))


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
