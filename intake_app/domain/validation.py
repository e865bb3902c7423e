"""The one validator: the wizard, the CLI, the JSON importer and the sync server all call `validate`.

Every problem names its field path. Nothing here raises; callers decide what blocks. Messages are English
templates with named values (never f-strings), so the desktop UI can translate them whole; a test keeps the
UI's list of translatable templates equal to the ones written here.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from .catalogue import Catalogue, default_catalogue
from .enums import FootageKind, Status
from .geography import DISTRICTS, beat_matches_district, inside_chicago
from .problems import Problem, Severity
from .records import Agent, FootageItem, Incident, Violation

MAX_NARRATIVE = 100_000
MAX_SHORT_TEXT = 500
REPORT_NUMBER = re.compile(r"^D\d{3}-\d{4}-[A-Z0-9]{3}-\d{5}$")
SHA256_HEX = re.compile(r"^[0-9a-f]{64}$")
PHONE = re.compile(r"^[0-9+()\-. ]{7,25}$")
STAR = re.compile(r"^\d{1,6}$")
PLATE = re.compile(r"^[A-Za-z0-9 \-]{1,10}$")
US_STATE = re.compile(r"^[A-Z]{2}$")
# Clocks of station PCs drift; a few minutes ahead is not "the future".
CLOCK_SKEW = timedelta(minutes=5)


def _missing(path: str, template: str, **params: str) -> Problem:
    return Problem(path, template, Severity.INCOMPLETE, params)


def _wrong(path: str, template: str, **params: object) -> Problem:
    return Problem(path, template, Severity.INVALID, {k: str(v) for k, v in params.items()})


def validate(
    incident: Incident, *, catalogue: Catalogue | None = None, now: datetime | None = None
) -> list[Problem]:
    """All problems of a record, in the order of the wizard's pages."""
    catalogue = catalogue or default_catalogue()
    now = now or datetime.now().astimezone()
    problems: list[Problem] = []
    problems += _details(incident, now)
    problems += _reporting_party(incident)
    for i, agent in enumerate(incident.agents):
        problems += _agent(agent, f"agents[{i}]")
    for i, item in enumerate(incident.footage):
        problems += _footage(item, f"footage[{i}]")
    agent_ids = {a.id for a in incident.agents}
    for i, violation in enumerate(incident.violations):
        problems += _violation(violation, f"violations[{i}]", catalogue, agent_ids)
    if not incident.violations:
        problems.append(_missing("violations", "At least one alleged violation is required"))
    return problems


def blocking_for_status(problems: list[Problem], status: Status) -> list[Problem]:
    """Drafts may be incomplete; anything past draft must be complete and valid."""
    if status == Status.DRAFT:
        return [p for p in problems if p.severity == Severity.INVALID]
    return list(problems)


def _text_too_long(value: str, path: str, limit: int = MAX_SHORT_TEXT) -> list[Problem]:
    if len(value) > limit:
        return [_wrong(path, "is {length} characters long; the limit is {limit}", length=f"{len(value):,}",
                       limit=f"{limit:,}")]
    return []


def _details(inc: Incident, now: datetime) -> list[Problem]:
    out: list[Problem] = []
    if inc.report_number and not REPORT_NUMBER.match(inc.report_number):
        out.append(_wrong("report_number", "must look like D009-2026-K7Q-00042"))
    if inc.district is None:
        out.append(_missing("district", "District is required"))
    elif inc.district not in DISTRICTS:
        out.append(_wrong("district", "{district} is not a CPD district in service (1-12, 14-20, 22, 24, 25)",
                          district=inc.district))
    if not inc.beat:
        out.append(_missing("beat", "Beat is required"))
    elif not (len(inc.beat) == 4 and inc.beat.isdigit()):
        out.append(_wrong("beat", "must be 4 digits, e.g. 0911"))
    elif inc.district in DISTRICTS and not beat_matches_district(inc.beat, inc.district):
        out.append(_wrong("beat", "beat {beat} is not in district {district} (its first two digits are the district)",
                          beat=inc.beat, district=inc.district))
    if inc.occurred_at is None:
        out.append(_missing("occurred_at", "Date and time of the incident is required"))
    elif inc.occurred_at.tzinfo is None:
        out.append(_wrong("occurred_at", "needs a time zone"))
    elif inc.occurred_at > now + CLOCK_SKEW:
        out.append(_wrong("occurred_at", "is in the future"))
    if not inc.location.address.strip():
        out.append(_missing("location.address", "Address is required"))
    out += _text_too_long(inc.location.address, "location.address")
    lat, lon = inc.location.latitude, inc.location.longitude
    if (lat is None) != (lon is None):
        out.append(_wrong("location.latitude" if lat is None else "location.longitude", "give both latitude and longitude, or neither"))
    elif lat is not None and lon is not None and not inside_chicago(lat, lon):
        out.append(_wrong("location.latitude", "{latitude}, {longitude} is outside Chicago", latitude=lat, longitude=lon))
    if inc.source is None:
        out.append(_missing("source", "Source of the report is required"))
    if len(inc.narrative) > MAX_NARRATIVE:
        out += _text_too_long(inc.narrative, "narrative", MAX_NARRATIVE)
    elif not inc.narrative.strip():
        out.append(_missing("narrative", "Narrative is required"))
    if not inc.supervisor.name.strip():
        out.append(_missing("supervisor.name", "Supervisor name is required"))
    if not inc.supervisor.star.strip():
        out.append(_missing("supervisor.star", "Supervisor star number is required"))
    elif not STAR.match(inc.supervisor.star):
        out.append(_wrong("supervisor.star", "must be digits only (a star number)"))
    return out


def _reporting_party(inc: Incident) -> list[Problem]:
    rp = inc.reporting_party
    if rp is None:
        return []
    out = _text_too_long(rp.name, "reporting_party.name")
    out += _text_too_long(rp.address, "reporting_party.address")
    if rp.phone and not PHONE.match(rp.phone):
        out.append(_wrong("reporting_party.phone", "use digits, spaces, +, ( ) - or . only (7 to 25 characters)"))
    if rp.consent_to_contact and not rp.phone.strip():
        out.append(_missing("reporting_party.phone", "A phone number (consent to contact was given) is required"))
    if not re.match(r"^[a-z]{2,3}$", rp.preferred_language or ""):
        out.append(_wrong("reporting_party.preferred_language", "must be a language code such as en or es"))
    return out


def _agent(agent: Agent, path: str) -> list[Problem]:
    out: list[Problem] = []
    for name in ("name", "badge", "description"):
        out += _text_too_long(getattr(agent, name), f"{path}.{name}", 5000 if name == "description" else MAX_SHORT_TEXT)
    vehicle = agent.vehicle
    has_vehicle = vehicle is not None and not vehicle.is_empty()
    if not agent.name.strip() and not agent.badge.strip() and not agent.description.strip() and not has_vehicle:
        out.append(_missing(f"{path}.description", "An agent with no name or badge needs a physical description or a vehicle"))
    if agent.identified_by is None and (agent.name.strip() or agent.badge.strip()):
        out.append(_missing(f"{path}.identified_by", "How the agent was identified is required"))
    if has_vehicle:
        assert vehicle is not None
        if vehicle.plate and not PLATE.match(vehicle.plate):
            out.append(_wrong(f"{path}.vehicle.plate", "use letters, digits, spaces or dashes (at most 10)"))
        if vehicle.plate_state and not US_STATE.match(vehicle.plate_state):
            out.append(_wrong(f"{path}.vehicle.plate_state", "must be a two-letter state code such as IL"))
        if vehicle.plate and not vehicle.plate_state:
            out.append(_missing(f"{path}.vehicle.plate_state", "The plate's state is required"))
    return out


def _footage(item: FootageItem, path: str) -> list[Problem]:
    out: list[Problem] = []
    if not item.device_id.strip() and not item.evidence_id.strip():
        out.append(_missing(f"{path}.device_id", "A device or camera id (or an evidence-management id) is required"))
    if item.kind == FootageKind.BODY_WORN:
        if not item.officer_star.strip():
            out.append(_missing(f"{path}.officer_star", "The officer's star number for body-worn camera footage is required"))
        elif not STAR.match(item.officer_star):
            out.append(_wrong(f"{path}.officer_star", "must be digits only (a star number)"))
    if item.start is None:
        out.append(_missing(f"{path}.start", "Start time is required"))
    if item.end is None:
        out.append(_missing(f"{path}.end", "End time is required"))
    if item.start and item.end and item.end < item.start:
        out.append(_wrong(f"{path}.end", "is before the start time"))
    for name in ("start", "end"):
        value = getattr(item, name)
        if value is not None and value.tzinfo is None:
            out.append(_wrong(f"{path}.{name}", "needs a time zone"))
    if item.sha256 and not SHA256_HEX.match(item.sha256):
        out.append(_wrong(f"{path}.sha256", "must be 64 lowercase hexadecimal characters"))
    if item.file_size is not None and item.file_size < 0:
        out.append(_wrong(f"{path}.file_size", "cannot be negative"))
    return out


def _violation(v: Violation, path: str, catalogue: Catalogue, agent_ids: set[str]) -> list[Problem]:
    out: list[Problem] = []
    if not v.statute:
        return [_missing(f"{path}.statute", "A statute is required")]
    statute = catalogue.get(v.statute)
    if statute is None:
        return [_wrong(f"{path}.statute", "{statute} is not in the statute catalogue", statute=repr(v.statute))]
    if not v.offence_class:
        # The class note is the catalogue's text: the UI shows it in the catalogue's language for the user.
        classes = ", ".join(statute.classes)
        out.append(_missing(f"{path}.offence_class", "Choose the class: {classes} ({note})", classes=classes,
                            note=statute.class_note, citation=statute.citation) if statute.class_note
                   else _missing(f"{path}.offence_class", "Choose the class: {classes}", classes=classes))
    elif v.offence_class not in statute.classes:
        out.append(_wrong(f"{path}.offence_class", "{chosen} is not a class of {citation} ({classes})",
                          chosen=repr(v.offence_class), citation=statute.citation, classes=", ".join(statute.classes)))
    for j, agent_id in enumerate(v.agent_ids):
        if agent_id not in agent_ids:
            out.append(_wrong(f"{path}.agent_ids[{j}]", "refers to an agent that is not in this incident"))
    return out
