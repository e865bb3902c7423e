"""The one validator: the wizard, the CLI, the JSON importer and the sync server all call `validate`.

Every problem names its field path. Nothing here raises; callers decide what blocks. Messages are English
templates with named values (never f-strings), so the desktop UI can translate them whole; a test keeps the
UI's list of translatable templates equal to the ones written here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

from . import limits
from .catalogue import Catalogue, default_catalogue
from .enums import FootageKind, Status
from .geography import DISTRICTS, beat_matches_district, inside_chicago
from .instants import instant
from .interchange import to_dict
from .order_validation import order_problems, settings_problems
from .problems import Problem, Severity
from .records import Agent, FootageItem, Incident, Violation
from .sealed_fields import clear_values, is_sealed
from .settings import StationSettings

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
    incident: Incident, *, catalogue: Catalogue | None = None, now: datetime | None = None,
    settings: StationSettings | None = None, number_patterns: bool = True, record: dict[str, Any] | None = None,
) -> list[Problem]:
    """All problems of a record, in the order of the wizard's pages. `settings`: the station's patterns for the
    RD and OEMC numbers (the defaults when not given). `number_patterns` False: the numbers are held to no
    pattern (the server and a pull keep such a record and flag its numbers rather than lose it). `record`:
    the incident's interchange dict (to_dict(incident)) when the caller made it already: a sync that stores
    the record's canonical text needs it anyway, and it is the one part of checking a sealed record that
    writes the record out (a sixth of a pushed or pulled record's checking)."""
    catalogue = catalogue or default_catalogue()
    now = now or datetime.now().astimezone()
    problems: list[Problem] = []
    problems += _details(incident, now)
    problems += _reporting_party(incident)
    problems += _added_to_sealed(incident, record)
    for i, agent in enumerate(incident.agents):
        problems += _agent(agent, f"agents[{i}]")
    for i, item in enumerate(incident.footage):
        problems += _footage(item, f"footage[{i}]")
    agent_ids = {a.id for a in incident.agents}
    for i, violation in enumerate(incident.violations):
        problems += _violation(violation, f"violations[{i}]", catalogue, agent_ids)
    if not incident.violations:
        problems.append(_missing("violations", "At least one alleged violation is required"))
    problems += _limits(incident)
    patterns = (settings or StationSettings()) if number_patterns else None
    problems += order_problems(incident, settings=patterns, catalogue=catalogue, now=now)
    return problems


_INDEX = re.compile(r"\[\d+\]")
_required: frozenset[str] | None = None


def required_paths() -> frozenset[str]:
    """The field paths a complete record may not leave empty, as this validator says: what it finds missing
    on an empty record with one empty agent, footage item and violation ("footage[].start" for an item's).
    Screens mark these fields from here, so there is no second list to keep in step."""
    global _required
    if _required is None:
        empty = Incident(agents=[Agent()], footage=[FootageItem()], violations=[Violation()])
        empty.reporting_party = None
        _required = frozenset(_INDEX.sub("[]", p.path) for p in validate(empty, now=datetime.now().astimezone())
                              if p.severity == Severity.INCOMPLETE)
    return _required


def validate_settings(settings: StationSettings) -> list[Problem]:
    """Problems of the station's settings for the order (number patterns, per-kind retention), as Settings saves
    them; each names its setting."""
    return settings_problems(settings)


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
        if int(inc.beat[:2]) != inc.district:
            out.append(_wrong("beat", "beat {beat} is not in district {district} (its first two digits are the district)",
                              beat=inc.beat, district=inc.district))
        else:  # the right digits, but no such beat on the city's map (0199, 0100, 1699)
            out.append(_wrong("beat", "beat {beat} is not a beat of district {district}",
                              beat=inc.beat, district=inc.district))
    if inc.occurred_at is None:
        out.append(_missing("occurred_at", "Date and time of the incident is required"))
    elif inc.occurred_at.tzinfo is None:
        out.append(_wrong("occurred_at", "needs a time zone"))
    elif instant(inc.occurred_at) > instant(now) + CLOCK_SKEW:
        out.append(_wrong("occurred_at", "is in the future"))
    if not inc.location.address.strip():
        out.append(_missing("location.address", "Address is required"))
    out += _text_too_long(inc.location.address, "location.address")
    lat, lon = inc.location.latitude, inc.location.longitude
    if (lat is None) != (lon is None):
        out.append(_wrong("location.latitude" if lat is None else "location.longitude", "give both latitude and longitude, or neither"))
    elif lat is not None and lon is not None and not inside_chicago(lat, lon):
        out.append(_wrong("location.latitude", "{latitude}, {longitude} is outside Chicago (in none of its police beats)",
                          latitude=lat, longitude=lon))
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
    if rp.consent_to_contact and not rp.phone.strip() and not is_sealed(inc, "reporting_party.phone"):
        out.append(_missing("reporting_party.phone", "A phone number (consent to contact was given) is required"))
    if not re.match(r"^[a-z]{2,3}$", rp.preferred_language or ""):
        out.append(_wrong("reporting_party.preferred_language", "must be a language code such as en or es"))
    return out


def _added_to_sealed(inc: Incident, record: dict[str, Any] | None) -> list[Problem]:
    """A record held sealed (received from the server, its identity readable only by its readers) takes no
    new value in a sealed field: sealing it for the push would make an envelope of the new values alone, and
    the sealed ones would be lost from that version on (SECURITY.md, "Sealed identity")."""
    if inc.sealed is None:
        return []
    # The interchange dict (SEALED_FIELDS name its paths): a tenth of dataclasses.asdict's time, which was most
    # of a server push's validation (380 ms of every 1,000 sealed records).
    return [_wrong(path, "cannot be written on a record whose civilians' identity is sealed: it would replace what "
                         "is sealed. The station that entered the record adds it")
            for path in clear_values(to_dict(inc) if record is None else record)]


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
    if item.start and item.end and item.start.tzinfo and item.end.tzinfo and instant(item.end) < instant(item.start):
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


# ---------------------------------------------------------------- limits (domain/limits.py)

_MULTILINE = frozenset({"narrative", "description", "details", "comment", "address"})


def _limits(inc: Incident) -> list[Problem]:
    """What no record may hold, whatever its status: more parts than the limits, times outside the years a
    record may hold, control characters (NUL and the like) in its texts, a version out of range."""
    out: list[Problem] = []
    if inc.version < 0:
        out.append(_wrong("version", "cannot be negative"))
    elif inc.version > limits.MAX_VERSION:
        out.append(_wrong("version", "is larger than {limit}", limit=f"{limits.MAX_VERSION:,}"))
    for name, items, limit in (("agents", inc.agents, limits.MAX_AGENTS), ("footage", inc.footage, limits.MAX_FOOTAGE),
                               ("violations", inc.violations, limits.MAX_VIOLATIONS),
                               ("history", inc.history, limits.MAX_HISTORY)):
        if len(items) > limit:
            out.append(_wrong(name, "holds {count} entries; the limit is {limit}", count=f"{len(items):,}",
                              limit=f"{limit:,}"))
    for path, value in _times(inc):
        if value.tzinfo is not None and not limits.within_time_limits(value):
            out.append(_wrong(path, "is outside the times a record may hold ({limits})", limits=limits.TIME_LIMITS_TEXT))
    if _any_control(inc):  # one search over all texts; their paths are looked for only when one holds any
        for path, text in _texts(inc):
            pattern = limits.CONTROL_IN_MULTILINE if path.rsplit(".", 1)[-1] in _MULTILINE else limits.CONTROL
            found = pattern.search(text)
            if found:
                out.append(_wrong(path, "holds a control character (U+{code}) at position {position}",
                                  code=f"{ord(found.group()):04X}", position=found.start() + 1))
    return out


def _any_control(inc: Incident) -> bool:
    single = [inc.report_number, inc.beat, inc.timezone, inc.supervisor.name, inc.supervisor.star,
              getattr(inc, "ccsao_reference", "")]
    multi = [inc.location.address, inc.narrative]
    rp = inc.reporting_party
    if rp is not None:
        single += (rp.name, rp.phone, rp.preferred_language)
        multi.append(rp.address)
    for a in inc.agents[:limits.MAX_AGENTS]:
        single += (a.name, a.badge)
        multi.append(a.description)
        if a.vehicle is not None:
            car = a.vehicle
            single += (car.plate, car.plate_state, car.make, car.model, car.color)
    for f in inc.footage[:limits.MAX_FOOTAGE]:
        single += (f.device_id, f.officer_star, f.evidence_id, f.file_path)
    for v in inc.violations[:limits.MAX_VIOLATIONS]:
        single += (v.statute, v.offence_class)
        multi.append(v.details)
    for h in inc.history[:limits.MAX_HISTORY]:
        single += (h.by_name, h.by_star)
        multi.append(h.comment)
    return _holds_control("".join(single), limits.CONTROL) or _holds_control(
        "".join(multi).replace("\t", "").replace("\n", "").replace("\r", ""), limits.CONTROL_IN_MULTILINE)


def _holds_control(text: str, pattern: re.Pattern[str]) -> bool:
    """Whether `text` holds a character of `pattern` (CONTROL, or CONTROL_IN_MULTILINE on a text without its
    tabs and line breaks). An ASCII text holds one exactly when it is not all printable (U+0020-U+007E): a
    check in C, a tenth of the search's time; others are searched."""
    if text.isascii():
        return not text.isprintable()
    return pattern.search(text) is not None


def _times(inc: Incident) -> Iterator[tuple[str, datetime]]:
    """Every time of a record with its path; its years first, in one pass, as nearly all are well inside."""
    years = [t.year for t in (inc.created_at, inc.updated_at, inc.occurred_at, getattr(inc, "referral_sent_at", None))
             if t is not None]
    for f in inc.footage:
        years += [t.year for t in (f.start, f.end, f.file_mtime, f.hashed_at, f.preservation_requested_at,
                                   f.preservation_deadline) if t is not None]
    years += [h.at.year for h in inc.history]
    if all(limits.year_well_inside(y) for y in years):
        return
    for name in ("created_at", "updated_at", "occurred_at", "referral_sent_at"):
        if getattr(inc, name, None) is not None:
            yield name, getattr(inc, name)
    for i, item in enumerate(inc.footage):
        for name in ("start", "end", "file_mtime", "hashed_at", "preservation_requested_at", "preservation_deadline"):
            if getattr(item, name) is not None:
                yield f"footage[{i}].{name}", getattr(item, name)
    for i, change in enumerate(inc.history):
        yield f"history[{i}].at", change.at


def _texts(inc: Incident) -> Iterator[tuple[str, str]]:
    """Every text of a record with its path (the parts beyond the limits are not looked at)."""
    yield from (("report_number", inc.report_number), ("beat", inc.beat), ("timezone", inc.timezone),
                ("location.address", inc.location.address), ("narrative", inc.narrative),
                ("supervisor.name", inc.supervisor.name), ("supervisor.star", inc.supervisor.star),
                ("ccsao_reference", getattr(inc, "ccsao_reference", "")))
    rp = inc.reporting_party
    if rp is not None:
        yield from (("reporting_party.name", rp.name), ("reporting_party.phone", rp.phone),
                    ("reporting_party.address", rp.address), ("reporting_party.preferred_language", rp.preferred_language))
    for i, a in enumerate(inc.agents[:limits.MAX_AGENTS]):
        yield from ((f"agents[{i}].{n}", getattr(a, n)) for n in ("name", "badge", "description"))
        if a.vehicle is not None:
            yield from ((f"agents[{i}].vehicle.{n}", getattr(a.vehicle, n)) for n in ("plate", "plate_state", "make", "model", "color"))
    for i, f in enumerate(inc.footage[:limits.MAX_FOOTAGE]):
        yield from ((f"footage[{i}].{n}", getattr(f, n)) for n in ("device_id", "officer_star", "evidence_id", "file_path"))
    for i, v in enumerate(inc.violations[:limits.MAX_VIOLATIONS]):
        yield from ((f"violations[{i}].{n}", getattr(v, n)) for n in ("statute", "offence_class", "details"))
    for i, h in enumerate(inc.history[:limits.MAX_HISTORY]):
        yield from ((f"history[{i}].{n}", getattr(h, n)) for n in ("by_name", "by_star", "comment"))
