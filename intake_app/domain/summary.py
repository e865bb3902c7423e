"""A readable, plain-text summary of a record, shared by `intake show` and the wizard's review page.

Every line is an English template with named values. The CLI prints it in English; the desktop UI passes
`SummaryWords` that translate the templates (whole, for word order), the closed vocabularies, the offence
classes and the statute titles, so the review page reads in the interface language. A test keeps the UI's
list of translatable templates equal to the `words(...)` templates written here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from .catalogue import Catalogue, Statute, class_label, default_catalogue
from .enums import label
from .records import Incident
from .summary_order import order_lines


def _same(text: str) -> str:
    return text


def _iso_moment(value: datetime, zone: ZoneInfo) -> str:
    return value.astimezone(zone).strftime("%Y-%m-%d %H:%M %Z")


@dataclass(frozen=True)
class SummaryWords:
    """How the summary's words are written: English unless a caller supplies translations."""

    template: Callable[[str], str] = _same  # an English template -> the same template in another language
    vocabulary: Callable[..., str] = label  # a closed-vocabulary value (status, agency...) -> its label
    offence_class: Callable[[str], str] = class_label
    statute_title: Callable[[Statute], str] = lambda statute: statute.title
    moment: Callable[..., str] = _iso_moment  # (an aware time, the record's zone) -> how it is written


def summary_lines(inc: Incident, *, catalogue: Catalogue | None = None, show_reporting_party: bool = True,
                  words: SummaryWords | None = None, reporting_party_note: str = "") -> list[str]:
    """The record as lines of text. `reporting_party_note` goes right under the reporting party (the command
    line says there that, and why, it is masked)."""
    catalogue = catalogue or default_catalogue()
    w = words or SummaryWords()
    tz = ZoneInfo(inc.timezone)

    def t(template: str, **values: object) -> str:
        return w.template(template).format(**values)

    not_set = t("(not set)")

    def when(value: datetime | None) -> str:
        return not_set if value is None else w.moment(value, tz)

    place = t(" ({latitude}, {longitude})", latitude=inc.location.latitude, longitude=inc.location.longitude) \
        if inc.location.latitude is not None else ""
    lines = [
        t("Report number: {number}", number=inc.report_number or t("(assigned on first save)")),
        t("Status: {status}   Version: {version}", status=w.vocabulary(inc.status), version=inc.version)
        + (t("   [DEMO DATA]") if inc.is_demo else ""),
        t("District: {district}   Beat: {beat}", district=inc.district or not_set, beat=inc.beat or not_set),
        t("Occurred: {when}", when=when(inc.occurred_at)),
        t("Location: {address}", address=inc.location.address or not_set) + place,
        t("Source: {source}", source=w.vocabulary(inc.source) if inc.source else not_set),
        t("Supervisor: {name} (star {star})", name=inc.supervisor.name, star=inc.supervisor.star),
    ]
    rp = inc.reporting_party
    if rp is not None:
        if show_reporting_party:
            lines.append(t("Reporting party: {name}, {phone}, {address}, language {language}, {consent} to contact, "
                           "{sharing}", name=rp.name or t("(no name)"), phone=rp.phone or t("no phone"),
                           address=rp.address or t("no address"), language=rp.preferred_language,
                           consent=t("consents") if rp.consent_to_contact else t("no consent"),
                           sharing=t("CONFIDENTIAL") if rp.confidential else t("may be shared")))
        else:
            lines.append(t("Reporting party: (hidden)"))
        if reporting_party_note:
            lines.append("  " + reporting_party_note)
    lines += ["", t("Narrative:"), inc.narrative or t("(empty)"), "", t("Agents ({count}):", count=len(inc.agents))]
    for i, a in enumerate(inc.agents, 1):
        vehicle = ""
        if a.vehicle and not a.vehicle.is_empty():
            car = a.vehicle
            vehicle = t("; vehicle {color} {make} {model} plate {plate} {state}", color=car.color, make=car.make,
                        model=car.model, plate=car.plate, state=car.plate_state).replace("  ", " ")
        how = w.vocabulary(a.identified_by) if a.identified_by else t("not identified")
        lines.append("  " + t("{n}. {agency}: {name}, badge {badge}, {how}, {masked}; {description}", n=i,
                              agency=w.vocabulary(a.agency), name=a.name or t("(name unknown)"), badge=a.badge or "-",
                              how=how, masked=t("masked") if a.masked else t("not masked"),
                              description=a.description or t("no description")) + vehicle)
    lines += ["", t("Footage ({count}):", count=len(inc.footage))]
    for i, f in enumerate(inc.footage, 1):
        lines.append("  " + t("{n}. {kind} {device} star {star}, {start} to {end}, evidence {evidence}, "
                              "preservation {preservation}", n=i, kind=w.vocabulary(f.kind), device=f.device_id or "-",
                              star=f.officer_star or "-", start=when(f.start), end=when(f.end),
                              evidence=f.evidence_id or "-", preservation=w.vocabulary(f.preservation_status))
                     + (f", sha256 {f.sha256}" if f.sha256 else ""))
    lines += ["", t("Alleged violations ({count}):", count=len(inc.violations))]
    for i, v in enumerate(inc.violations, 1):
        statute = catalogue.get(v.statute)
        title = w.statute_title(statute) if statute else t("(not in catalogue)")
        names = ", ".join(str(inc.agents.index(a) + 1) for a in inc.agents if a.id in v.agent_ids) or "-"
        lines.append("  " + t("{n}. {citation} {title}, {klass}; agents {agents}; {details}", n=i,
                              citation=v.statute + v.subsection, title=title, klass=w.offence_class(v.offence_class),
                              agents=names, details=v.details))
    lines += order_lines(inc, t=t, vocabulary=w.vocabulary, when=when)
    if inc.history:
        lines += ["", t("Status history:")]
        for h in inc.history:
            comment = f" - {h.comment}" if h.comment else ""
            lines.append("  " + t("{when}: {before} -> {after} by {name} ({star})", when=when(h.at),
                                  before=w.vocabulary(h.from_status), after=w.vocabulary(h.to_status), name=h.by_name,
                                  star=h.by_star) + comment)
    return lines
