"""The referral packet's "Linked incidents" section (linked incidents): confirmed links only, with report number,
date, district and the identifiers shared. Nothing of the other incidents' reporting parties or narratives:
`confirmed_links_for_packet` does not read them.

Laid out with the packet's own helpers (packet_styles): a shared agent name typed in Chinese or Arabic gets
the font that has its glyphs and is shaped, exactly as in the other sections."""

from __future__ import annotations

from collections.abc import Callable

from reportlab.platypus import Spacer, Table

from ..domain.matching import SAME_EVENT, LinkedIncidentRow
from ..storage.links.queries import confirmed_links_for_packet
from ..storage.repository import IncidentStore
from .packet_styles import FRAME_WIDTH, cell, fixed, grid, numbered, when

TITLE = "Linked incidents"
HEADERS = ("Report number", "Occurred", "District", "Link", "Shared identifiers")
WIDTHS = [118, 92, 46, 92, FRAME_WIDTH - 348]


def row_texts(row: LinkedIncidentRow) -> tuple[str, str, str, str, str]:
    kind = "same event" if row.kind == SAME_EVENT else "same agent or vehicle"
    return (row.report_number, when(row.occurred_at), str(row.district) if row.district is not None else "-", kind,
            "; ".join(row.shared) or "-")


def _flowables(rows: list[LinkedIncidentRow], number: int | None) -> list:
    out: list = [fixed(numbered(number, TITLE), "h2")]
    if not rows:
        out.append(fixed("No linked incident has been confirmed by a reviewer."))
        return out
    out.append(fixed("Other incidents a reviewer confirmed as involving the same agent or vehicle, or as the "
                     "same event. Each keeps its own record; their reporting parties are not part of this packet."))
    out.append(Spacer(1, 4))
    data = [list(HEADERS)] + [[cell(t, w) for t, w in zip(row_texts(r), WIDTHS, strict=True)] for r in rows]
    table = Table(data, colWidths=WIDTHS, repeatRows=1)
    table.setStyle(grid())  # plain cells in the packet's font and size; typed text never read as markup
    out.append(table)
    return out


def linked_incidents_section(store: IncidentStore, incident_id: str) -> Callable[[int | None], list]:
    """Reads the confirmed links now; the packet builder calls the result with the section's number."""
    rows = confirmed_links_for_packet(store, incident_id)
    return lambda number: _flowables(rows, number)


def linked_incidents_flowables(store: IncidentStore, incident_id: str, number: int | None = None) -> list:
    """Heading and table (or a sentence saying there are none); the heading is numbered when `number` is given."""
    return linked_incidents_section(store, incident_id)(number)
