"""The referral packet's "Linked incidents" section (issue 9): confirmed links only, with report number,
date, district and the identifiers shared. Nothing of the other incidents' reporting parties or narratives:
`confirmed_links_for_packet` does not read them."""

from __future__ import annotations

from xml.sax.saxutils import escape
from zoneinfo import ZoneInfo

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from ..domain.matching import SAME_EVENT, LinkedIncidentRow
from ..storage.link_queries import confirmed_links_for_packet
from ..storage.repository import IncidentStore

CHICAGO = ZoneInfo("America/Chicago")
TITLE = "Linked incidents"
HEADERS = ("Report number", "Occurred", "District", "Link", "Shared identifiers")


def _cell(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text), style)  # typed plates and names are text, never markup


def row_texts(row: LinkedIncidentRow) -> tuple[str, str, str, str, str]:
    when = row.occurred_at.astimezone(CHICAGO).strftime("%Y-%m-%d %H:%M %Z") if row.occurred_at else "-"
    kind = "same event" if row.kind == SAME_EVENT else "same agent or vehicle"
    return (row.report_number, when, str(row.district) if row.district is not None else "-", kind,
            "; ".join(row.shared) or "-")


def linked_incidents_flowables(store: IncidentStore, incident_id: str, *, heading: ParagraphStyle | None = None,
                               body: ParagraphStyle | None = None) -> list:
    """Heading and table (or a sentence saying there are none), in the packet's styles when given."""
    sample = getSampleStyleSheet()
    heading = heading or sample["Heading2"]
    body = body or sample["BodyText"]
    rows = confirmed_links_for_packet(store, incident_id)
    out: list = [Paragraph(TITLE, heading)]
    if not rows:
        out.append(Paragraph("No linked incident has been confirmed by a reviewer.", body))
        return out
    out.append(Paragraph("Other incidents a reviewer confirmed as involving the same agent or vehicle, or as the "
                         "same event. Each keeps its own record; their reporting parties are not part of this packet.",
                         body))
    out.append(Spacer(1, 4))
    small = ParagraphStyle("links_small", parent=body, fontSize=8.5, leading=10.5)
    data = [[_cell(h, small) for h in HEADERS]] + [[_cell(t, small) for t in row_texts(r)] for r in rows]
    table = Table(data, colWidths=[122, 80, 52, 92, None], repeatRows=1)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), colors.whitesmoke),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    out.append(table)
    return out
