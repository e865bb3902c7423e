"""What the ICE On Notice order and CPD practice put in the packet: CPD's RD and OEMC numbers on the cover, the
federal supervisor's credential check, injuries and aid, agents' identification, footage flags and holds, and
the "Felony review" section (the CCSAO's decisions and Touhy requests).

Every piece of user text goes through para()/cell(); our own wording uses fixed() (as packet_sections.py)."""

from __future__ import annotations

from reportlab.lib.units import inch
from reportlab.platypus import CondPageBreak, Spacer, Table

from ..domain.catalogue import Catalogue, class_label
from ..domain.enums import Agency, CredentialCheck, YesNoUnknown, label
from ..domain.records import Agent, FootageItem, Incident, Violation
from .packet_input import PacketInput
from .packet_styles import FRAME_WIDTH, cell, field_table, fixed, grid, numbered, when

FELONY_REVIEW_TITLE = "Felony review"


def agency_text(agency: Agency, name: str) -> str:
    return f"{label(agency)}: {name}" if agency == Agency.OTHER_FEDERAL and name else label(agency)


def cover_rows(inc: Incident) -> list[tuple[str, object]]:
    """The CPD numbers footage and case reports are found by: on the cover, even when not known yet."""
    return [("CPD RD number", inc.cpd_rd_number or "not recorded"),
            ("OEMC event number", inc.oemc_event_number or "not recorded")]


def citation(v: Violation) -> str:
    return f"{v.statute}{v.subsection}"


def applicability(v: Violation, catalogue: Catalogue) -> str:
    """The catalogue entry's note on whom the offence applies to, from the catalogue in force."""
    statute = catalogue.get(v.statute)
    return statute.applicability if statute else ""


def _yes_no(value: YesNoUnknown | None) -> str:
    return label(value) if value is not None else "not answered"


def incident_blocks(inc: Incident) -> list:
    """The federal supervisor's credential check, and injuries and aid: in the Incident section."""
    fs = inc.federal_supervisor
    footage_no = next((n for n, f in enumerate(inc.footage, 1) if f.id == fs.footage_id), None)
    check = label(fs.credential_check) if fs.credential_check else "not recorded"
    if fs.credential_check == CredentialCheck.NOT_ATTEMPTED and fs.not_attempted_reason:
        check += f" (reason: {fs.not_attempted_reason})"
    out = [fixed("Federal supervisor on scene", "h3"), field_table([
        ("Credential check", check),
        *([] if fs.credential_check == CredentialCheck.NO_SUPERVISOR_PRESENT else [
            ("Agency", agency_text(fs.agency, fs.agency_name)),
            ("Name", fs.name or "not given"),
            ("Badge / ID", fs.badge or "not given"),
            ("Time of the check", when(fs.checked_at, inc.timezone) if fs.checked_at else "-"),
            ("Recorded on", f"footage item {footage_no} (see Footage and evidence)" if footage_no else "-"),
        ]),
    ])]
    m = inc.medical
    injured = _yes_no(m.anyone_injured) if m.anyone_injured is not None or not inc.injuries else label(YesNoUnknown.YES)
    out += [fixed("Injuries and aid", "h3"), field_table([
        ("Force used", _yes_no(inc.use_of_force)),
        ("Anyone injured", injured),
        ("EMS summoned", (when(m.ems_summoned_at, inc.timezone) + (f", unit {m.ems_unit}" if m.ems_unit else ""))
         if m.ems_summoned_at else (f"unit {m.ems_unit}" if m.ems_unit else "-")),
        ("Aid rendered by CPD", label(m.aid_rendered_by_cpd)),
        ("Transported to", m.transported_to or "-"),
    ])]
    if inc.injuries:
        widths = [90, 90, FRAME_WIDTH - 180]
        rows = [["Person", "Severity", "Injury"]]
        rows += [[cell(label(i.role), widths[0]), cell(label(i.severity), widths[1]), cell(i.description, widths[2])]
                 for i in inc.injuries]
        table = Table(rows, colWidths=widths, repeatRows=1)
        table.setStyle(grid())
        out += [Spacer(1, 4), table]
    return out


def agent_rows(agent: Agent) -> list[tuple[str, object]]:
    return [("Visible ID displayed", label(agent.visible_id_displayed)),
            ("Body camera worn", label(agent.body_camera_worn)),
            ("Refused to identify", label(agent.refused_to_identify))]


def footage_flag_text(f: FootageItem, tz: str) -> str:
    parts = []
    if f.flagged_at is not None:
        parts.append(f"flagged {when(f.flagged_at, tz, with_zone=False)[:10]}: "
                     + (", ".join(label(r).lower() for r in f.flag_reasons) or "reason not given"))
    if f.hold_form:
        parts.append(f"hold form {f.hold_form}")
    return "\n".join(parts)


def footage_numbers_note(inc: Incident) -> str:
    """Footage is found by the event number it is tagged with: the packet says which."""
    if not (inc.oemc_event_number or inc.cpd_rd_number):
        return ""
    return (f"Footage tagged with OEMC event {inc.oemc_event_number or '(not recorded)'}, "
            f"RD {inc.cpd_rd_number or '(not recorded)'}.")


def has_felony_review(inc: Incident) -> bool:
    return not inc.felony_review.is_empty()


def felony_review(data: PacketInput, number: int) -> list:
    inc = data.incident
    fr = inc.felony_review
    out = [CondPageBreak(2 * inch), fixed(numbered(number, FELONY_REVIEW_TITLE), "h2"),
           field_table([("Reviewing ASA", ", ".join(x for x in (fr.asa_name, fr.asa_unit) if x) or "-"),
                    ("Review reference", fr.reference or "-"),
                    ("Current decision", label(fr.decision) if fr.decision else "no decision recorded yet")])]
    if fr.steps:
        widths = [62, 110, 150, FRAME_WIDTH - 322]
        rows = [["Decided", "Decision", "Charges", "Comment / recorded by"]]
        for s in fr.steps:
            charges = "\n".join(f"{c.citation}{c.subsection} ({class_label(c.offence_class)})" for c in s.charges)
            by = f"{s.by_name} (star {s.by_star})" if s.by_star else s.by_name
            rows.append([cell(s.decided_on.isoformat(), widths[0]), cell(label(s.decision), widths[1]),
                         cell(charges or "-", widths[2]), cell("\n".join(x for x in (s.comment, by) if x) or "-",
                                                               widths[3])])
        table = Table(rows, colWidths=widths, repeatRows=1)
        table.setStyle(grid())
        out += [Spacer(1, 4), fixed("Decisions", "h3"), table]
    if fr.touhy_requests:
        widths = [110, FRAME_WIDTH - 260, 70, 80]
        rows = [["Agency", "Evidence requested", "Sent", "Status"]]
        rows += [[cell(agency_text(t.agency, t.agency_name), widths[0]), cell(t.what, widths[1]),
                  cell(t.sent_on.isoformat() if t.sent_on else "-", widths[2]), cell(label(t.status), widths[3])]
                 for t in fr.touhy_requests]
        table = Table(rows, colWidths=widths, repeatRows=1)
        table.setStyle(grid())
        out += [Spacer(1, 4), fixed("Touhy requests for federal evidence", "h3"), table]
    return out

