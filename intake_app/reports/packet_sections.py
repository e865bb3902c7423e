"""The packet's sections as lists of flowables: cover, incident, agents, footage, custody, attestation.

Every piece of user text goes through styles.para()/markup(); our own wording uses fixed().
"""

from __future__ import annotations

from reportlab.lib.units import inch
from reportlab.platypus import CondPageBreak, PageBreak, Spacer, Table

from ..domain.catalogue import Catalogue, class_label, is_felony_class
from ..domain.enums import Status, label
from ..domain.records import Agent, FootageItem, Incident, Violation
from . import packet_order as order
from .packet_input import PacketInput, packet_stamp
from .packet_styles import FRAME_WIDTH, GRID, cell, field_table, fixed, grid, numbered, para, when
from .qr_flowable import QrFlowable
from .text import markup

TITLE = "Referral to the Cook County State's Attorney's Office"
CORE_TITLES = ("Incident", "Agents", "Footage and evidence", "Chain of custody")
ATTESTATION_TITLE = "Attestation and signatures"
# Other features' sections (linked incidents) take the numbers after the core ones; the attestation is last.
FIRST_EXTRA_NUMBER = len(CORE_TITLES) + 1
SECTION_TITLES = tuple(numbered(n, t) for n, t in enumerate(CORE_TITLES, 1))


NOT_IN_CATALOGUE = "(not in the statute catalogue)"


def _statute_title(catalogue: Catalogue, citation: str) -> str:
    """The title from the catalogue in force (the administrator's, when the data folder has one)."""
    statute = catalogue.get(citation)
    return statute.title if statute else NOT_IN_CATALOGUE


def _title_and_note(v: Violation, catalogue: Catalogue) -> str:
    applies = order.applicability(v, catalogue)
    return _statute_title(catalogue, v.statute) + (f"\n{applies}" if applies else "")


def _offence_text(v: Violation, catalogue: Catalogue) -> str:
    applies = order.applicability(v, catalogue)
    note = f"; {applies}" if applies else ""
    return f"{order.citation(v)} {_statute_title(catalogue, v.statute)} ({class_label(v.offence_class)}){note}"


def _short(text: str, limit: int) -> str:
    """At most `limit` characters, cut at a word, with an ellipsis: the cover stays one page; the full text is
    in the sections that follow."""
    text = " ".join((text or "").split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " \u2026 (continued in section 1)"


def _agent_words(agent: Agent) -> str:
    who = agent.name or "name unknown"
    parts = [label(agent.agency), who]
    if agent.badge:
        parts.append(f"badge {agent.badge}")
    if agent.masked:
        parts.append("masked")
    return ", ".join(parts)


def evidence_states(inc: Incident) -> list[str]:
    """Each footage item and its actual preservation state, numbered as the screens number them (from 1)."""
    out = []
    for number, item in enumerate(inc.footage, start=1):
        what = " ".join(p for p in (label(item.kind), item.device_id) if p)
        state = label(item.preservation_status)
        if item.evidence_id:
            state += f", evidence id {item.evidence_id}"
        out.append(f"Footage {number} ({what}): {state}")
    return out


def _synopsis_rows(inc: Incident) -> list[tuple[str, object]]:
    place = inc.location.address if getattr(inc, "location", None) is not None else ""
    agents = "; ".join(_agent_words(a) for a in inc.agents[:6])
    if len(inc.agents) > 6:
        agents += f"; and {len(inc.agents) - 6} more (section 2)"
    rows: list[tuple[str, object]] = [
        ("Where", place or "-"),
        ("What happened", _short(inc.narrative, 700) or "-"),
        ("Agents", agents or "None recorded"),
    ]
    fs = inc.federal_supervisor
    if not fs.is_empty():
        who = ", ".join(p for p in (order.agency_text(fs.agency, fs.agency_name), fs.name or "name unknown",
                                     f"badge {fs.badge}" if fs.badge else "") if p)
        check = label(fs.credential_check) if fs.credential_check else "not recorded"
        rows.append(("Federal supervisor", f"{who}; credential check: {check}"))
    states = evidence_states(inc)
    if len(states) > 6:  # the cover stays one page: the count by state; every item is in section 3
        counts: dict[str, int] = {}
        for item in inc.footage:
            counts[label(item.preservation_status)] = counts.get(label(item.preservation_status), 0) + 1
        evidence = (f"{len(states)} footage items: " + ", ".join(f"{n} {state}" for state, n in counts.items())
                    + " (each in section 3)")
    else:
        evidence = "; ".join(states) or "No footage is recorded."
    rows.append(("Evidence", evidence))
    return rows


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
    stamp = packet_stamp(data)
    # Every offence alleged, felonies first, each with what the agent did (the violation's details): the
    # prosecutor's first question is "what happened", not only "which statute".
    alleged = (felonies + [v for v in inc.violations if not is_felony_class(v.offence_class)])[:8]
    detail_width = FRAME_WIDTH - 3.9 * inch
    offences = Table([[fixed("<b>Citation</b>", "cell"), fixed("<b>Offence</b>", "cell"), fixed("<b>Class</b>", "cell"),
                       fixed("<b>What the agent did</b>", "cell")]]
                     + [[para(order.citation(v), "cell"),
                         para(_title_and_note(v, data.catalogue), "cell"),
                         para(class_label(v.offence_class), "cell"),
                         para(_short(v.details, 400) or "-", "cell")] for v in alleged],
                     colWidths=[1.2 * inch, 1.6 * inch, 1.1 * inch, detail_width], repeatRows=1)
    offences.setStyle(GRID)
    sup = inc.supervisor
    out = [
        fixed("CONFIDENTIAL", "confidential"), Spacer(1, 8),
        fixed(TITLE, "h1"),
        *([fixed("DEMO DATA: a fictional incident made by 'intake demo', not a real referral.", "confidential")]
          if inc.is_demo else []),
        field_table([
            ("Report number", inc.report_number or "(not yet saved)"),
            ("District", f"{inc.district:03d}" if inc.district is not None else "-"),
            ("Date of incident", when(inc.occurred_at, inc.timezone)),
            ("Referring supervisor", f"{sup.name} (star {sup.star})" if sup.star else sup.name),
            ("Date prepared", when(data.generated_at, inc.timezone)),
            ("Record version", str(inc.version)),
        ] + order.cover_rows(inc) + _referral_rows(inc)),
        Spacer(1, 6), fixed("Synopsis", "h3"),
        field_table(_synopsis_rows(inc)),
        Spacer(1, 6), fixed("Offences alleged" + ("" if felonies else " (no felony is recorded)"), "h3"),
        offences if alleged else fixed("No offence is recorded for this incident.", "body"),
        *([fixed(f"And {len(inc.violations) - len(alleged)} more offence(s): see section 1.", "small")]
          if len(inc.violations) > len(alleged) else []),
        Spacer(1, 8),
        Table([[QrFlowable(stamp.text(), 1.2 * inch),
                fixed("<b>Is this the record as filed?</b> The code at left is a fingerprint of this exact version "
                      "of the record. If anyone changed a single word of the record after this packet was printed, "
                      "the fingerprint no longer matches. To check it, ask the referring district to compare this "
                      "packet with its records (the station runs <font face='Courier'>intake verify-packet</font> "
                      "on the packet file or on a scan of this page); the answer names any difference.<br/>"
                      f"Incident id: {inc.id}<br/>Fingerprint (SHA-256): {stamp.sha256}", "small")]],
              colWidths=[1.6 * inch, FRAME_WIDTH - 1.6 * inch], style=[("VALIGN", (0, 0), (-1, -1), "MIDDLE")]),
        *_signature_note(data),
        Spacer(1, 14),
        fixed("This packet is CONFIDENTIAL. It contains evidence references for a referral and is not for "
              "public release.", "small"),
        PageBreak(),
    ]
    return out


def _signature_note(data: PacketInput) -> list:
    """Who signs the PDF, so paper and file can be matched with the certificate a PDF reader shows."""
    if data.signing is None:
        return []
    credential = data.signing.credential
    tsa = (f" The signature carries a time-stamp from {data.signing.tsa_name} when that authority could be "
           f"reached at printing (a PDF reader shows it)." if data.signing.timestamper is not None
           else " No time-stamp authority is configured: the signing time is the station's clock.")
    return [Spacer(1, 10), fixed(
        f"<b>Digital signature.</b> The PDF of this packet is signed by the station certificate "
        f"\"{markup(credential.subject)}\" ({credential.source}); SHA-256 fingerprint:<br/>"
        f"<font face='Courier' size='7'>{credential.fingerprint}</font><br/>"
        f"The Intake server keeps the fingerprint each station registered when it enrolled.{markup(tsa)}", "small")]


def incident(data: PacketInput) -> list:
    inc = data.incident
    rp = inc.reporting_party
    if rp is None:
        party = "None recorded"
    elif rp.confidential:
        party = "Withheld: the reporting party's identity is confidential"
    elif data.opened_party is not None:  # received sealed, opened for the reader who makes this packet
        op = data.opened_party
        party = (f"{op.name}, phone {op.phone or '-'}, address {op.address or '-'}, "
                 f"language {op.preferred_language or '-'}")
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
        field_table([
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
    return out + order.incident_blocks(inc) + _review(inc)


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


def _agent_block(n: int, agent: Agent, inc: Incident, catalogue: Catalogue) -> list:
    v = agent.vehicle
    vehicle = "-"
    if v is not None and not v.is_empty():
        vehicle = " ".join(x for x in (v.color, v.make, v.model) if x) or "-"
        vehicle += f"; plate {v.plate or '-'} ({v.plate_state or 'state unknown'})"
    offences = [_offence_text(x, catalogue) for x in inc.violations if agent.id in x.agent_ids]
    return [
        CondPageBreak(1.6 * inch),
        fixed(f"Agent {n}", "h3"),
        field_table([
            ("Agency", order.agency_text(agent.agency, agent.agency_name)),
            ("Name", agent.name or "unknown"),
            ("Badge / ID", agent.badge or "unknown"),
            ("How identified", label(agent.identified_by) if agent.identified_by else "-"),
            ("Masked", "yes" if agent.masked else "no"),
            *order.agent_rows(agent),
            ("Description", agent.description),
            ("Vehicle", vehicle),
            ("Offences alleged", "\n".join(offences) or "none linked to this agent"),
        ]),
    ]


def agents(data: PacketInput) -> list:
    inc = data.incident
    out = [CondPageBreak(2 * inch), fixed(SECTION_TITLES[1], "h2")]  # never a heading alone at a page's foot
    if not inc.agents:
        return out + [fixed("No agent is recorded.")]
    for n, agent in enumerate(inc.agents, 1):
        out += _agent_block(n, agent, inc, data.catalogue)
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
    if order.footage_flag_text(f, tz):
        preservation += f"\n{order.footage_flag_text(f, tz)}"
    return [cell(label(f.kind), w[0], "cell7"), cell(f.device_id or "-", w[1], "cell7"),
            cell(f.officer_star or "-", w[2], "cell7"), cell(_span(f, tz).replace(" to ", "\nto ", 1), w[3], "cell7"),
            cell(f.evidence_id or "-", w[4], "cell7"), cell(sha, w[5], "hash"), cell(preservation, w[6], "cell7")]


def footage(data: PacketInput) -> list:
    inc = data.incident
    # The heading and its note never end a page without the table's first rows under them.
    out = [CondPageBreak(1.8 * inch), fixed(SECTION_TITLES[2], "h2"), fixed(f"Times in {inc.timezone} time.", "small"),
           *([para(order.footage_numbers_note(inc), "small")] if order.footage_numbers_note(inc) else []),
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
                  "as held in the Intake system at the time shown in the footer, and that the evidence listed stands "
                  "as follows:"),
            *[para(line) for line in (evidence_states(data.incident) or ["No footage is recorded."])],
            Spacer(1, 14), table]
