"""The supervisor previews, saves, prints and marks the packet sent from the incident view."""

from __future__ import annotations

import io
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from pypdf import PdfReader  # noqa: E402
from PySide6.QtPdf import QPdfDocument  # noqa: E402
from PySide6.QtWidgets import QPushButton  # noqa: E402

from intake_app.domain.enums import Status  # noqa: E402
from intake_app.reports.packet import build_packet  # noqa: E402
from intake_app.reports.packet_source import packet_input  # noqa: E402
from intake_app.security import audit  # noqa: E402
from intake_app.security.session import Session
from intake_app.ui.incidents.incident_tabs import IncidentContext  # noqa: E402
from intake_app.ui.incidents.incident_view import IncidentView  # noqa: E402
from intake_app.ui.packet import packet_actions, packet_feature  # noqa: E402
from tests.sync_tasks import SyncTaskRunner  # noqa: E402

from .helpers import unsaved  # noqa: E402


@pytest.fixture
def ctx(qapp, store, actor):
    inc = store.save(unsaved(agents=4, footage=12), actor)
    return IncidentContext(store, SyncTaskRunner(), inc, Session(actor))


def test_the_incident_view_offers_preview_print_save_and_mark_sent(qtbot, ctx):
    packet_feature.install_ui(None)  # as the main window does at start-up
    view = IncidentView(ctx)
    qtbot.addWidget(view)
    texts = {b.text() for b in view.findChildren(QPushButton)}
    assert {"Pre&view packet…", "&Print packet…", "Save packet as P&DF…", "Mark referral &sent…"} <= texts


def test_the_preview_shows_every_page_of_the_real_pdf(qtbot, ctx):
    shown = []
    packet_actions.preview_packet(ctx, shown.append)
    dialog = shown[0]
    qtbot.addWidget(dialog)
    expected = len(PdfReader(io.BytesIO(build_packet(packet_input(ctx.store, ctx.incident.id)))).pages)
    assert dialog.document.status() == QPdfDocument.Status.Ready
    assert dialog.document.pageCount() == expected >= 3
    assert dialog.view.document() is dialog.document


def test_save_as_pdf_writes_the_packet_and_records_it(ctx, tmp_path):
    target = tmp_path / "packet.pdf"
    saved = []
    packet_actions.save_packet_to(ctx, target, saved.append)
    assert saved == [target]
    assert ctx.incident.report_number in PdfReader(str(target)).pages[0].extract_text()
    assert any(e.action == "packet" for e in audit.entries_for(ctx.store, ctx.incident.id))


def test_print_sends_the_packet_to_a_cups_printer_and_records_it(ctx, cups_pdf_queue):
    jobs = []
    packet_actions.print_packet_to(ctx, cups_pdf_queue, on_done=jobs.append)
    assert jobs and jobs[0].startswith(cups_pdf_queue)
    assert cups_pdf_queue in packet_actions.available_printers()
    printed = [e for e in audit.entries_for(ctx.store, ctx.incident.id) if e.action == "print"]
    assert printed and cups_pdf_queue in printed[0].new_value


def test_mark_referral_sent_with_the_ccsao_reference(ctx, store, actor):
    for to in (Status.IN_REVIEW, Status.APPROVED, Status.REFERRED):
        store.change_status(ctx.incident.id, to, actor)
    done = []
    packet_actions.mark_sent(ctx, "CCSAO-2026-0042", done.append)
    assert done[0].ccsao_reference == "CCSAO-2026-0042"
    assert store.get(ctx.incident.id).referral_sent_at is not None


def test_a_printer_without_cups_gets_every_page_painted_by_qt(ctx, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    pdf = build_packet(packet_input(ctx.store, ctx.incident.id))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # a real QPrinter writing to a file
    printer.setOutputFileName(str(tmp_path / "painted.pdf"))
    printer.setResolution(150)
    pages = packet_actions.paint_pdf(pdf, printer)
    assert pages == len(PdfReader(io.BytesIO(pdf)).pages)
    assert len(PdfReader(str(tmp_path / "painted.pdf")).pages) == pages
