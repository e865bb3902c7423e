"""A readable, plain-text summary of a record, shared by `intake show` and the wizard's review page."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from .catalogue import Catalogue, class_label, default_catalogue
from .enums import label
from .records import Incident


def _when(value, tz: ZoneInfo | None = None) -> str:
    if value is None:
        return "(not set)"
    return (value.astimezone(tz) if tz else value).strftime("%Y-%m-%d %H:%M %Z")


def summary_lines(inc: Incident, *, catalogue: Catalogue | None = None, show_reporting_party: bool = True) -> list[str]:
    catalogue = catalogue or default_catalogue()
    tz = ZoneInfo(inc.timezone)
    lines = [
        f"Report number: {inc.report_number or '(assigned on first save)'}",
        f"Status: {label(inc.status)}   Version: {inc.version}" + ("   [DEMO DATA]" if inc.is_demo else ""),
        f"District: {inc.district or '(not set)'}   Beat: {inc.beat or '(not set)'}",
        f"Occurred: {_when(inc.occurred_at, tz)}",
        f"Location: {inc.location.address or '(not set)'}"
        + (f" ({inc.location.latitude}, {inc.location.longitude})" if inc.location.latitude is not None else ""),
        f"Source: {label(inc.source) if inc.source else '(not set)'}",
        f"Supervisor: {inc.supervisor.name} (star {inc.supervisor.star})",
    ]
    rp = inc.reporting_party
    if rp is not None:
        if show_reporting_party:
            lines.append(f"Reporting party: {rp.name or '(no name)'}, {rp.phone or 'no phone'}, "
                         f"{rp.address or 'no address'}, language {rp.preferred_language}, "
                         f"{'consents' if rp.consent_to_contact else 'no consent'} to contact, "
                         f"{'CONFIDENTIAL' if rp.confidential else 'may be shared'}")
        else:
            lines.append("Reporting party: (hidden)")
    lines += ["", "Narrative:", inc.narrative or "(empty)", "", f"Agents ({len(inc.agents)}):"]
    for i, a in enumerate(inc.agents, 1):
        vehicle = ""
        if a.vehicle and not a.vehicle.is_empty():
            v = a.vehicle
            vehicle = f"; vehicle {v.color} {v.make} {v.model} plate {v.plate} {v.plate_state}".replace("  ", " ")
        how = label(a.identified_by) if a.identified_by else "not identified"
        lines.append(f"  {i}. {label(a.agency)}: {a.name or '(name unknown)'}, badge {a.badge or '-'}, {how}, "
                     f"{'masked' if a.masked else 'not masked'}; {a.description or 'no description'}{vehicle}")
    lines += ["", f"Footage ({len(inc.footage)}):"]
    for i, f in enumerate(inc.footage, 1):
        lines.append(f"  {i}. {label(f.kind)} {f.device_id or '-'} star {f.officer_star or '-'}, {_when(f.start, tz)} to {_when(f.end, tz)}, "
                     f"evidence {f.evidence_id or '-'}, preservation {label(f.preservation_status)}"
                     + (f", sha256 {f.sha256}" if f.sha256 else ""))
    lines += ["", f"Alleged violations ({len(inc.violations)}):"]
    for i, v in enumerate(inc.violations, 1):
        statute = catalogue.get(v.statute)
        title = statute.title if statute else "(not in catalogue)"
        names = ", ".join(str(inc.agents.index(a) + 1) for a in inc.agents if a.id in v.agent_ids) or "-"
        lines.append(f"  {i}. {v.statute} {title}, {class_label(v.offence_class)}; agents {names}; {v.details}")
    if inc.history:
        lines += ["", "Status history:"]
        for h in inc.history:
            comment = f" - {h.comment}" if h.comment else ""
            lines.append(f"  {_when(h.at, tz)}: {label(h.from_status)} -> {label(h.to_status)} by {h.by_name} ({h.by_star}){comment}")
    return lines
