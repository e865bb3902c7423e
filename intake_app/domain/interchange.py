"""The JSON interchange format `intake.incident/2` (reads `/1` too): lossless in both directions.

`to_dict` writes every field; `from_dict` reads it back and reports every structural problem
with its field path (content rules live in validation.py). The JSON Schema lives in
resources/schema/incident-2.schema.json (incident-1 for the first format). A `/1` record reads as a `/2`
record with none of the second format's fields; they are written only once set, so a record that has none keeps
the content it always had (see legacy_canonical_json).
"""

from __future__ import annotations

import builtins
import hashlib
import json
import re
import uuid
from collections.abc import Sequence
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any, TypeVar, cast, overload
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import orjson

from ..paths import resource_path
from . import enums, limits
from .bounded_json import parse as parse_bounded
from .instants import instant_text
from .limits import TIME_LIMITS_TEXT, within_time_limits
from .problems import Problem, ValidationError
from .records import (
    Agent,
    ApprovedCharge,
    FederalSupervisor,
    FelonyReview,
    FootageItem,
    Incident,
    Injury,
    Location,
    Medical,
    ReportingParty,
    ReviewStep,
    StatusChange,
    Supervisor,
    TouhyRequest,
    Vehicle,
    Violation,
)
from .sealed_fields import ENVELOPE_KEY, envelope_problems

FORMAT = "intake.incident/2"
FORMAT_1 = "intake.incident/1"
READABLE_FORMATS = (FORMAT, FORMAT_1)
E = TypeVar("E", bound=StrEnum)
# A UUID already in the form we write (lowercase, hyphenated) is taken as it is: most ids read are ours, and
# parsing each with uuid.UUID was a fifth of reading a record.
_CANONICAL_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


# ---------------------------------------------------------------- writing

def _dt(value: datetime | None) -> str | None:
    # From the exact instant (instants.instant_text): a wall time the clocks skipped is written as the time
    # they showed, so the text stored is the text read back.
    return instant_text(value) if value is not None else None


def to_dict(inc: Incident) -> dict[str, Any]:
    rp = inc.reporting_party
    return {
        "format": FORMAT,
        "id": inc.id,
        "report_number": inc.report_number,
        "status": inc.status.value,
        "created_at": _dt(inc.created_at),
        "updated_at": _dt(inc.updated_at),
        "version": inc.version,
        "district": inc.district,
        "beat": inc.beat,
        "occurred_at": _dt(inc.occurred_at),
        "timezone": inc.timezone,
        "location": {"address": inc.location.address, "latitude": inc.location.latitude, "longitude": inc.location.longitude},
        "source": inc.source.value if inc.source else None,
        "reporting_party": None if rp is None else _reporting_party_dict(rp),
        "narrative": inc.narrative,
        "supervisor": {"name": inc.supervisor.name, "star": inc.supervisor.star},
        "agents": [_agent_dict(a) for a in inc.agents],
        "footage": [_footage_dict(f) for f in inc.footage],
        "violations": [
            {"id": v.id, "statute": v.statute, "offence_class": v.offence_class, "details": v.details, "agent_ids": list(v.agent_ids)}
            | _violation_order_dict(v)
            for v in inc.violations
        ],
        "history": [
            {"from_status": h.from_status.value, "to_status": h.to_status.value, "by_name": h.by_name,
             "by_star": h.by_star, "at": _dt(h.at), "comment": h.comment}
            for h in inc.history
        ],
        "is_demo": inc.is_demo,
    } | _referral_dict(inc) | _order_dict(inc) | ({} if inc.sealed is None else {ENVELOPE_KEY: inc.sealed})


def _reporting_party_dict(rp: ReportingParty) -> dict[str, Any]:
    out: dict[str, Any] = {
        "name": rp.name, "phone": rp.phone, "preferred_language": rp.preferred_language,
        "consent_to_contact": rp.consent_to_contact, "confidential": rp.confidential,
    }
    # Written only when given, so records without one keep the canonical JSON (and hashes) they always had.
    if rp.address:
        out["address"] = rp.address
    return out


def _referral_dict(inc: Incident) -> dict[str, Any]:
    # Written only once set, so records never referred keep the canonical JSON (and hashes) they always had.
    out: dict[str, Any] = {}
    if inc.referral_sent_at is not None:
        out["referral_sent_at"] = _dt(inc.referral_sent_at)
    if inc.ccsao_reference:
        out["ccsao_reference"] = inc.ccsao_reference
    return out


def _agent_dict(a: Agent) -> dict[str, Any]:
    v = a.vehicle
    return {
        "id": a.id, "agency": a.agency.value, "name": a.name, "badge": a.badge,
        "identified_by": a.identified_by.value if a.identified_by else None,
        "masked": a.masked, "description": a.description,
        "vehicle": None if v is None else {"plate": v.plate, "plate_state": v.plate_state, "make": v.make, "model": v.model, "color": v.color},
    } | _agent_order_dict(a)


def _footage_dict(f: FootageItem) -> dict[str, Any]:
    return {
        "id": f.id, "kind": f.kind.value, "device_id": f.device_id, "officer_star": f.officer_star,
        "start": _dt(f.start), "end": _dt(f.end), "evidence_id": f.evidence_id,
        "file_path": f.file_path, "sha256": f.sha256, "file_size": f.file_size,
        "file_mtime": _dt(f.file_mtime), "hashed_at": _dt(f.hashed_at),
        "preservation_status": f.preservation_status.value,
        "preservation_requested_at": _dt(f.preservation_requested_at),
        "preservation_deadline": _dt(f.preservation_deadline),
    } | _footage_order_dict(f)


def dumps(incidents: Incident | list[Incident]) -> str:
    if isinstance(incidents, Incident):
        return json.dumps(to_dict(incidents), ensure_ascii=False, indent=2)
    return json.dumps([to_dict(i) for i in incidents], ensure_ascii=False, indent=2)


def canonical_json(inc: Incident) -> bytes:
    """One byte string per record content, for hashes (packets' QR code, sync checks)."""
    return canonical_bytes(to_dict(inc))


def canonical_bytes(record: dict[str, Any]) -> bytes:
    """canonical_json of a record already turned into its dict (to_dict), for callers that have it."""
    return canonical_text(record).encode("utf-8")


def canonical_text(record: dict[str, Any]) -> str:
    """The canonical form as text: how the store keeps each record (its JSON column), so the audit trail's
    state hash is the hash of what is stored, with no second serialisation.

    The form is json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":")), and stays so:
    hashes of stored records depend on it. orjson writes the same text about five times faster (a tenth of
    storing a synced record), except for floats it would write with an exponent (below 1e-4 or from 1e16),
    NaN and infinities, and what it refuses (integers beyond 64 bits, lone surrogates). A record's only
    floats are its coordinates: anything else, and anything orjson refuses, goes to json.dumps.
    tests/domain/test_canonical_text.py holds the two side by side."""
    location = record.get("location")
    if type(location) is dict and _plain_float(location.get("latitude")) and _plain_float(location.get("longitude")):
        try:
            return orjson.dumps(record, option=_ORJSON_OPTIONS).decode()
        except TypeError:  # orjson.JSONEncodeError
            pass
    return json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


# Datetimes and dataclasses are refused, as json.dumps refuses them (a record's dict holds neither: to_dict
# writes their text), rather than written in orjson's own way.
_ORJSON_OPTIONS = orjson.OPT_SORT_KEYS | orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS


def _plain_float(value: Any) -> bool:
    """A coordinate both writers write alike: none, or a float written without an exponent."""
    return value is None or (type(value) is float and (value == 0.0 or 1e-4 <= abs(value) < 1e15))


# ---------------------------------------------------------------- reading

class _Reader:
    """Reads one JSON object, collecting problems under field paths instead of stopping at the first."""

    def __init__(self, data: Any, path: str, problems: list[Problem]):
        self.path = path
        self.problems = problems
        if not isinstance(data, dict):
            self._bad(path or "(record)", "must be a JSON object")
            data = {}
        self.data: dict[str, Any] = data

    def _p(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def _bad(self, path: str, message: str) -> None:
        self.problems.append(Problem(path, message))

    def raw(self, key: str) -> Any:
        return self.data.get(key)

    def str(self, key: str, default: str = "") -> str:
        value = self.data.get(key, default)
        if type(value) is str:  # nearly always: the rest is the unusual cases, in order
            return value
        if value is None:
            return default
        if not isinstance(value, str):
            self._bad(self._p(key), "must be text")
            return default
        return value

    def bool(self, key: builtins.str, default: builtins.bool) -> builtins.bool:
        value = self.data.get(key, default)
        if not isinstance(value, bool):
            self._bad(self._p(key), "must be true or false")
            return default
        return value

    def int(self, key: builtins.str, *, required: builtins.bool = False) -> int | None:
        value = self.data.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self._bad(self._p(key), "must be a whole number")
            return None
        return value

    def float(self, key: builtins.str) -> float | None:
        value = self.data.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            self._bad(self._p(key), "must be a number")
            return None
        return float(value)

    @overload
    def enum(self, key: builtins.str, kind: type[E]) -> E | None: ...
    @overload
    def enum(self, key: builtins.str, kind: type[E], default: E) -> E: ...

    def enum(self, key: builtins.str, kind: type[E], default: E | None = None) -> E | None:
        """The member named by `key`; `default` where it is absent, or (as a problem noted) not one of `kind`."""
        value = self.data.get(key)
        if value is None:
            return default
        try:
            # The enum's own value-to-member index: what kind(value) looks up, without the call's dispatch
            # (a dozen per record, for every record a sync reads).
            member = kind._value2member_map_.get(value)
        except TypeError:  # an unhashable value (a list...): not one of them
            member = None
        if member is not None:
            return cast(E, member)
        try:
            return kind(value)
        except ValueError:
            allowed = ", ".join(m.value for m in kind)
            self._bad(self._p(key), f"{value!r} is not one of: {allowed}")
            return default

    def datetime(self, key: builtins.str) -> datetime | None:
        value = self.data.get(key)
        if value is None:
            return None
        if not isinstance(value, str):
            self._bad(self._p(key), "must be an ISO 8601 date and time text")
            return None
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            self._bad(self._p(key), f"{value!r} is not an ISO 8601 date and time")
            return None
        if parsed.tzinfo is None:
            self._bad(self._p(key), "needs a time zone offset, e.g. 2026-11-02T14:30:00-06:00")
        elif not within_time_limits(parsed):
            self._bad(self._p(key), f"{value!r} is outside the times a record may hold ({TIME_LIMITS_TEXT})")
            return None
        return parsed

    def uuid(self, key: builtins.str) -> builtins.str:
        value = self.data.get(key)
        if value is None:
            return str(uuid.uuid4())
        if type(value) is str and _CANONICAL_UUID.fullmatch(value):
            return value
        try:
            return str(uuid.UUID(str(value)))
        except ValueError:
            self._bad(self._p(key), f"{value!r} is not a UUID")
            return str(uuid.uuid4())

    def obj(self, key: builtins.str) -> _Reader | None:
        value = self.data.get(key)
        return None if value is None else _Reader(value, self._p(key), self.problems)

    def items(self, key: builtins.str) -> list[_Reader]:
        value = self.data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self._bad(self._p(key), "must be a list")
            return []
        return [_Reader(v, f"{self._p(key)}[{i}]", self.problems) for i, v in enumerate(value)]


def from_dict(data: Any, *, path: str = "") -> Incident:
    """Raises ValidationError listing every structural problem, each with its field path."""
    problems: list[Problem] = []
    r = _Reader(data, path, problems)
    fmt = r.raw("format")
    if fmt not in READABLE_FORMATS:
        problems.append(Problem(r._p("format"), f"must be {FORMAT!r} or {FORMAT_1!r} (found {fmt!r})"))
    tz_name = r.str("timezone", "America/Chicago")
    try:
        tz = ZoneInfo(tz_name)
    except (ZoneInfoNotFoundError, ValueError):
        problems.append(Problem(r._p("timezone"), f"{tz_name!r} is not a known time zone"))
        tz = None
    occurred = r.datetime("occurred_at")
    if occurred is not None and occurred.tzinfo is not None and tz is not None:
        occurred = occurred.astimezone(tz)
    loc = r.obj("location")
    rp = r.obj("reporting_party")
    sup = r.obj("supervisor")
    inc = Incident(
        id=r.uuid("id"),
        report_number=r.str("report_number"),
        status=r.enum("status", enums.Status, enums.Status.DRAFT),
        created_at=r.datetime("created_at"),
        updated_at=r.datetime("updated_at"),
        version=r.int("version") or 0,
        district=r.int("district"),
        beat=r.str("beat"),
        occurred_at=occurred,
        timezone=tz_name,
        location=Location(loc.str("address"), loc.float("latitude"), loc.float("longitude")) if loc else Location(),
        source=r.enum("source", enums.Source),
        reporting_party=None if rp is None else ReportingParty(
            rp.str("name"), rp.str("phone"), rp.str("preferred_language", "en") or "en",
            rp.bool("consent_to_contact", False), rp.bool("confidential", True), rp.str("address"),
        ),
        narrative=r.str("narrative"),
        supervisor=Supervisor(sup.str("name"), sup.str("star")) if sup else Supervisor(),
        agents=[_agent(a) for a in r.items("agents")],
        footage=[_footage(f) for f in r.items("footage")],
        violations=[_violation(v) for v in r.items("violations")],
        history=[h for h in (_history(h) for h in r.items("history")) if h is not None],
        is_demo=r.bool("is_demo", False),
        referral_sent_at=r.datetime("referral_sent_at"),
        ccsao_reference=r.str("ccsao_reference"),
        sealed=_sealed(r),
    )
    _read_order(r, inc)
    _unique_ids(inc, path, problems)
    _unknown_fields(data, path, problems)
    if problems:
        raise ValidationError(problems)
    return inc


def _sealed(r: _Reader) -> dict[str, Any] | None:
    """The sealed envelope, if any, checked for shape only (it is opened by security/sealing.py)."""
    envelope = r.raw(ENVELOPE_KEY)
    problems = envelope_problems(envelope, path=r._p(ENVELOPE_KEY))
    r.problems.extend(problems)
    return None if envelope is None or problems else envelope


def _unique_ids(inc: Incident, path: str, problems: list[Problem]) -> None:
    prefix = f"{path}." if path else ""
    # Every item here has an id; the sections' item types differ.
    sections: tuple[tuple[str, Sequence[Any]], ...] = (
        ("agents", inc.agents), ("footage", inc.footage), ("violations", inc.violations),
        ("injuries", inc.injuries), ("felony_review.touhy_requests", inc.felony_review.touhy_requests))
    for name, items in sections:
        seen: set[str] = set()
        for i, item in enumerate(items):
            if item.id in seen:
                problems.append(Problem(f"{prefix}{name}[{i}].id", "is used twice in this incident"))
            seen.add(item.id)


def _agent(r: _Reader) -> Agent:
    v = r.obj("vehicle")
    return Agent(
        id=r.uuid("id"),
        agency=r.enum("agency", enums.Agency, enums.Agency.UNKNOWN),
        name=r.str("name"), badge=r.str("badge"),
        identified_by=r.enum("identified_by", enums.IdentifiedBy),
        masked=r.bool("masked", False), description=r.str("description"),
        vehicle=None if v is None else Vehicle(v.str("plate"), v.str("plate_state"), v.str("make"), v.str("model"), v.str("color")),
        **_agent_order_fields(r),
    )


def _footage(r: _Reader) -> FootageItem:
    return FootageItem(
        id=r.uuid("id"),
        kind=r.enum("kind", enums.FootageKind, enums.FootageKind.OTHER),
        device_id=r.str("device_id"), officer_star=r.str("officer_star"),
        start=r.datetime("start"), end=r.datetime("end"), evidence_id=r.str("evidence_id"),
        file_path=r.str("file_path"), sha256=r.str("sha256"), file_size=r.int("file_size"),
        file_mtime=r.datetime("file_mtime"), hashed_at=r.datetime("hashed_at"),
        preservation_status=r.enum("preservation_status", enums.Preservation, enums.Preservation.NOT_REQUESTED),
        preservation_requested_at=r.datetime("preservation_requested_at"),
        preservation_deadline=r.datetime("preservation_deadline"),
        **_footage_order_fields(r),
    )


def _violation(r: _Reader) -> Violation:
    ids = r.raw("agent_ids") or []
    if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
        r._bad(r._p("agent_ids"), "must be a list of agent ids")
        ids = []
    return Violation(id=r.uuid("id"), statute=r.str("statute"), offence_class=r.str("offence_class"),
                     details=r.str("details"), agent_ids=list(ids), subsection=r.str("subsection"))


def _history(r: _Reader) -> StatusChange | None:
    frm, to, at = r.enum("from_status", enums.Status), r.enum("to_status", enums.Status), r.datetime("at")
    if frm is None or to is None or at is None:
        r._bad(r.path, "a history entry needs from_status, to_status and at")
        return None
    return StatusChange(frm, to, r.str("by_name"), r.str("by_star"), at, r.str("comment"))


def loads(text: str) -> list[Incident]:
    """One incident or a list of them. Raises ValidationError naming every bad field."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValidationError([Problem("(file)", f"is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}")]) from exc
    if isinstance(data, list):
        incidents, problems = [], []
        for i, item in enumerate(data):
            try:
                incidents.append(from_dict(item, path=f"[{i}]"))
            except ValidationError as err:
                problems += err.problems
        if problems:
            raise ValidationError(problems)
        return incidents
    return [from_dict(data)]


# ---------------------------------------------------------------- files from outside (bounded)

def _known_fields(fmt: str) -> frozenset[str]:
    """The top-level fields of `fmt`: its published schema's properties and, for the format this version writes,
    every field to_dict writes, the optional ones included (so a field added there is known here without a
    second list to keep). An older format knows only its own: a file that says /1 carrying a /2 field is refused."""

    known: set[str] = set()
    if fmt == FORMAT:
        full = Incident(referral_sent_at=datetime(2026, 1, 1, tzinfo=UTC), ccsao_reference="x",
                        reporting_party=ReportingParty(address="x"))
        known.update(to_dict(full))
    schema = resource_path("schema") / f"incident-{fmt.rsplit('/', 1)[1]}.schema.json"
    known.update(json.loads(schema.read_text(encoding="utf-8"))["properties"])
    return frozenset(known)


_KNOWN_FIELDS: dict[str, frozenset[str]] = {}


def _unknown_fields(data: Any, path: str, problems: list[Problem]) -> None:
    """A top-level field the file's format does not have is refused by name, never dropped silently."""
    if not isinstance(data, dict):
        return
    named = data.get("format")
    fmt = named if named in READABLE_FORMATS else FORMAT  # the message names the format the file says it is
    if fmt not in _KNOWN_FIELDS:
        _KNOWN_FIELDS[fmt] = _known_fields(fmt)
    for key in data:
        if key not in _KNOWN_FIELDS[fmt]:
            shown = key if len(key) <= 60 else key[:60] + "…"
            problems.append(Problem(f"{path}.{shown}" if path else shown, f"is not a field of {fmt}"))


def _parts_beyond_limits(item: Any, path: str) -> list[Problem]:
    """The validator's limits on the number of parts (limits.py), checked on the file's lists themselves."""

    if not isinstance(item, dict):
        return []
    out = []
    for name, limit in (("agents", limits.MAX_AGENTS), ("footage", limits.MAX_FOOTAGE),
                        ("violations", limits.MAX_VIOLATIONS), ("history", limits.MAX_HISTORY)):
        value = item.get(name)
        if isinstance(value, list) and len(value) > limit:
            out.append(Problem(f"{path}.{name}" if path else name, "holds {count} entries; the limit is {limit}",
                               params={"count": f"{len(value):,}", "limit": f"{limit:,}"}))
    return out


def loads_file(data: bytes) -> list[Incident]:
    """One incident or a list of them from a file's bytes (`intake import`), within the bounds of
    bounded_json: raises ValidationError naming every bad field, or the byte offset where the file stops
    being JSON. Two records with the same id in one file are refused as such."""
    value = parse_bounded(data)
    items = value if isinstance(value, list) else [value]
    incidents, problems = [], []
    for i, item in enumerate(items):
        path = f"[{i}]" if isinstance(value, list) else ""
        too_many = _parts_beyond_limits(item, path)
        if too_many:  # refused before ten thousand parts are built
            problems += too_many
            continue
        try:
            incidents.append(from_dict(item, path=path))
        except ValidationError as err:
            problems += err.problems
    seen: dict[str, int] = {}
    for i, inc in enumerate(incidents if not problems else []):
        if inc.id in seen:
            problems.append(Problem(f"[{i}].id", f"is the id of [{seen[inc.id]}] too: one file holds each incident once"))
        seen.setdefault(inc.id, i)
    if problems:
        raise ValidationError(problems)
    return incidents
# ---------------------------------------------------------------- intake.incident/2: what the order and CPD
# practice require. Each part is written only once something in it is set (see the module docstring).

_AGENCIES_1 = frozenset({"ice_ero", "ice_hsi", "cbp_border_patrol", "cbp_ofo", "other_dhs", "fbi", "us_marshals",
                         "unknown"})
MAX_ORDER_ITEMS = 1000  # injuries, review steps, charges, Touhy requests: a bound on hostile lists


def _order_dict(inc: Incident) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if inc.cpd_rd_number:
        out["cpd_rd_number"] = inc.cpd_rd_number
    if inc.oemc_event_number:
        out["oemc_event_number"] = inc.oemc_event_number
    fs = inc.federal_supervisor
    if not fs.is_empty():
        out["federal_supervisor"] = {
            "agency": fs.agency.value, "agency_name": fs.agency_name, "name": fs.name, "badge": fs.badge,
            "credential_check": fs.credential_check.value if fs.credential_check else None,
            "not_attempted_reason": fs.not_attempted_reason, "checked_at": _dt(fs.checked_at),
            "footage_id": fs.footage_id,
        }
    if inc.use_of_force is not None:
        out["use_of_force"] = inc.use_of_force.value
    if inc.injuries:
        out["injuries"] = [{"id": i.id, "role": i.role.value, "description": i.description,
                            "severity": i.severity.value} for i in inc.injuries]
    m = inc.medical
    if not m.is_empty():
        out["medical"] = {
            "anyone_injured": m.anyone_injured.value if m.anyone_injured else None,
            "ems_summoned_at": _dt(m.ems_summoned_at), "ems_unit": m.ems_unit,
            "aid_rendered_by_cpd": m.aid_rendered_by_cpd.value, "transported_to": m.transported_to,
        }
    fr = inc.felony_review
    if not fr.is_empty():
        out["felony_review"] = {
            "asa_name": fr.asa_name, "asa_unit": fr.asa_unit, "reference": fr.reference,
            "steps": [{"decision": s.decision.value, "decided_on": s.decided_on.isoformat(),
                       "charges": [{"citation": c.citation, "offence_class": c.offence_class,
                                    "subsection": c.subsection} for c in s.charges],
                       "comment": s.comment, "by_name": s.by_name, "by_star": s.by_star,
                       "recorded_at": _dt(s.recorded_at)} for s in fr.steps],
            "touhy_requests": [{"id": t.id, "agency": t.agency.value, "agency_name": t.agency_name, "what": t.what,
                                "sent_on": t.sent_on.isoformat() if t.sent_on else None,
                                "status": t.status.value} for t in fr.touhy_requests],
        }
    return out


def _agent_order_dict(a: Agent) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if a.agency_name:
        out["agency_name"] = a.agency_name
    for name in ("visible_id_displayed", "body_camera_worn", "refused_to_identify"):
        value = getattr(a, name)
        if value != enums.YesNoUnknown.UNKNOWN:
            out[name] = value.value
    return out


def _footage_order_dict(f: FootageItem) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if f.flagged_at is not None:
        out["flagged_at"] = _dt(f.flagged_at)
    if f.flag_reasons:
        out["flag_reasons"] = [r.value for r in f.flag_reasons]
    if f.hold_form:
        out["hold_form"] = f.hold_form
    return out


def _violation_order_dict(v: Violation) -> dict[str, Any]:
    return {"subsection": v.subsection} if v.subsection else {}


def uses_format_2(inc: Incident) -> bool:
    """Whether the record holds anything the first format could not say."""
    return bool(_order_dict(inc)) or any(
        _agent_order_dict(a) or a.agency.value not in _AGENCIES_1 for a in inc.agents) or any(
        _footage_order_dict(f) for f in inc.footage) or any(v.subsection for v in inc.violations)


def legacy_canonical_json(inc: Incident) -> bytes | None:
    """The canonical JSON the first format gave this record, or None if it holds anything new. A record stored,
    audited or printed on a packet before the second format hashed to this; checks of those hashes accept it."""
    if uses_format_2(inc):
        return None
    return canonical_bytes(to_dict(inc) | {"format": FORMAT_1})


def record_hashes(inc: Incident) -> set[str]:
    """SHA-256 of the record's canonical JSON, and of its first-format form where it has one."""
    hashes = {hashlib.sha256(canonical_json(inc)).hexdigest()}
    legacy = legacy_canonical_json(inc)
    if legacy is not None:
        hashes.add(hashlib.sha256(legacy).hexdigest())
    return hashes


def _read_date(r: _Reader, key: str) -> date | None:
    value = r.raw(key)
    if value is None:
        return None
    if not isinstance(value, str) or len(value) > 10:
        r._bad(r._p(key), "must be a date, e.g. 2026-11-02")
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        r._bad(r._p(key), f"{value!r} is not a date (YYYY-MM-DD)")
        return None


def _bounded(r: _Reader, key: str) -> list[_Reader]:
    items = r.items(key)
    if len(items) > MAX_ORDER_ITEMS:
        r._bad(r._p(key), f"has {len(items):,} entries; at most {MAX_ORDER_ITEMS:,} are accepted")
        return []
    return items


def _read_order(r: _Reader, inc: Incident) -> None:
    inc.cpd_rd_number = r.str("cpd_rd_number")
    inc.oemc_event_number = r.str("oemc_event_number")
    fs = r.obj("federal_supervisor")
    if fs is not None:
        inc.federal_supervisor = FederalSupervisor(
            agency=fs.enum("agency", enums.Agency, enums.Agency.UNKNOWN), agency_name=fs.str("agency_name"),
            name=fs.str("name"), badge=fs.str("badge"), credential_check=fs.enum("credential_check", enums.CredentialCheck),
            not_attempted_reason=fs.str("not_attempted_reason"), checked_at=fs.datetime("checked_at"),
            footage_id=fs.str("footage_id"))
    inc.use_of_force = r.enum("use_of_force", enums.YesNoUnknown)
    inc.injuries = [Injury(id=i.uuid("id"), role=i.enum("role", enums.InjuredRole, enums.InjuredRole.OTHER),
                           description=i.str("description"),
                           severity=i.enum("severity", enums.InjurySeverity, enums.InjurySeverity.UNKNOWN))
                    for i in _bounded(r, "injuries")]
    m = r.obj("medical")
    if m is not None:
        inc.medical = Medical(
            anyone_injured=m.enum("anyone_injured", enums.YesNoUnknown), ems_summoned_at=m.datetime("ems_summoned_at"),
            ems_unit=m.str("ems_unit"),
            aid_rendered_by_cpd=m.enum("aid_rendered_by_cpd", enums.YesNoUnknown, enums.YesNoUnknown.UNKNOWN),
            transported_to=m.str("transported_to"))
    fr = r.obj("felony_review")
    if fr is not None:
        inc.felony_review = FelonyReview(
            asa_name=fr.str("asa_name"), asa_unit=fr.str("asa_unit"), reference=fr.str("reference"),
            steps=[s for s in (_review_step(s) for s in _bounded(fr, "steps")) if s is not None],
            touhy_requests=[TouhyRequest(
                id=t.uuid("id"), agency=t.enum("agency", enums.Agency, enums.Agency.UNKNOWN),
                agency_name=t.str("agency_name"), what=t.str("what"), sent_on=_read_date(t, "sent_on"),
                status=t.enum("status", enums.TouhyStatus, enums.TouhyStatus.PENDING))
                for t in _bounded(fr, "touhy_requests")])


def _review_step(r: _Reader) -> ReviewStep | None:
    decision, decided_on = r.enum("decision", enums.ReviewDecision), _read_date(r, "decided_on")
    if decision is None or decided_on is None:
        r._bad(r.path, "a felony review step needs a decision and decided_on")
        return None
    return ReviewStep(decision, decided_on,
                      [ApprovedCharge(c.str("citation"), c.str("offence_class"), c.str("subsection"))
                       for c in _bounded(r, "charges")],
                      r.str("comment"), r.str("by_name"), r.str("by_star"), r.datetime("recorded_at"))


def _agent_order_fields(r: _Reader) -> dict[str, Any]:
    return {"agency_name": r.str("agency_name"),
            **{name: r.enum(name, enums.YesNoUnknown, enums.YesNoUnknown.UNKNOWN)
               for name in ("visible_id_displayed", "body_camera_worn", "refused_to_identify")}}


def _footage_order_fields(r: _Reader) -> dict[str, Any]:
    raw = r.raw("flag_reasons")
    reasons: list[enums.FlagReason] = []
    if raw is not None:
        if not isinstance(raw, list) or len(raw) > len(enums.FlagReason):
            r._bad(r._p("flag_reasons"), f"must be a list of at most {len(enums.FlagReason)} reasons")
        else:
            for j, value in enumerate(raw):
                member = enums.FlagReason._value2member_map_.get(value) if isinstance(value, str) else None
                if member is None:
                    r._bad(f"{r._p('flag_reasons')}[{j}]",
                           f"{value!r} is not one of: {', '.join(m.value for m in enums.FlagReason)}")
                elif member in reasons:
                    r._bad(f"{r._p('flag_reasons')}[{j}]", f"{value!r} is listed twice")
                else:
                    reasons.append(cast(enums.FlagReason, member))
    return {"flagged_at": r.datetime("flagged_at"), "flag_reasons": reasons, "hold_form": r.str("hold_form")}
