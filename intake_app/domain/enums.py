"""Closed vocabularies of the record. Values are the stable strings stored and exchanged;
labels are what people read."""

from enum import StrEnum


class Status(StrEnum):
    DRAFT = "draft"
    IN_REVIEW = "in_review"
    APPROVED = "approved"
    REFERRED = "referred"
    RECORDED = "recorded"
    CLOSED = "closed"


class Source(StrEnum):
    OBSERVED = "observed_by_cpd"
    COMMUNITY = "community_report"
    CALL = "911_311_call"
    OTHER_AGENCY = "other_agency"
    MEDIA = "media_social_media"


class Agency(StrEnum):
    ICE_ERO = "ice_ero"
    ICE_HSI = "ice_hsi"
    CBP_BORDER_PATROL = "cbp_border_patrol"
    CBP_OFO = "cbp_ofo"
    OTHER_DHS = "other_dhs"
    FBI = "fbi"
    US_MARSHALS = "us_marshals"
    UNKNOWN = "unknown"
    # Seen in the area's 2025-2026 operations beyond ICE and CBP (intake.incident/2).
    ATF = "atf"
    DEA = "dea"
    FEDERAL_PROTECTIVE_SERVICE = "federal_protective_service"
    OTHER_FEDERAL = "other_federal"  # DOJ and others: the record names the agency
    NATIONAL_GUARD = "federalized_national_guard"


class IdentifiedBy(StrEnum):
    BADGE_SEEN = "badge_seen"
    STATED = "stated"
    VEHICLE_PLATE = "vehicle_plate"
    PHOTO = "photo"
    OTHER = "other"


class FootageKind(StrEnum):
    BODY_WORN = "body_worn_camera"
    IN_CAR = "in_car_camera"
    POD = "pod_camera"
    PRIVATE = "private_business_camera"
    PHONE = "phone_video"
    OTHER = "other"


class Preservation(StrEnum):
    NOT_REQUESTED = "not_requested"
    REQUESTED = "requested"
    PRESERVED = "preserved"


# ---------------------------------------------------------------- what the order and CPD practice require
# (intake.incident/2): the federal supervisor's credential check, injuries and aid, footage flags under the
# Body Camera Act, and the State's Attorney's felony review.

class YesNoUnknown(StrEnum):
    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"


class CredentialCheck(StrEnum):
    VERIFIED = "verified"
    REFUSED = "refused"
    NOT_ATTEMPTED = "not_attempted"  # the record says why
    NO_SUPERVISOR_PRESENT = "no_supervisor_present"


class InjuredRole(StrEnum):
    CIVILIAN = "civilian"
    CPD_MEMBER = "cpd_member"
    FEDERAL_AGENT = "federal_agent"
    OTHER = "other"


class InjurySeverity(StrEnum):
    MINOR = "minor"
    SERIOUS = "serious"
    GREAT_BODILY_HARM = "great_bodily_harm"
    FATAL = "fatal"
    UNKNOWN = "unknown"


class FlagReason(StrEnum):
    """Why an encounter's recordings are flagged (50 ILCS 706/10-20): kept 2 years from the flag, not 90 days."""
    COMPLAINT = "complaint_filed"
    FIREARM_DISCHARGED = "firearm_discharged"
    USE_OF_FORCE = "use_of_force"
    DEATH_OR_GREAT_BODILY_HARM = "death_or_great_bodily_harm"
    DETENTION_OR_ARREST = "detention_or_arrest"
    OFFICER_UNDER_INVESTIGATION = "officer_under_investigation"
    EVIDENTIARY_VALUE = "evidentiary_value"
    OFFICER_REQUEST = "recording_officer_request"


class ReviewDecision(StrEnum):
    """The CCSAO felony review's outcomes."""
    DECLINED = "declined"
    CHARGES_APPROVED = "charges_approved"
    MISDEMEANOR = "downgraded_to_misdemeanor"
    CONTINUING = "continuing_investigation"
    GRAND_JURY = "grand_jury"


class TouhyStatus(StrEnum):
    PENDING = "pending"
    GRANTED = "granted"
    PARTLY_GRANTED = "partly_granted"
    DENIED = "denied"
    WITHDRAWN = "withdrawn"


LABELS: dict[StrEnum, str] = {
    Status.DRAFT: "Draft",
    Status.IN_REVIEW: "In review",
    Status.APPROVED: "Approved",
    Status.REFERRED: "Referred to CCSAO",
    Status.RECORDED: "Recorded (no felony)",
    Status.CLOSED: "Closed",
    Source.OBSERVED: "Observed by CPD",
    Source.COMMUNITY: "Community report",
    Source.CALL: "911/311 call",
    Source.OTHER_AGENCY: "Other agency",
    Source.MEDIA: "Media / social media",
    Agency.ICE_ERO: "ICE ERO",
    Agency.ICE_HSI: "ICE HSI",
    Agency.CBP_BORDER_PATROL: "CBP Border Patrol",
    Agency.CBP_OFO: "CBP Office of Field Operations",
    Agency.OTHER_DHS: "Other DHS",
    Agency.FBI: "FBI",
    Agency.US_MARSHALS: "U.S. Marshals",
    Agency.UNKNOWN: "Unknown agency",
    IdentifiedBy.BADGE_SEEN: "Badge seen",
    IdentifiedBy.STATED: "Stated by agent",
    IdentifiedBy.VEHICLE_PLATE: "Vehicle plate",
    IdentifiedBy.PHOTO: "Photo",
    IdentifiedBy.OTHER: "Other",
    FootageKind.BODY_WORN: "Body-worn camera",
    FootageKind.IN_CAR: "In-car camera",
    FootageKind.POD: "POD camera",
    FootageKind.PRIVATE: "Private / business camera",
    FootageKind.PHONE: "Phone video",
    FootageKind.OTHER: "Other",
    Preservation.NOT_REQUESTED: "Not requested",
    Preservation.REQUESTED: "Requested",
    Preservation.PRESERVED: "Preserved",
    Agency.ATF: "ATF",
    Agency.DEA: "DEA",
    Agency.FEDERAL_PROTECTIVE_SERVICE: "Federal Protective Service",
    Agency.OTHER_FEDERAL: "Other federal agency",
    Agency.NATIONAL_GUARD: "Federalized National Guard",
    YesNoUnknown.YES: "Yes",
    YesNoUnknown.NO: "No",
    YesNoUnknown.UNKNOWN: "Unknown",
    CredentialCheck.VERIFIED: "Verified",
    CredentialCheck.REFUSED: "Refused",
    CredentialCheck.NOT_ATTEMPTED: "Not attempted",
    CredentialCheck.NO_SUPERVISOR_PRESENT: "No federal supervisor present",
    InjuredRole.CIVILIAN: "Civilian",
    InjuredRole.CPD_MEMBER: "CPD member",
    InjuredRole.FEDERAL_AGENT: "Federal agent",
    InjuredRole.OTHER: "Other",
    InjurySeverity.MINOR: "Minor",
    InjurySeverity.SERIOUS: "Serious",
    InjurySeverity.GREAT_BODILY_HARM: "Great bodily harm",
    InjurySeverity.FATAL: "Fatal",
    InjurySeverity.UNKNOWN: "Unknown",
    FlagReason.COMPLAINT: "Complaint filed",
    FlagReason.FIREARM_DISCHARGED: "Firearm discharged",
    FlagReason.USE_OF_FORCE: "Use of force",
    FlagReason.DEATH_OR_GREAT_BODILY_HARM: "Death or great bodily harm",
    FlagReason.DETENTION_OR_ARREST: "Detention or arrest",
    FlagReason.OFFICER_UNDER_INVESTIGATION: "Officer under investigation",
    FlagReason.EVIDENTIARY_VALUE: "Evidentiary value (supervisor or prosecutor)",
    FlagReason.OFFICER_REQUEST: "Recording officer's request",
    ReviewDecision.DECLINED: "Felony charges declined",
    ReviewDecision.CHARGES_APPROVED: "Felony charges approved",
    ReviewDecision.MISDEMEANOR: "Downgraded to misdemeanor",
    ReviewDecision.CONTINUING: "Continuing investigation",
    ReviewDecision.GRAND_JURY: "Grand jury",
    TouhyStatus.PENDING: "Pending",
    TouhyStatus.GRANTED: "Granted",
    TouhyStatus.PARTLY_GRANTED: "Partly granted",
    TouhyStatus.DENIED: "Denied",
    TouhyStatus.WITHDRAWN: "Withdrawn",
}


def label(value: StrEnum) -> str:
    return LABELS.get(value, str(value))
