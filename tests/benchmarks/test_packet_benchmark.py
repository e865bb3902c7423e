"""Packet build time beside the same tables drawn with a bare ReportLab canvas, in the same run.

Targets (referral packets): a typical packet (5 agents, 10 footage items, 2 pages of narrative) under 300 ms,
and within 3x of the bare canvas; the long one (50 agents, 300 footage items) within 3x too.
"""

from __future__ import annotations

import io
import time

import pytest
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

from intake_app.domain.enums import label
from intake_app.reports.packet import build_packet
from intake_app.reports.packet_input import PacketInput
from intake_app.reports.packet_styles import BOTTOM_MARGIN, MARGIN, PAGE, TOP_MARGIN, when
from intake_app.reports.text import MAIN, MAIN_BOLD, register_fonts

from ..reports.helpers import GENERATED, incident_with
from .timing import check_target

NARRATIVE_2_PAGES = ("The agents approached the vehicle and ordered the driver out without identifying themselves. "
                     * 10 + "\n\n") * 8


def bare_canvas(inc) -> bytes:
    """The same narrative, agent field tables and footage grid, placed by hand on a canvas: wrapped with
    simpleSplit, cell borders drawn, footage header repeated per page, a footer per page. No platypus."""
    register_fonts()
    buffer = io.BytesIO()
    c = Canvas(buffer, pagesize=PAGE, invariant=1)
    width, height = PAGE
    frame = width - 2 * MARGIN
    y = height - TOP_MARGIN
    page = 1

    def new_page() -> None:
        nonlocal y, page
        c.setFont(MAIN, 8)
        c.drawString(MARGIN, 0.45 * 72, f"Report {inc.report_number}   Page {page}   CONFIDENTIAL")
        c.showPage()
        page += 1
        y = height - TOP_MARGIN

    def row(cells: list[str], widths: list[float], font: str, size: float, grid: bool) -> bool:
        """Draws one table row; False when it does not fit on this page."""
        nonlocal y
        lines = [simpleSplit(text, font, size, w - 6) or [""] for text, w in zip(cells, widths, strict=True)]
        h = max(len(x) for x in lines) * size * 1.25 + 4
        if y - h < BOTTOM_MARGIN:
            return False
        x = MARGIN
        c.setFont(font, size)
        for cell_lines, w in zip(lines, widths, strict=True):
            for i, text in enumerate(cell_lines):
                c.drawString(x + 3, y - 2 - size - i * size * 1.25, text)
            if grid:
                c.rect(x, y - h, w, h, stroke=1, fill=0)
            x += w
        if not grid:
            c.line(MARGIN, y - h, MARGIN + frame, y - h)
        y -= h
        return True

    for text_line in simpleSplit(inc.narrative.replace("\n", " "), MAIN, 9.5, frame):
        if y < BOTTOM_MARGIN:
            new_page()
        c.setFont(MAIN, 9.5)
        c.drawString(MARGIN, y, text_line)
        y -= 12.5
    label_w = 1.55 * 72
    for n, a in enumerate(inc.agents, 1):
        if y - 120 < BOTTOM_MARGIN:
            new_page()
        c.setFont(MAIN_BOLD, 10.5)
        c.drawString(MARGIN, y - 12, f"Agent {n}")
        y -= 16
        v = a.vehicle
        for name, value in (("Agency", label(a.agency)), ("Name", a.name), ("Badge / ID", a.badge),
                            ("How identified", label(a.identified_by)), ("Masked", "yes" if a.masked else "no"),
                            ("Description", a.description),
                            ("Vehicle", f"{v.color} {v.make} {v.model}; plate {v.plate} ({v.plate_state})"),
                            ("Offences alleged", "720 ILCS 5/12-3.05 Aggravated battery (Class 3 felony)")):
            if not row([name, value], [label_w, frame - label_w], MAIN, 9.5, grid=False):
                new_page()
                row([name, value], [label_w, frame - label_w], MAIN, 9.5, grid=False)
    headers = ["Kind", "Device", "Officer star", "Time span", "Evidence id", "SHA-256", "Preservation"]
    widths = [60, 56, 34, 80, 72, 128, 95]
    row(headers, widths, MAIN_BOLD, 7, grid=True)
    for f in inc.footage:
        cells = [label(f.kind), f.device_id, f.officer_star, f"{when(f.start)} to {when(f.end)}", f.evidence_id,
                 f"{f.sha256[:32]} {f.sha256[32:]}", label(f.preservation_status)]
        if not row(cells, widths, MAIN, 7, grid=True):
            new_page()
            row(headers, widths, MAIN_BOLD, 7, grid=True)
            row(cells, widths, MAIN, 7, grid=True)
    new_page()
    c.save()
    return buffer.getvalue()


def best_of(fn, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


@pytest.mark.benchmark
@pytest.mark.parametrize(("name", "agents", "footage", "repeats", "limit_ms"),
                         [("typical", 5, 10, 7, 300), ("long", 50, 300, 2, None)])
def test_packet_build_time_beside_a_bare_canvas(name, agents, footage, repeats, limit_ms):
    inc = incident_with(agents=agents, footage=footage, narrative=NARRATIVE_2_PAGES)
    data = PacketInput(inc, GENERATED)
    build_packet(data), bare_canvas(inc)  # fonts loaded, caches warm
    ours = best_of(lambda: build_packet(data), repeats)
    bare = best_of(lambda: bare_canvas(inc), repeats)
    print(f"\n{name} packet ({agents} agents, {footage} footage): {ours * 1000:.0f} ms, "
          f"bare canvas {bare * 1000:.0f} ms, ratio {ours / bare:.2f}x")
    if limit_ms is not None:
        check_target(f"{name} packet", ours * 1000, limit_ms, bound=10 * limit_ms, unit=" ms")
    check_target(f"{name} packet / bare canvas", ours / bare, 3.0, bound=10.0, unit="x")
