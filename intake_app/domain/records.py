"""The incident record and its parts, as plain mutable dataclasses.

The wizard edits them in place; the store and the interchange format copy them.
Times are timezone-aware datetimes everywhere; naive datetimes are a bug.
"""

from __future__ import annotations

import copy
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum
from typing import Any, TypeVar, cast

from .enums import (
    Agency,
    CredentialCheck,
    FlagReason,
    FootageKind,
    IdentifiedBy,
    InjuredRole,
    InjurySeverity,
    Preservation,
    ReviewDecision,
    Source,
    Status,
    TouhyStatus,
    YesNoUnknown,
)

DEFAULT_TIMEZONE = "America/Chicago"


def new_id() -> str:
    return str(uuid.uuid4())


T = TypeVar("T")
# Never changed in place, so a copy may share them.
_IMMUTABLE = (str, int, float, type(None), Enum, datetime, date)


def deep_copy(value: T) -> T:
    """A deep copy of a record or any part of it, about four times faster than copy.deepcopy (which every
    save makes): records are dataclasses and lists over immutable values. Anything else is deep-copied."""
    if isinstance(value, _IMMUTABLE):
        return value
    if isinstance(value, list):
        return cast(T, [deep_copy(item) for item in value])
    if hasattr(type(value), "__dataclass_fields__"):
        copied = object.__new__(type(value))
        copied.__dict__.update({name: deep_copy(item) for name, item in value.__dict__.items()})
        return copied
    return copy.deepcopy(value)


@dataclass
class Location:
    address: str = ""
    latitude: float | None = None
    longitude: float | None = None


@dataclass
class ReportingParty:
    name: str = ""
    phone: str = ""
    preferred_language: str = "en"
    consent_to_contact: bool = False
    # Reporting parties may fear exposure: confidential unless the record says otherwise.
    confidential: bool = True
    # Where the reporting party can be reached (free text). Last, so positional construction stays valid.
    address: str = ""


@dataclass
class Supervisor:
    name: str = ""
    star: str = ""


@dataclass
class Vehicle:
    plate: str = ""
    plate_state: str = ""
    make: str = ""
    model: str = ""
    color: str = ""

    def is_empty(self) -> bool:
        return not any((self.plate, self.plate_state, self.make, self.model, self.color))


@dataclass
class Agent:
    id: str = field(default_factory=new_id)
    agency: Agency = Agency.UNKNOWN
    name: str = ""
    badge: str = ""
    identified_by: IdentifiedBy | None = None
    masked: bool = False
    description: str = ""
    vehicle: Vehicle | None = None
    # What the order and the federal court's order ask about each agent (intake.incident/2).
    agency_name: str = ""  # the agency's name when it is "other federal"
    visible_id_displayed: YesNoUnknown = YesNoUnknown.UNKNOWN
    body_camera_worn: YesNoUnknown = YesNoUnknown.UNKNOWN
    refused_to_identify: YesNoUnknown = YesNoUnknown.UNKNOWN


@dataclass
class FootageItem:
    id: str = field(default_factory=new_id)
    kind: FootageKind = FootageKind.BODY_WORN
    device_id: str = ""
    officer_star: str = ""
    start: datetime | None = None
    end: datetime | None = None
    evidence_id: str = ""
    file_path: str = ""
    sha256: str = ""
    file_size: int | None = None
    file_mtime: datetime | None = None
    hashed_at: datetime | None = None
    preservation_status: Preservation = Preservation.NOT_REQUESTED
    preservation_requested_at: datetime | None = None
    preservation_deadline: datetime | None = None
    # Flagged under the Body Camera Act (50 ILCS 706/10-20): kept from the flag for the flagged retention.
    flagged_at: datetime | None = None
    flag_reasons: list[FlagReason] = field(default_factory=list)
    hold_form: str = ""  # the form the hold was requested on, e.g. CPD-65.224


@dataclass
class Violation:
    id: str = field(default_factory=new_id)
    statute: str = ""  # catalogue citation, e.g. "720 ILCS 5/12-3.05"
    offence_class: str = ""  # the supervisor's choice among the catalogue entry's classes
    details: str = ""
    agent_ids: list[str] = field(default_factory=list)
    subsection: str = ""  # e.g. "(e)(1)": printed after the citation, 720 ILCS 5/12-3.05(e)(1)


@dataclass
class StatusChange:
    from_status: Status
    to_status: Status
    by_name: str
    by_star: str
    at: datetime
    comment: str = ""


# ---------------------------------------------------------------- what the order and CPD practice require
# (intake.incident/2)

@dataclass
class FederalSupervisor:
    """The federal supervisory officer on scene and CPD's check of their credentials, recorded on camera."""
    agency: Agency = Agency.UNKNOWN
    agency_name: str = ""
    name: str = ""
    badge: str = ""
    credential_check: CredentialCheck | None = None
    not_attempted_reason: str = ""
    checked_at: datetime | None = None
    footage_id: str = ""  # the footage[] item that shows the check

    def is_empty(self) -> bool:
        return (self.credential_check is None and not any((self.name, self.badge, self.agency_name,
                                                           self.not_attempted_reason, self.footage_id))
                and self.checked_at is None and self.agency == Agency.UNKNOWN)


@dataclass
class Injury:
    id: str = field(default_factory=new_id)
    role: InjuredRole = InjuredRole.CIVILIAN
    description: str = ""
    severity: InjurySeverity = InjurySeverity.UNKNOWN


@dataclass
class Medical:
    """EMS and aid. `anyone_injured` None = the injury section was not answered."""
    anyone_injured: YesNoUnknown | None = None
    ems_summoned_at: datetime | None = None
    ems_unit: str = ""
    aid_rendered_by_cpd: YesNoUnknown = YesNoUnknown.UNKNOWN
    transported_to: str = ""  # hospital

    def is_empty(self) -> bool:
        return (self.anyone_injured is None and self.ems_summoned_at is None and not self.ems_unit
                and self.aid_rendered_by_cpd == YesNoUnknown.UNKNOWN and not self.transported_to)


@dataclass
class ApprovedCharge:
    citation: str = ""
    offence_class: str = ""
    subsection: str = ""


@dataclass
class ReviewStep:
    """One decision of the felony review, as it was recorded: a later decision (a decline, then the misdemeanor
    filed by local police) is a new step; none is rewritten."""
    decision: ReviewDecision
    decided_on: date
    charges: list[ApprovedCharge] = field(default_factory=list)
    comment: str = ""
    by_name: str = ""
    by_star: str = ""
    recorded_at: datetime | None = None


@dataclass
class TouhyRequest:
    id: str = field(default_factory=new_id)
    agency: Agency = Agency.UNKNOWN
    agency_name: str = ""
    what: str = ""
    sent_on: date | None = None
    status: TouhyStatus = TouhyStatus.PENDING


@dataclass
class FelonyReview:
    asa_name: str = ""
    asa_unit: str = ""
    reference: str = ""  # the felony review's own number
    steps: list[ReviewStep] = field(default_factory=list)
    touhy_requests: list[TouhyRequest] = field(default_factory=list)

    @property
    def decision(self) -> ReviewDecision | None:
        return self.steps[-1].decision if self.steps else None

    def is_empty(self) -> bool:
        return not (self.asa_name or self.asa_unit or self.reference or self.steps or self.touhy_requests)


@dataclass
class Incident:
    id: str = field(default_factory=new_id)
    report_number: str = ""  # assigned by the store on first save
    status: Status = Status.DRAFT
    created_at: datetime | None = None
    updated_at: datetime | None = None
    version: int = 0  # 0 = never saved
    district: int | None = None
    beat: str = ""
    occurred_at: datetime | None = None
    timezone: str = DEFAULT_TIMEZONE
    location: Location = field(default_factory=Location)
    source: Source | None = None
    reporting_party: ReportingParty | None = None
    narrative: str = ""
    supervisor: Supervisor = field(default_factory=Supervisor)
    agents: list[Agent] = field(default_factory=list)
    footage: list[FootageItem] = field(default_factory=list)
    violations: list[Violation] = field(default_factory=list)
    history: list[StatusChange] = field(default_factory=list)
    # Synthetic records made by `intake demo`; never mixed up with real ones.
    is_demo: bool = False
    # The referral packet was handed to the State's Attorney (when), and the CCSAO's own number for it,
    # which often arrives days later.
    referral_sent_at: datetime | None = None
    ccsao_reference: str = ""
    # What the order and CPD practice require (intake.incident/2).
    cpd_rd_number: str = ""  # Records Division number of the case report, e.g. JK123456
    oemc_event_number: str = ""  # the dispatch event body-worn-camera footage is tagged with
    federal_supervisor: FederalSupervisor = field(default_factory=FederalSupervisor)
    use_of_force: YesNoUnknown | None = None
    injuries: list[Injury] = field(default_factory=list)
    medical: Medical = field(default_factory=Medical)
    felony_review: FelonyReview = field(default_factory=FelonyReview)
    # The civilians' identity as it travels (domain/sealed_fields.py): an intake.sealed/1 envelope, opaque to
    # this code, on a record received from the server; the fields it seals are empty here. None when the
    # record holds its identity in clear (as entered on this station) or names nobody.
    sealed: dict[str, Any] | None = None

    def agent(self, agent_id: str) -> Agent | None:
        return next((a for a in self.agents if a.id == agent_id), None)
