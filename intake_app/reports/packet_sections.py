"""The packet's sections as lists of flowables: cover, incident, agents, footage, custody, attestation.

Every piece of user text goes through styles.para()/markup(); our own wording uses fixed().
"""

from __future__ import annotations

from reportlab.lib.units import inch
from reportlab.platypus import CondPageBreak, PageBreak, Spacer, Table

from ..domain.catalogue import class_label, default_catalogue, is_felony_class
from ..domain.enums import Status, label
from ..domain.records import Agent, FootageItem, Incident, Violation
from .packet_input import PacketInput
from .packet_qr import stamp_for
from .packet_styles import FIELDS, FRAME_WIDTH, GRID, cell, fixed, grid, numbered, para, when
from .qr_flowable import QrFlowable
from .text import markup

TITLE = "Referral to the Cook County State's Attorney's Office"
CORE_TITLES = ("Incident", "Agents", "Footage and evidence", "Chain of custody")
ATTESTATION_TITLE = "Attestation and signatures"
# Other features' sections (linked incidents) take the numbers after the core ones; the attestation is last.
FIRST_EXTRA_NUMBER = len(CORE_TITLES) + 1
SECTION_TITLES = tuple(numbered(n, t) for n, t in enumerate(CORE_TITLES, 1))


def _fields(rows: list[tuple[str, object]], label_width: float = 1.55 * inch) -> Table:
    value_width = FRAME_WIDTH - label_width
    data = [[name, cell(value if value not in (None, "") else "-", value_width, "body")] for name, value in rows]
    table = Table(data, colWidths=[label_width, value_width])
    table.setStyle(FIELDS)
    return table


def _offence_text(v: Violation) -> str:
    statute = default_catalogue().get(v.statute)
    title = statute.title if statute else "(not in the statute catalogue)"
    return f"{v.statute} {title} ({class_label(v.offence_class)})"


def _referral_rows(inc: Incident) -> list[tuple[str, object]]:
    rows: list[tuple[str, object]] = []
    if inc.referral_sent_at is not None:
        rows.append(("Referral sent", when(inc.referral_sent_at, inc.timezone)))
    if inc.ccsao_reference:
        rows.append(("CCSAO reference", inc.ccsao_reference))
    return rows


def cover(data: PacketInput) -> list:
    inc = data.incident
    felonies = [v for v in inc.violations if is_felony_class(v.offence_class)]
    stamp = stamp_for(inc)
    offences = Table([[fixed("<b>Citation</b>", "cell"), fixed("<b>Title</b>", "cell"), fixed("<b>Class</b>", "cell")]]
                     + [[para(v.statute, "cell"),
                         para(getattr(default_catalogue().get(v.statute), "title", "(not in the statute catalogue)"),
                              "cell"),
                         para(class_label(v.offence_class), "cell")] for v in felonies],
                     colWidths=[1.5 * inch, FRAME_WIDTH - 2.9 * inch, 1.4 * inch], repeatRows=1)
    offences.setStyle(GRID)
    sup = inc.supervisor
    out = [
        fixed("CONFIDENTIAL", "confidential"), Spacer(1, 8),
        fixed(TITLE, "h1"),
        *([fixed("DEMO DATA: a fictional incident made by 'intake demo', not a real referral.", "confidential")]
          if inc.is_demo else []),
        _fields([
            ("Report number", inc.report_number or "(not yet saved)"),
            ("District", f"{inc.district:03d}" if inc.district is not None else "-"),
            ("Date of incident", when(inc.occurred_at, inc.timezone)),
            ("Referring supervisor", f"{sup.name} (star {sup.star})" if sup.star else sup.name),
            ("Date prepared", when(data.generated_at, inc.timezone)),
            ("Record version", str(inc.version)),
        ] + _referral_rows(inc)),
        Spacer(1, 10), fixed("Felony offences alleged", "h3"),
        offences if felonies else fixed("No felony offence is recorded for this incident.", "body"),
        Spacer(1, 14),
        Table([[QrFlowable(stamp.text(), 1.45 * inch),
                fixed("<b>Record check.</b> The code at left holds the incident id, the record version and the "
                      "SHA-256 of the record's canonical JSON. <font face='Courier'>intake verify-packet</font> "
                      "compares it with the record in the store.<br/>"
                      f"Incident id: {inc.id}<br/>SHA-256: {stamp.sha256}", "small")]],
              colWidths=[1.6 * inch, FRAME_WIDTH - 1.6 * inch], style=[("VALIGN", (0, 0), (-1, -1), "MIDDLE")]),
        Spacer(1, 14),
        fixed("This packet is CONFIDENTIAL. It contains evidence references for a referral and is not for "
              "public release.", "small"),
        PageBreak(),
    ]
    return out


def incident(data: PacketInput) -> list:
    inc = data.incident
    rp = inc.reporting_party
    if rp is None:
        party = "None recorded"
    elif rp.confidential:
        party = "Withheld: the reporting party's identity is confidential"
    elif inc.sealed is not None and not (rp.name or rp.phone or rp.address):
        # Received sealed (domain/sealed_fields.py): this copy does not hold the identity to print.
        party = (f"Sealed: the reporting party's identity is held only by its readers (the station's reviewers, "
                 f"headquarters privacy officers); language {rp.preferred_language or '-'}")
    else:
        party = (f"{rp.name}, phone {rp.phone or '-'}, address {rp.address or '-'}, "
                 f"language {rp.preferred_language or '-'}")
    place = inc.location.address
    if inc.location.latitude is not None and inc.location.longitude is not None:
        place = f"{place} ({inc.location.latitude:.5f}, {inc.location.longitude:.5f})"
    out = [
        fixed(SECTION_TITLES[0], "h2"),
        _fields([
            ("Time", when(inc.occurred_at, inc.timezone)),
            ("Place", place),
            ("District / beat", f"{inc.district or '-'} / {inc.beat or '-'}"),
            ("Source", label(inc.source) if inc.source else "-"),
            ("Reporting party", party),
            ("Status", label(inc.status)),
        ]),
        fixed("Narrative", "h3"),
    ]
    # One paragraph per typed paragraph, so a long narrative flows across pages.
    for block in (inc.narrative or "-").split("\n\n"):
        out += [para(block), Spacer(1, 4)]
    return out + _review(inc)


def _review(inc: Incident) -> list:
    """Who submitted, returned (with the reviewer's comment) and approved the record, and when: from the
    record's own status history, so it travels with the record hash the QR code checks."""
    if not inc.history:
        return []
    widths = [98, 120, 110, FRAME_WIDTH - 328]
    rows = [["When", "Who", "Status", "Comment"]]
    rows += [[cell(when(h.at, inc.timezone), widths[0]), cell(f"{h.by_name} (star {h.by_star})", widths[1]),
              cell(f"{label(h.from_status)} -> {label(h.to_status)}", widths[2]), cell(h.comment or "-", widths[3])]
             for h in inc.history]
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(grid())
    return [fixed("Review", "h3"), table]


def approved_by(inc: Incident) -> tuple[str, str] | None:
    """(name, star) of whoever approved the record last, if it was approved."""
    approvals = [h for h in inc.history if h.to_status == Status.APPROVED]
    return (approvals[-1].by_name, approvals[-1].by_star) if approvals else None


def _agent_block(n: int, agent: Agent, inc: Incident) -> list:
    v = agent.vehicle
    vehicle = "-"
    if v is not None and not v.is_empty():
        vehicle = " ".join(x for x in (v.color, v.make, v.model) if x) or "-"
        vehicle += f"; plate {v.plate or '-'} ({v.plate_state or 'state unknown'})"
    offences = [_offence_text(x) for x in inc.violations if agent.id in x.agent_ids]
    return [
        CondPageBreak(1.6 * inch),
        fixed(f"Agent {n}", "h3"),
        _fields([
            ("Agency", label(agent.agency)),
            ("Name", agent.name or "unknown"),
            ("Badge / ID", agent.badge or "unknown"),
            ("How identified", label(agent.identified_by) if agent.identified_by else "-"),
            ("Masked", "yes" if agent.masked else "no"),
            ("Description", agent.description),
            ("Vehicle", vehicle),
            ("Offences alleged", "\n".join(offences) or "none linked to this agent"),
        ]),
    ]


def agents(data: PacketInput) -> list:
    inc = data.incident
    out = [fixed(SECTION_TITLES[1], "h2")]
    if not inc.agents:
        return out + [fixed("No agent is recorded.")]
    for n, agent in enumerate(inc.agents, 1):
        out += _agent_block(n, agent, inc)
    return out


FOOTAGE_HEADERS = ("Kind", "Device", "Officer\nstar", "Time span", "Evidence id", "SHA-256", "Preservation")
FOOTAGE_WIDTHS = [60, 56, 34, 80, 72, 128, 95]


def _span(f: FootageItem, tz: str) -> str:
    if f.start is None and f.end is None:
        return "-"
    start, end = when(f.start, tz, with_zone=False), when(f.end, tz, with_zone=False)
    if f.start and f.end and start[:10] == end[:10]:
        end = end[11:]
    return f"{start} to {end}"


def _footage_row(f: FootageItem, tz: str) -> list:
    w = FOOTAGE_WIDTHS
    sha = f.sha256 or "not hashed"
    if len(sha) == 64:
        sha = f"{sha[:32]}\n{sha[32:]}"  # two lines that fit the column, never a mid-word break
    preservation = label(f.preservation_status)
    if f.preservation_deadline is not None:
        preservation += f"\ndeadline {when(f.preservation_deadline, tz, with_zone=False)}"
    return [cell(label(f.kind), w[0], "cell7"), cell(f.device_id or "-", w[1], "cell7"),
            cell(f.officer_star or "-", w[2], "cell7"), cell(_span(f, tz).replace(" to ", "\nto ", 1), w[3], "cell7"),
            cell(f.evidence_id or "-", w[4], "cell7"), cell(sha, w[5], "hash"), cell(preservation, w[6], "cell7")]


def footage(data: PacketInput) -> list:
    inc = data.incident
    # The heading and its note never end a page without the table's first rows under them.
    out = [CondPageBreak(1.8 * inch), fixed(SECTION_TITLES[2], "h2"), fixed(f"Times in {inc.timezone} time.", "small"),
           Spacer(1, 3)]
    if not inc.footage:
        return out + [fixed("No footage is recorded.")]
    rows = [list(FOOTAGE_HEADERS)]
    rows += [_footage_row(f, inc.timezone) for f in inc.footage]
    table = Table(rows, colWidths=FOOTAGE_WIDTHS, repeatRows=1)  # header repeated on every page
    table.setStyle(grid(7, 8.6))
    table.setStyle([("FONTSIZE", (5, 1), (5, -1), 6), ("LEADING", (5, 1), (5, -1), 7.4)])
    return out + [table]


def custody(data: PacketInput) -> list:
    inc = data.incident
    out = [CondPageBreak(1.6 * inch), fixed(SECTION_TITLES[3], "h2"),
           fixed(f"Source: {data.custody_source}. Times in {inc.timezone}.", "small"), Spacer(1, 4)]
    if data.custody:
        widths = [98, 120, 60, FRAME_WIDTH - 278]
        rows = [["When", "Who", "Action", "Detail"]]
        rows += [[cell(when(r.at, inc.timezone), widths[0]), cell(r.who, widths[1]), cell(r.action, widths[2]),
                  cell(r.detail, widths[3])] for r in data.custody]
        table = Table(rows, colWidths=widths, repeatRows=1)
        table.setStyle(grid())
        out.append(table)
    else:
        out.append(fixed("No entry is recorded yet."))
    head = data.chain_head or "(no audit chain in this installation)"
    out += [Spacer(1, 6), fixed("<b>Audit-chain head hash</b> (SHA-256 of the newest audit entry):", "small"),
            para(head, "small")]
    return out


def attestation(data: PacketInput, number: int = FIRST_EXTRA_NUMBER) -> list:
    line = "_" * 38
    date_line = "_" * 18
    reviewer = approved_by(data.incident)
    rows = [[fixed("<b>Referring supervisor</b>"), fixed("<b>Reviewing officer</b>")],
            [para(f"Name: {data.incident.supervisor.name}"),
             para(f"Name: {reviewer[0]}") if reviewer else fixed("Name: " + "_" * 30)],
            [fixed("Star: " + (markup(data.incident.supervisor.star) or "________")),
             fixed("Star: " + ((markup(reviewer[1]) if reviewer else "") or "________"))],
            [Spacer(1, 18), Spacer(1, 18)],
            [fixed(f"Signature: {line}"), fixed(f"Signature: {line}")],
            [fixed(f"Date: {date_line}"), fixed(f"Date: {date_line}")]]
    table = Table(rows, colWidths=[FRAME_WIDTH / 2] * 2)
    table.setStyle([("VALIGN", (0, 0), (-1, -1), "TOP")])
    return [CondPageBreak(3 * inch), fixed(numbered(number, ATTESTATION_TITLE), "h2"),
            fixed("I attest that this packet is a true and complete copy of the record identified on its cover, "
                  "as held in the Intake system at the time shown in the footer, and that the evidence references "
                  "listed were preserved as stated."), Spacer(1, 14), table]
