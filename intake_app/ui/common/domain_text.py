"""The core's words in the interface language: validation problems, the places they point to, offence
classes and statute titles.

The core (no Qt) writes English templates with named values (`Problem.template` + `Problem.params`,
`class_label_template`); here the template is translated whole with Qt (word order differs in Spanish) and
the values filled in. The lists below only tell lupdate which strings exist; tests keep them equal to the
templates the core writes. Statute titles are not in Qt's files: they come translated in the catalogue
(an administrator replaces the catalogue without a new release), and the English title and citation always
stay visible beside a translation, because they are the statute's legal name.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from ...domain.catalogue import Catalogue, Statute, class_label_template
from ...domain.problems import Problem
from .i18n import DEFAULT, QT_TRANSLATE_NOOP, current_language

PROBLEMS = "Problems"
FIELDS = "Fields"

KNOWN_PROBLEMS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("Problems", "A device or camera id (or an evidence-management id) is required"),
    QT_TRANSLATE_NOOP("Problems", "A phone number (consent to contact was given) is required"),
    QT_TRANSLATE_NOOP("Problems", "A statute is required"),
    QT_TRANSLATE_NOOP("Problems", "Address is required"),
    QT_TRANSLATE_NOOP("Problems", "An agent with no name or badge needs a physical description or a vehicle"),
    QT_TRANSLATE_NOOP("Problems", "At least one alleged violation is required"),
    QT_TRANSLATE_NOOP("Problems", "Beat is required"),
    QT_TRANSLATE_NOOP("Problems", "Choose the class: {classes}"),
    QT_TRANSLATE_NOOP("Problems", "Choose the class: {classes} ({note})"),
    QT_TRANSLATE_NOOP("Problems", "Date and time of the incident is required"),
    QT_TRANSLATE_NOOP("Problems", "District is required"),
    QT_TRANSLATE_NOOP("Problems", "End time is required"),
    QT_TRANSLATE_NOOP("Problems", "How the agent was identified is required"),
    QT_TRANSLATE_NOOP("Problems", "Narrative is required"),
    QT_TRANSLATE_NOOP("Problems", "Source of the report is required"),
    QT_TRANSLATE_NOOP("Problems", "Start time is required"),
    QT_TRANSLATE_NOOP("Problems", "Supervisor name is required"),
    QT_TRANSLATE_NOOP("Problems", "Supervisor star number is required"),
    QT_TRANSLATE_NOOP("Problems", "The officer's star number for body-worn camera footage is required"),
    QT_TRANSLATE_NOOP("Problems", "The plate's state is required"),
    QT_TRANSLATE_NOOP("Problems", "beat {beat} is not in district {district} (its first two digits are the district)"),
    QT_TRANSLATE_NOOP("Problems", "cannot be negative"),
    QT_TRANSLATE_NOOP("Problems", "is larger than {limit}"),
    QT_TRANSLATE_NOOP("Problems", "holds {count} entries; the limit is {limit}"),
    QT_TRANSLATE_NOOP("Problems", "is outside the times a record may hold ({limits})"),
    QT_TRANSLATE_NOOP("Problems", "holds a control character (U+{code}) at position {position}"),
    QT_TRANSLATE_NOOP("Problems", "give both latitude and longitude, or neither"),
    QT_TRANSLATE_NOOP("Problems", "is before the start time"),
    QT_TRANSLATE_NOOP("Problems", "is in the future"),
    QT_TRANSLATE_NOOP("Problems", "is {length} characters long; the limit is {limit}"),
    QT_TRANSLATE_NOOP("Problems", "must be 4 digits, e.g. 0911"),
    QT_TRANSLATE_NOOP("Problems", "must be 64 lowercase hexadecimal characters"),
    QT_TRANSLATE_NOOP("Problems", "must be a language code such as en or es"),
    QT_TRANSLATE_NOOP("Problems", "must be a two-letter state code such as IL"),
    QT_TRANSLATE_NOOP("Problems", "cannot be written on a record whose civilians' identity is sealed: it would "
                                  "replace what is sealed. The station that entered the record adds it"),
    QT_TRANSLATE_NOOP("Problems", "must be digits only (a star number)"),
    QT_TRANSLATE_NOOP("Problems", "must look like D009-2026-K7Q-00042"),
    QT_TRANSLATE_NOOP("Problems", "needs a time zone"),
    QT_TRANSLATE_NOOP("Problems", "refers to an agent that is not in this incident"),
    QT_TRANSLATE_NOOP("Problems", "use digits, spaces, +, ( ) - or . only (7 to 25 characters)"),
    QT_TRANSLATE_NOOP("Problems", "use letters, digits, spaces or dashes (at most 10)"),
    QT_TRANSLATE_NOOP("Problems", "{chosen} is not a class of {citation} ({classes})"),
    QT_TRANSLATE_NOOP("Problems", "{district} is not a CPD district in service (1-12, 14-20, 22, 24, 25)"),
    QT_TRANSLATE_NOOP("Problems", "{statute} is not in the statute catalogue"),
)

KNOWN_CLASS_LABELS = (
    QT_TRANSLATE_NOOP("Catalogue", "Felony (first degree murder)"),
    QT_TRANSLATE_NOOP("Catalogue", "Ordinance violation"),
    QT_TRANSLATE_NOOP("Catalogue", "class not chosen"),
    QT_TRANSLATE_NOOP("Catalogue", "Class {klass} felony"),
    QT_TRANSLATE_NOOP("Catalogue", "Class {klass} misdemeanor"),
)

# Field paths without their row numbers ("agents[2].vehicle.plate" -> "agents.vehicle.plate") and the
# label the supervisor sees on the form, so a problem names the field in their language, not a code path.
FIELD_LABELS = {
    "report_number": QT_TRANSLATE_NOOP("Fields", "Report number"),
    "district": QT_TRANSLATE_NOOP("Fields", "District"),
    "beat": QT_TRANSLATE_NOOP("Fields", "Beat"),
    "occurred_at": QT_TRANSLATE_NOOP("Fields", "Occurred at"),
    "timezone": QT_TRANSLATE_NOOP("Fields", "Time zone"),
    "location.address": QT_TRANSLATE_NOOP("Fields", "Address"),
    "location.latitude": QT_TRANSLATE_NOOP("Fields", "Latitude"),
    "location.longitude": QT_TRANSLATE_NOOP("Fields", "Longitude"),
    "source": QT_TRANSLATE_NOOP("Fields", "Source"),
    "narrative": QT_TRANSLATE_NOOP("Fields", "Narrative"),
    "supervisor.name": QT_TRANSLATE_NOOP("Fields", "Supervisor name"),
    "supervisor.star": QT_TRANSLATE_NOOP("Fields", "Supervisor star"),
    "reporting_party.name": QT_TRANSLATE_NOOP("Fields", "Reporting party's name"),
    "reporting_party.phone": QT_TRANSLATE_NOOP("Fields", "Reporting party's phone"),
    "reporting_party.address": QT_TRANSLATE_NOOP("Fields", "Reporting party's address"),
    "reporting_party.preferred_language": QT_TRANSLATE_NOOP("Fields", "Preferred language"),
    "agents.agency": QT_TRANSLATE_NOOP("Fields", "Agency"),
    "agents.name": QT_TRANSLATE_NOOP("Fields", "Name"),
    "agents.badge": QT_TRANSLATE_NOOP("Fields", "Badge or ID"),
    "agents.identified_by": QT_TRANSLATE_NOOP("Fields", "How identified"),
    "agents.description": QT_TRANSLATE_NOOP("Fields", "Description"),
    "agents.vehicle.plate": QT_TRANSLATE_NOOP("Fields", "Vehicle plate"),
    "agents.vehicle.plate_state": QT_TRANSLATE_NOOP("Fields", "Plate state"),
    "agents.vehicle.make": QT_TRANSLATE_NOOP("Fields", "Make"),
    "agents.vehicle.model": QT_TRANSLATE_NOOP("Fields", "Model"),
    "agents.vehicle.color": QT_TRANSLATE_NOOP("Fields", "Color"),
    "footage.kind": QT_TRANSLATE_NOOP("Fields", "Kind"),
    "footage.device_id": QT_TRANSLATE_NOOP("Fields", "Device or camera ID"),
    "footage.officer_star": QT_TRANSLATE_NOOP("Fields", "Officer star"),
    "footage.start": QT_TRANSLATE_NOOP("Fields", "Start"),
    "footage.end": QT_TRANSLATE_NOOP("Fields", "End"),
    "footage.evidence_id": QT_TRANSLATE_NOOP("Fields", "Evidence ID"),
    "footage.sha256": QT_TRANSLATE_NOOP("Fields", "SHA-256 fingerprint"),
    "footage.file_size": QT_TRANSLATE_NOOP("Fields", "File size"),
    "footage.preservation_status": QT_TRANSLATE_NOOP("Fields", "Preservation"),
    "footage.preservation_requested_at": QT_TRANSLATE_NOOP("Fields", "Preservation requested at"),
    "footage.preservation_deadline": QT_TRANSLATE_NOOP("Fields", "Preservation deadline"),
    "violations": QT_TRANSLATE_NOOP("Fields", "Alleged violations"),
    "violations.statute": QT_TRANSLATE_NOOP("Fields", "Statute"),
    "violations.offence_class": QT_TRANSLATE_NOOP("Fields", "Class"),
    "violations.agent_ids": QT_TRANSLATE_NOOP("Fields", "Agents concerned"),
}
# What the ICE On Notice order and CPD practice require (domain/order_validation.py).
ORDER_PROBLEMS = (
    QT_TRANSLATE_NOOP("Problems", "A verified credential check records the supervisor's name and badge"),
    QT_TRANSLATE_NOOP("Problems", "Describe each injured person"),
    QT_TRANSLATE_NOOP("Problems", "Describe the injury"),
    QT_TRANSLATE_NOOP("Problems", "Force was used: say whether anyone was injured"),
    QT_TRANSLATE_NOOP("Problems", "Name the federal agency (e.g. DOJ)"),
    QT_TRANSLATE_NOOP("Problems", "The charges approved or filed are required"),
    QT_TRANSLATE_NOOP("Problems", "The federal supervisor's credential check (or that none was present) is required"),
    QT_TRANSLATE_NOOP("Problems", "The footage that shows the credential check is required"),
    QT_TRANSLATE_NOOP("Problems", "The reviewing Assistant State's Attorney is required"),
    QT_TRANSLATE_NOOP("Problems", "The time of the credential check is required"),
    QT_TRANSLATE_NOOP("Problems", "What the Touhy request asks for is required"),
    QT_TRANSLATE_NOOP("Problems", "A pattern is required"),
    QT_TRANSLATE_NOOP("Problems", "is not a valid pattern: {error}"),
    QT_TRANSLATE_NOOP("Problems", "must be between {low} and {high} days"),
    QT_TRANSLATE_NOOP("Problems", "When the footage was flagged is required"),
    QT_TRANSLATE_NOOP("Problems", "Why the credential check was not attempted is required"),
    QT_TRANSLATE_NOOP("Problems", "Why the footage was flagged is required"),
    QT_TRANSLATE_NOOP("Problems", "beat {beat} is not a beat of district {district}"),
    QT_TRANSLATE_NOOP("Problems", "beat {typed} disagrees with the coordinates, which are in beat {derived}"),
    QT_TRANSLATE_NOOP("Problems", "district {typed} disagrees with the coordinates, which are in district {derived} (beat {beat})"),
    QT_TRANSLATE_NOOP("Problems", "is before the decision it follows"),
    QT_TRANSLATE_NOOP("Problems", "is not an OEMC event number (the settings give its pattern)"),
    QT_TRANSLATE_NOOP("Problems", "is not an RD number (the settings give its pattern)"),
    QT_TRANSLATE_NOOP("Problems", "must be an RD number: two letters and six digits, e.g. JK123456"),
    QT_TRANSLATE_NOOP("Problems", "must look like (e)(1)"),
    QT_TRANSLATE_NOOP("Problems", "refers to footage that is not in this incident"),
    QT_TRANSLATE_NOOP("Problems", "says no one was injured, but injuries are listed"),
    QT_TRANSLATE_NOOP("Problems", "{decision} cannot follow {previous}"),
    QT_TRANSLATE_NOOP("Problems", "{latitude}, {longitude} is outside Chicago (in none of its police beats)"),
    QT_TRANSLATE_NOOP("Problems", "{letters} is not the RD letters of {year} ({expected})"),
)
KNOWN_PROBLEMS = KNOWN_PROBLEMS + ORDER_PROBLEMS
FIELD_LABELS.update({
    "cpd_rd_number": QT_TRANSLATE_NOOP("Fields", "CPD RD number"),
    "oemc_event_number": QT_TRANSLATE_NOOP("Fields", "OEMC event number"),
    "federal_supervisor.credential_check": QT_TRANSLATE_NOOP("Fields", "Credential check"),
    "federal_supervisor.agency": QT_TRANSLATE_NOOP("Fields", "Federal supervisor's agency"),
    "federal_supervisor.agency_name": QT_TRANSLATE_NOOP("Fields", "Federal supervisor's agency name"),
    "federal_supervisor.name": QT_TRANSLATE_NOOP("Fields", "Federal supervisor's name"),
    "federal_supervisor.badge": QT_TRANSLATE_NOOP("Fields", "Federal supervisor's badge or ID"),
    "federal_supervisor.not_attempted_reason": QT_TRANSLATE_NOOP("Fields", "Why not attempted"),
    "federal_supervisor.checked_at": QT_TRANSLATE_NOOP("Fields", "Time of the credential check"),
    "federal_supervisor.footage_id": QT_TRANSLATE_NOOP("Fields", "Footage showing the check"),
    "use_of_force": QT_TRANSLATE_NOOP("Fields", "Force used"),
    "injuries": QT_TRANSLATE_NOOP("Fields", "Injuries"),
    "injuries.description": QT_TRANSLATE_NOOP("Fields", "Injury"),
    "injuries.role": QT_TRANSLATE_NOOP("Fields", "Injured person"),
    "injuries.severity": QT_TRANSLATE_NOOP("Fields", "Severity"),
    "medical.anyone_injured": QT_TRANSLATE_NOOP("Fields", "Anyone injured"),
    "medical.ems_summoned_at": QT_TRANSLATE_NOOP("Fields", "EMS summoned at"),
    "medical.ems_unit": QT_TRANSLATE_NOOP("Fields", "EMS unit"),
    "medical.transported_to": QT_TRANSLATE_NOOP("Fields", "Transported to"),
    "agents.agency_name": QT_TRANSLATE_NOOP("Fields", "Agency name"),
    "footage.flagged_at": QT_TRANSLATE_NOOP("Fields", "Flagged at"),
    "footage.flag_reasons": QT_TRANSLATE_NOOP("Fields", "Flag reasons"),
    "footage.hold_form": QT_TRANSLATE_NOOP("Fields", "Hold form"),
    "violations.subsection": QT_TRANSLATE_NOOP("Fields", "Subsection"),
    "felony_review.asa_name": QT_TRANSLATE_NOOP("Fields", "Reviewing ASA"),
    "felony_review.asa_unit": QT_TRANSLATE_NOOP("Fields", "ASA unit"),
    "felony_review.reference": QT_TRANSLATE_NOOP("Fields", "Felony review reference"),
    "felony_review.steps.decision": QT_TRANSLATE_NOOP("Fields", "Felony review decision"),
    "felony_review.steps.decided_on": QT_TRANSLATE_NOOP("Fields", "Decision date"),
    "felony_review.steps.charges": QT_TRANSLATE_NOOP("Fields", "Charges"),
    "felony_review.steps.charges.citation": QT_TRANSLATE_NOOP("Fields", "Charge citation"),
    "felony_review.steps.charges.offence_class": QT_TRANSLATE_NOOP("Fields", "Charge class"),
    "felony_review.steps.comment": QT_TRANSLATE_NOOP("Fields", "Decision comment"),
    "felony_review.touhy_requests.what": QT_TRANSLATE_NOOP("Fields", "Touhy request"),
    "felony_review.touhy_requests.agency_name": QT_TRANSLATE_NOOP("Fields", "Touhy request agency"),
    "felony_review.touhy_requests.sent_on": QT_TRANSLATE_NOOP("Fields", "Touhy request sent on"),
    "rd_number_pattern": QT_TRANSLATE_NOOP("Fields", "RD number pattern"),
    "oemc_event_number_pattern": QT_TRANSLATE_NOOP("Fields", "OEMC event number pattern"),
    "retention_days": QT_TRANSLATE_NOOP("Fields", "Footage retention"),
    "footage_retention_days.pod_camera": QT_TRANSLATE_NOOP("Fields", "POD camera retention"),
    "footage_retention_days.private_business_camera": QT_TRANSLATE_NOOP("Fields", "Private camera retention"),
})
ROW_NAMES = {
    "agents": QT_TRANSLATE_NOOP("Fields", "Agent %1"),
    "footage": QT_TRANSLATE_NOOP("Fields", "Footage %1"),
    "violations": QT_TRANSLATE_NOOP("Fields", "Alleged violation %1"),
    "injuries": QT_TRANSLATE_NOOP("Fields", "Injury %1"),
}
_ROW = re.compile(r"\[(\d+)\]")


def _fill(template: str, params) -> str:
    return template.format_map(params) if params else template


def problem_message(problem: Problem, catalogue: Catalogue | None = None) -> str:
    """The problem's words in the interface language (the English template when no translation exists)."""
    params = dict(problem.params)
    if catalogue is not None and params.get("note") and params.get("citation"):
        statute = catalogue.get(params["citation"])
        if statute is not None:
            params["note"] = statute.class_note_in(current_language())
    return _fill(QCoreApplication.translate(PROBLEMS, problem.template), params)


def field_place(path: str, *, within_row: bool = False) -> str:
    """Where a problem is, as the form names it: "Agent 2, Vehicle plate" (or "Vehicle plate" inside the
    row's own dialog). Paths the table does not know are shown as they are."""
    rows = _ROW.findall(path)
    bare = _ROW.sub("", path)
    head = bare.split(".", 1)[0]
    field = FIELD_LABELS.get(bare)
    parts = []
    if rows and head in ROW_NAMES and not within_row:
        parts.append(QCoreApplication.translate(FIELDS, ROW_NAMES[head]).replace("%1", str(int(rows[0]) + 1)))
    if field is not None:
        parts.append(QCoreApplication.translate(FIELDS, field))
    elif not parts:
        parts.append(path)
    return ", ".join(parts)


def problem_line(problem: Problem, catalogue: Catalogue | None = None, *, within_row: bool = False) -> str:
    place, message = field_place(problem.path, within_row=within_row), problem_message(problem, catalogue)
    if message.casefold().startswith(place.casefold()):  # "Start time is required", not "Start: Start time..."
        return message
    return f"{place}: {message}"


def class_text(offence_class: str) -> str:
    """An offence class as the interface names it (e.g. "Delito grave de clase 4")."""
    template = class_label_template(offence_class)
    return QCoreApplication.translate("Catalogue", template).format(klass=offence_class)


def statute_title(statute: Statute) -> str:
    """The title to show: in another language, the translation followed by the English (legal) title."""
    language = current_language()
    local = statute.title_in(language)
    if language == DEFAULT or local == statute.title:
        return statute.title
    return f"{local} ({statute.title})"


def class_note(statute: Statute) -> str:
    return statute.class_note_in(current_language())
