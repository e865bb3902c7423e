"""Rules of the one validator (validation.validate calls `order_problems`) for what the ICE On Notice order and CPD
practice require: the federal supervisor's credential check, agents' identification, injuries and aid, CPD's RD
and OEMC numbers, footage flags, where it happened (coordinates derive district and beat), violation subsections
and the felony review. Same conventions as validation.py: every problem names its field path; English templates
with named values."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from .catalogue import Catalogue
from .enums import Agency, CredentialCheck, FlagReason, ReviewDecision, Source, YesNoUnknown
from .geography import locate
from .problems import Problem, Severity
from .records import Incident
from .sealed_fields import is_sealed
from .settings import RD_NUMBER_PATTERN, StationSettings

MAX_SHORT_TEXT = 500
MAX_LONG_TEXT = 5000
SUBSECTION = re.compile(r"^(\([0-9A-Za-z.\-]{1,6}\)){1,6}$")
_SKEW = timedelta(minutes=5)  # station clocks drift (validation.CLOCK_SKEW)
FORCE_REASONS = frozenset({FlagReason.USE_OF_FORCE, FlagReason.FIREARM_DISCHARGED})


def _missing(path: str, template: str, **params: object) -> Problem:
    return Problem(path, template, Severity.INCOMPLETE, {k: str(v) for k, v in params.items()})


def _wrong(path: str, template: str, **params: object) -> Problem:
    return Problem(path, template, Severity.INVALID, {k: str(v) for k, v in params.items()})


def _long(value: str, path: str, limit: int = MAX_SHORT_TEXT) -> list[Problem]:
    if len(value) > limit:
        return [_wrong(path, "is {length} characters long; the limit is {limit}", length=f"{len(value):,}",
                       limit=f"{limit:,}")]
    return []


def rd_letters_for_year(year: int) -> str:
    """CPD's RD letters for a year: JA for 2017 on, skipping I, O, Q and U (JJ 2025, JK 2026)."""
    letters = [c for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ" if c not in "IOQU"]
    n = letters.index("J") * len(letters) + (year - 2017)
    if n < 0 or n >= len(letters) ** 2:
        return ""
    return letters[n // len(letters)] + letters[n % len(letters)]


def force_was_used(inc: Incident) -> bool:
    return inc.use_of_force == YesNoUnknown.YES or any(
        f.flag_reasons and not FORCE_REASONS.isdisjoint(f.flag_reasons) for f in inc.footage)


def order_problems(inc: Incident, *, settings: StationSettings | None, catalogue: Catalogue,
                   now: datetime) -> list[Problem]:
    """`settings` None: the RD and OEMC numbers are not held to any station's pattern (the server and a pull,
    which keep a record whatever its numbers look like and flag them instead)."""
    out: list[Problem] = []
    out += _place(inc)
    out += _numbers(inc, settings)
    out += _federal_supervisor(inc)
    for i, agent in enumerate(inc.agents):
        if agent.agency == Agency.OTHER_FEDERAL and not agent.agency_name.strip():
            out.append(_missing(f"agents[{i}].agency_name", "Name the federal agency (e.g. DOJ)"))
        out += _long(agent.agency_name, f"agents[{i}].agency_name")
    out += _injuries(inc)
    for i, item in enumerate(inc.footage):
        path = f"footage[{i}]"
        if item.flagged_at is not None and item.flagged_at.tzinfo is None:
            out.append(_wrong(f"{path}.flagged_at", "needs a time zone"))
        if item.flag_reasons and item.flagged_at is None:
            out.append(_missing(f"{path}.flagged_at", "When the footage was flagged is required"))
        if item.flagged_at is not None and not item.flag_reasons:
            out.append(_missing(f"{path}.flag_reasons", "Why the footage was flagged is required"))
        if item.flagged_at is not None and item.flagged_at > now + _SKEW:
            out.append(_wrong(f"{path}.flagged_at", "is in the future"))
        out += _long(item.hold_form, f"{path}.hold_form", 64)
    for i, v in enumerate(inc.violations):
        if v.subsection and not SUBSECTION.match(v.subsection):
            out.append(_wrong(f"violations[{i}].subsection", "must look like (e)(1)"))
    out += _felony_review(inc, catalogue, now)
    return out


def _place(inc: Incident) -> list[Problem]:
    """Coordinates derive district and beat: a typed district or beat that disagrees is a problem naming both."""
    lat, lon = inc.location.latitude, inc.location.longitude
    if lat is None or lon is None:
        return []
    where = locate(lat, lon)
    if where is None or where.district is None:
        return []  # outside the city (validation.py says so) or in no patrol district: the typed values stand
    out = []
    if inc.district is not None and inc.district != where.district:
        out.append(_wrong("district", "district {typed} disagrees with the coordinates, which are in district "
                          "{derived} (beat {beat})", typed=inc.district, derived=where.district, beat=where.beat))
    elif inc.beat and inc.beat != where.beat:
        out.append(_wrong("beat", "beat {typed} disagrees with the coordinates, which are in beat {derived}",
                          typed=inc.beat, derived=where.beat))
    return out


def _numbers(inc: Incident, settings: StationSettings | None) -> list[Problem]:
    out = []
    rd = inc.cpd_rd_number
    if rd:
        if len(rd) > 32 or (settings is not None and not _matches(settings.rd_number_pattern, rd)):
            # The shape in words is the default pattern's; a station's own pattern is named by where it is set.
            if settings is not None and settings.rd_number_pattern != RD_NUMBER_PATTERN:
                out.append(_wrong("cpd_rd_number", "is not an RD number (the settings give its pattern)"))
            else:
                out.append(_wrong("cpd_rd_number", "must be an RD number: two letters and six digits, e.g. JK123456"))
        elif inc.occurred_at is not None:
            year = inc.occurred_at.year
            expected = {rd_letters_for_year(year), rd_letters_for_year(year + 1)} - {""}
            if expected and rd[:2] not in expected:
                out.append(_wrong("cpd_rd_number", "{letters} is not the RD letters of {year} ({expected})",
                                  letters=rd[:2], year=year, expected=rd_letters_for_year(year)))
    if inc.oemc_event_number and (len(inc.oemc_event_number) > 32 or (
            settings is not None and not _matches(settings.oemc_event_number_pattern, inc.oemc_event_number))):
        out.append(_wrong("oemc_event_number", "is not an OEMC event number (the settings give its pattern)"))
    return out


NUMBER_FIELDS = (("cpd_rd_number", "rd_number_pattern"), ("oemc_event_number", "oemc_event_number_pattern"))


def unmatched_numbers(inc: Incident, settings: StationSettings) -> list[tuple[str, str, str]]:
    """(field, value, pattern) of each RD or OEMC number the patterns refuse: what the server flags rather than
    refuse (the station typed it to its own pattern; the record is evidence and is kept)."""
    out = []
    for field_name, setting in NUMBER_FIELDS:
        value, pattern = getattr(inc, field_name), getattr(settings, setting)
        if value and not _matches(pattern, value):
            out.append((field_name, value, pattern))
    return out


def _matches(pattern: str, value: str) -> bool:
    try:
        return re.fullmatch(pattern, value) is not None
    except (re.error, TypeError):
        return False  # a broken pattern in the settings accepts nothing rather than everything


def _federal_supervisor(inc: Incident) -> list[Problem]:
    fs = inc.federal_supervisor
    out: list[Problem] = []
    for name in ("name", "badge", "agency_name"):
        out += _long(getattr(fs, name), f"federal_supervisor.{name}")
    out += _long(fs.not_attempted_reason, "federal_supervisor.not_attempted_reason", MAX_LONG_TEXT)
    if fs.credential_check is None:
        if inc.source != Source.OBSERVED and fs.is_empty():
            return out  # CPD was not on scene (a community report, a call): there was no check to make
        out.append(_missing("federal_supervisor.credential_check",
                            "The federal supervisor's credential check (or that none was present) is required"))
        return out
    if fs.credential_check == CredentialCheck.NO_SUPERVISOR_PRESENT:
        return out
    if fs.agency == Agency.OTHER_FEDERAL and not fs.agency_name.strip():
        out.append(_missing("federal_supervisor.agency_name", "Name the federal agency (e.g. DOJ)"))
    if fs.credential_check == CredentialCheck.NOT_ATTEMPTED and not fs.not_attempted_reason.strip():
        out.append(_missing("federal_supervisor.not_attempted_reason",
                            "Why the credential check was not attempted is required"))
    if fs.credential_check == CredentialCheck.VERIFIED and not (fs.name.strip() and fs.badge.strip()):
        out.append(_missing("federal_supervisor.badge" if fs.name.strip() else "federal_supervisor.name",
                            "A verified credential check records the supervisor's name and badge"))
    if fs.credential_check in (CredentialCheck.VERIFIED, CredentialCheck.REFUSED):
        if fs.checked_at is None:
            out.append(_missing("federal_supervisor.checked_at", "The time of the credential check is required"))
        if not fs.footage_id:
            out.append(_missing("federal_supervisor.footage_id",
                                "The footage that shows the credential check is required"))
    if fs.checked_at is not None and fs.checked_at.tzinfo is None:
        out.append(_wrong("federal_supervisor.checked_at", "needs a time zone"))
    if fs.footage_id and fs.footage_id not in {f.id for f in inc.footage}:
        out.append(_wrong("federal_supervisor.footage_id", "refers to footage that is not in this incident"))
    return out


def _injuries(inc: Incident) -> list[Problem]:
    out: list[Problem] = []
    m = inc.medical
    if m.anyone_injured is None and not inc.injuries and force_was_used(inc):
        out.append(_missing("medical.anyone_injured", "Force was used: say whether anyone was injured"))
    if m.anyone_injured == YesNoUnknown.YES and not inc.injuries:
        out.append(_missing("injuries", "Describe each injured person"))
    if m.anyone_injured == YesNoUnknown.NO and inc.injuries:
        out.append(_wrong("medical.anyone_injured", "says no one was injured, but injuries are listed"))
    for i, injury in enumerate(inc.injuries):
        if not injury.description.strip() and not is_sealed(inc, f"injuries[{i}].description"):
            out.append(_missing(f"injuries[{i}].description", "Describe the injury"))
        out += _long(injury.description, f"injuries[{i}].description", MAX_LONG_TEXT)
    if m.ems_summoned_at is not None and m.ems_summoned_at.tzinfo is None:
        out.append(_wrong("medical.ems_summoned_at", "needs a time zone"))
    out += _long(m.ems_unit, "medical.ems_unit", 64)
    out += _long(m.transported_to, "medical.transported_to")
    return out


def _felony_review(inc: Incident, catalogue: Catalogue, now: datetime) -> list[Problem]:
    fr = inc.felony_review
    out: list[Problem] = []
    for name in ("asa_name", "asa_unit", "reference"):
        out += _long(getattr(fr, name), f"felony_review.{name}")
    if fr.steps and not fr.asa_name.strip():
        out.append(_missing("felony_review.asa_name", "The reviewing Assistant State's Attorney is required"))
    previous = None
    for i, step in enumerate(fr.steps):
        path = f"felony_review.steps[{i}]"
        if step.decided_on > now.date():
            out.append(_wrong(f"{path}.decided_on", "is in the future"))
        if previous is not None and step.decided_on < previous.decided_on:
            out.append(_wrong(f"{path}.decided_on", "is before the decision it follows"))
        if previous is not None and step.decision not in NEXT_DECISIONS[previous.decision]:
            out.append(_wrong(f"{path}.decision", "{decision} cannot follow {previous}",
                              decision=step.decision.value, previous=previous.decision.value))
        if step.decision in (ReviewDecision.CHARGES_APPROVED, ReviewDecision.MISDEMEANOR) and not step.charges:
            out.append(_missing(f"{path}.charges", "The charges approved or filed are required"))
        for j, charge in enumerate(step.charges):
            statute = catalogue.get(charge.citation)
            if statute is None:
                out.append(_wrong(f"{path}.charges[{j}].citation", "{statute} is not in the statute catalogue",
                                  statute=repr(charge.citation)))
            elif charge.offence_class not in statute.classes:
                out.append(_wrong(f"{path}.charges[{j}].offence_class", "{chosen} is not a class of {citation} "
                                  "({classes})", chosen=repr(charge.offence_class), citation=statute.citation,
                                  classes=", ".join(statute.classes)))
        out += _long(step.comment, f"{path}.comment", MAX_LONG_TEXT)
        previous = step
    for i, t in enumerate(fr.touhy_requests):
        path = f"felony_review.touhy_requests[{i}]"
        if not t.what.strip():
            out.append(_missing(f"{path}.what", "What the Touhy request asks for is required"))
        if t.agency == Agency.OTHER_FEDERAL and not t.agency_name.strip():
            out.append(_missing(f"{path}.agency_name", "Name the federal agency (e.g. DOJ)"))
        out += _long(t.what, f"{path}.what", MAX_LONG_TEXT)
        if t.sent_on is not None and t.sent_on > now.date():
            out.append(_wrong(f"{path}.sent_on", "is in the future"))
    return out


# Which felony review decision may follow which: a decline may be followed by the misdemeanor local police file
# (or a new review); a continuing investigation or a grand jury ends in any outcome; approved charges and a
# misdemeanor are final.
NEXT_DECISIONS: dict[ReviewDecision, frozenset[ReviewDecision]] = {
    ReviewDecision.DECLINED: frozenset({ReviewDecision.MISDEMEANOR, ReviewDecision.CONTINUING}),
    ReviewDecision.CONTINUING: frozenset(ReviewDecision),
    ReviewDecision.GRAND_JURY: frozenset({ReviewDecision.CHARGES_APPROVED, ReviewDecision.DECLINED,
                                          ReviewDecision.MISDEMEANOR}),
    ReviewDecision.CHARGES_APPROVED: frozenset(),
    ReviewDecision.MISDEMEANOR: frozenset(),
}
FINAL_DECISIONS = frozenset({ReviewDecision.CHARGES_APPROVED, ReviewDecision.MISDEMEANOR, ReviewDecision.DECLINED})



# ---------------------------------------------------------------- the station's settings for the order
MAX_PATTERN = 200
MAX_KIND_RETENTION_DAYS = 3650
PER_KIND_RETENTION = ("pod_camera", "private_business_camera")


def settings_problems(settings: StationSettings) -> list[Problem]:
    """The RD and OEMC number patterns (regular expressions the numbers must match whole) and the retention of POD
    and private camera footage (days, or none: no scheduled purge), as Settings changes them."""
    out: list[Problem] = []
    for name in ("rd_number_pattern", "oemc_event_number_pattern"):
        pattern = getattr(settings, name)
        if not isinstance(pattern, str) or not pattern.strip():
            out.append(_missing(name, "A pattern is required"))
            continue
        out += _long(pattern, name, MAX_PATTERN)
        try:
            re.compile(pattern)
        except re.error as exc:
            out.append(_wrong(name, "is not a valid pattern: {error}", error=exc))
    if not isinstance(settings.retention_days, int) or not 1 <= settings.retention_days <= MAX_KIND_RETENTION_DAYS:
        out.append(_wrong("retention_days", "must be between {low} and {high} days", low=1,
                          high=MAX_KIND_RETENTION_DAYS))
    per_kind = settings.footage_retention_days if isinstance(settings.footage_retention_days, dict) else {}
    for kind in PER_KIND_RETENTION:
        days = per_kind.get(kind)
        if days is not None and (isinstance(days, bool) or not isinstance(days, int)
                                 or not 0 <= days <= MAX_KIND_RETENTION_DAYS):
            out.append(_wrong(f"footage_retention_days.{kind}", "must be between {low} and {high} days", low=0,
                              high=MAX_KIND_RETENTION_DAYS))
    return out
