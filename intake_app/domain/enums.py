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
}


def label(value: StrEnum) -> str:
    return LABELS.get(value, str(value))
