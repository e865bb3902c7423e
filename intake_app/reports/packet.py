"""The referral packet for the Cook County State's Attorney's Office: a US Letter PDF built with platypus.

`build_packet(data)` takes plain data (PacketInput) and returns the PDF bytes. Every page carries the report
number, "Page X of Y", the generation time and CONFIDENTIAL. ReportLab's invariant mode plus the generation
time as an input make the output byte-identical for the same record and settings.
"""

from __future__ import annotations

import io
import time
from pathlib import Path

from reportlab.lib.utils import TimeStamp
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import SimpleDocTemplate

from . import packet_order
from . import packet_sections as sections
from .packet_input import PacketInput, packet_stamp
from .packet_styles import BOTTOM_MARGIN, MARGIN, PAGE, TOP_MARGIN, when
from .text import MAIN, MAIN_BOLD, clean, register_fonts


def fixed_timestamp(generated_at) -> TimeStamp:
    stamp = TimeStamp(invariant=1)
    stamp.t = generated_at.timestamp()
    stamp.lt = time.gmtime(stamp.t)
    stamp.YMDhms = tuple(stamp.lt)[:6]
    return stamp


def _canvas_class(report_number: str, generated: str, generated_at):
    """A canvas that keeps each page until the end, so the footer can say 'Page X of Y'."""

    class PacketCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._doc._timeStamp = fixed_timestamp(generated_at)  # creation date = generation time
            self._pages: list[dict] = []

        def showPage(self):
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            for number, state in enumerate(self._pages, 1):
                self.__dict__.update(state)
                self._furniture(number, total)
                super().showPage()
            super().save()

        def _furniture(self, number: int, total: int) -> None:
            width, height = PAGE
            self.saveState()
            self.setFont(MAIN_BOLD, 8.5)
            self.drawString(MARGIN, height - 0.5 * 72, f"Report {report_number}")
            self.drawRightString(width - MARGIN, height - 0.5 * 72, "CONFIDENTIAL")
            self.setFont(MAIN, 8)
            self.drawCentredString(width / 2, height - 0.5 * 72, "Referral to the Cook County State's Attorney")
            self.setLineWidth(0.5)
            self.line(MARGIN, height - 0.56 * 72, width - MARGIN, height - 0.56 * 72)
            self.line(MARGIN, 0.62 * 72, width - MARGIN, 0.62 * 72)
            self.drawString(MARGIN, 0.45 * 72, f"Generated {generated}")
            self.setFont(MAIN_BOLD, 8)
            self.drawCentredString(width / 2, 0.45 * 72, "CONFIDENTIAL")
            self.setFont(MAIN, 8)
            self.drawRightString(width - MARGIN, 0.45 * 72, f"Page {number} of {total}")
            self.restoreState()

    return PacketCanvas


def build_packet(data: PacketInput) -> bytes:
    register_fonts()
    inc = data.incident
    report_number = clean(inc.report_number or "(not yet saved)")
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer, pagesize=PAGE, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=TOP_MARGIN,
        bottomMargin=BOTTOM_MARGIN, invariant=1,
        title=f"Referral packet {report_number}", subject=sections.TITLE,
        author=clean(inc.supervisor.name or "Chicago Police Department"),
        creator="Intake", keywords=packet_stamp(data).text(),
    )
    story: list = []
    story += sections.cover(data)
    story += sections.incident(data)
    story += sections.agents(data)
    story += sections.footage(data)
    story += sections.custody(data)
    number = sections.FIRST_EXTRA_NUMBER
    if packet_order.has_felony_review(data.incident):  # the CCSAO's decisions, once there are any
        story += packet_order.felony_review(data, number)
        number += 1
    for section in data.extra_sections:  # each numbered in turn, so the attestation stays last and numbered
        story += section(number)
        number += 1
    story += sections.attestation(data, number)
    doc.build(story, canvasmaker=_canvas_class(report_number, when(data.generated_at, inc.timezone),
                                                data.generated_at))
    return buffer.getvalue()


def write_packet(data: PacketInput, path: Path) -> int:
    """Writes the PDF next to its final name and renames it, so a half-written packet never exists."""
    pdf = build_packet(data)
    tmp = path.with_name(path.name + ".part")
    tmp.write_bytes(pdf)
    tmp.replace(path)
    return len(pdf)
