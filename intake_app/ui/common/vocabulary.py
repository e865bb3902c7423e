"""Translated labels of the record's closed vocabularies (status, source, agency, camera kind...).

The domain keeps one English label per value (intake_app.domain.enums.LABELS, no Qt); the UI shows
`vocabulary_label(value)`, its translation. The list below only tells lupdate which strings exist; a test
keeps it equal to the domain's labels.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QCoreApplication

from ...domain.enums import label
from .i18n import QT_TRANSLATE_NOOP

CONTEXT = "Vocabulary"

KNOWN_LABELS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("Vocabulary", "911/311 call"),
    QT_TRANSLATE_NOOP("Vocabulary", "Approved"),
    QT_TRANSLATE_NOOP("Vocabulary", "Badge seen"),
    QT_TRANSLATE_NOOP("Vocabulary", "Body-worn camera"),
    QT_TRANSLATE_NOOP("Vocabulary", "CBP Border Patrol"),
    QT_TRANSLATE_NOOP("Vocabulary", "CBP Office of Field Operations"),
    QT_TRANSLATE_NOOP("Vocabulary", "Closed"),
    QT_TRANSLATE_NOOP("Vocabulary", "Community report"),
    QT_TRANSLATE_NOOP("Vocabulary", "Draft"),
    QT_TRANSLATE_NOOP("Vocabulary", "FBI"),
    QT_TRANSLATE_NOOP("Vocabulary", "ICE ERO"),
    QT_TRANSLATE_NOOP("Vocabulary", "ICE HSI"),
    QT_TRANSLATE_NOOP("Vocabulary", "In review"),
    QT_TRANSLATE_NOOP("Vocabulary", "In-car camera"),
    QT_TRANSLATE_NOOP("Vocabulary", "Media / social media"),
    QT_TRANSLATE_NOOP("Vocabulary", "Not requested"),
    QT_TRANSLATE_NOOP("Vocabulary", "Observed by CPD"),
    QT_TRANSLATE_NOOP("Vocabulary", "Other"),
    QT_TRANSLATE_NOOP("Vocabulary", "Other DHS"),
    QT_TRANSLATE_NOOP("Vocabulary", "Other agency"),
    QT_TRANSLATE_NOOP("Vocabulary", "POD camera"),
    QT_TRANSLATE_NOOP("Vocabulary", "Phone video"),
    QT_TRANSLATE_NOOP("Vocabulary", "Photo"),
    QT_TRANSLATE_NOOP("Vocabulary", "Preserved"),
    QT_TRANSLATE_NOOP("Vocabulary", "Private / business camera"),
    QT_TRANSLATE_NOOP("Vocabulary", "Recorded (no felony)"),
    QT_TRANSLATE_NOOP("Vocabulary", "Referred to CCSAO"),
    QT_TRANSLATE_NOOP("Vocabulary", "Requested"),
    QT_TRANSLATE_NOOP("Vocabulary", "Stated by agent"),
    QT_TRANSLATE_NOOP("Vocabulary", "U.S. Marshals"),
    QT_TRANSLATE_NOOP("Vocabulary", "Unknown agency"),
    QT_TRANSLATE_NOOP("Vocabulary", "Vehicle plate"),
)

# What the ICE On Notice order and CPD practice require (intake.incident/2): agencies, yes/no answers, credential
# checks, injuries, footage flags, felony review decisions and Touhy requests.
ORDER_LABELS = (
    QT_TRANSLATE_NOOP("Vocabulary", "ATF"),
    QT_TRANSLATE_NOOP("Vocabulary", "CPD member"),
    QT_TRANSLATE_NOOP("Vocabulary", "Civilian"),
    QT_TRANSLATE_NOOP("Vocabulary", "Complaint filed"),
    QT_TRANSLATE_NOOP("Vocabulary", "Continuing investigation"),
    QT_TRANSLATE_NOOP("Vocabulary", "DEA"),
    QT_TRANSLATE_NOOP("Vocabulary", "Death or great bodily harm"),
    QT_TRANSLATE_NOOP("Vocabulary", "Denied"),
    QT_TRANSLATE_NOOP("Vocabulary", "Detention or arrest"),
    QT_TRANSLATE_NOOP("Vocabulary", "Downgraded to misdemeanor"),
    QT_TRANSLATE_NOOP("Vocabulary", "Evidentiary value (supervisor or prosecutor)"),
    QT_TRANSLATE_NOOP("Vocabulary", "Fatal"),
    QT_TRANSLATE_NOOP("Vocabulary", "Federal Protective Service"),
    QT_TRANSLATE_NOOP("Vocabulary", "Federal agent"),
    QT_TRANSLATE_NOOP("Vocabulary", "Federalized National Guard"),
    QT_TRANSLATE_NOOP("Vocabulary", "Felony charges approved"),
    QT_TRANSLATE_NOOP("Vocabulary", "Felony charges declined"),
    QT_TRANSLATE_NOOP("Vocabulary", "Firearm discharged"),
    QT_TRANSLATE_NOOP("Vocabulary", "Grand jury"),
    QT_TRANSLATE_NOOP("Vocabulary", "Granted"),
    QT_TRANSLATE_NOOP("Vocabulary", "Great bodily harm"),
    QT_TRANSLATE_NOOP("Vocabulary", "Minor"),
    QT_TRANSLATE_NOOP("Vocabulary", "No"),
    QT_TRANSLATE_NOOP("Vocabulary", "No federal supervisor present"),
    QT_TRANSLATE_NOOP("Vocabulary", "Not attempted"),
    QT_TRANSLATE_NOOP("Vocabulary", "Officer under investigation"),
    QT_TRANSLATE_NOOP("Vocabulary", "Other federal agency"),
    QT_TRANSLATE_NOOP("Vocabulary", "Partly granted"),
    QT_TRANSLATE_NOOP("Vocabulary", "Pending"),
    QT_TRANSLATE_NOOP("Vocabulary", "Recording officer's request"),
    QT_TRANSLATE_NOOP("Vocabulary", "Refused"),
    QT_TRANSLATE_NOOP("Vocabulary", "Serious"),
    QT_TRANSLATE_NOOP("Vocabulary", "Unknown"),
    QT_TRANSLATE_NOOP("Vocabulary", "Use of force"),
    QT_TRANSLATE_NOOP("Vocabulary", "Verified"),
    QT_TRANSLATE_NOOP("Vocabulary", "Withdrawn"),
    QT_TRANSLATE_NOOP("Vocabulary", "Yes"),
)
KNOWN_LABELS = KNOWN_LABELS + ORDER_LABELS


def vocabulary_label(value: StrEnum) -> str:
    return QCoreApplication.translate(CONTEXT, label(value))


# Users' roles (intake_app.security.users.ROLES): stored and checked in English, shown translated.
ROLE_LABELS = {
    "supervisor": QT_TRANSLATE_NOOP("Vocabulary", "supervisor"),
    "reviewer": QT_TRANSLATE_NOOP("Vocabulary", "reviewer"),
    "administrator": QT_TRANSLATE_NOOP("Vocabulary", "administrator"),
}


def role_label(role: str) -> str:
    return QCoreApplication.translate(CONTEXT, ROLE_LABELS[role]) if role in ROLE_LABELS else role
