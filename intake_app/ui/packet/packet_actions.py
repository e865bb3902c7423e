"""The referral packet in the app: Preview (the real PDF pages, QtPdf), Print, Save as PDF, Mark referral sent.

Buttons on the incident view, registered by packet_feature (which imports this module on the first click). The packet is
gathered on the "db" pool and built on the "io" pool, never on the GUI thread; printing and saving are
recorded in the audit trail.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QPointF, QRect
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from ...reports.packet import build_packet
from ...reports.packet_source import packet_input, record_action
from ...reports.printing import PrintError, print_file, printers
from ...reports.referral import mark_referral_sent
from ...sync.sealing_step import party_for_packet
from ..common.i18n import QT_TRANSLATE_NOOP, format_datetime
from ..common.screen_fit import resize_within_screen
from ..incidents.incident_tabs import IncidentContext

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls
NO_PRINTER = QT_TRANSLATE_NOOP("PacketActions", "No printer is set up on this computer (or the print system is not "
                                                "running). Use Save as PDF and print the file elsewhere.")



def make_packet(ctx: IncidentContext, on_done: Callable[[bytes], None], on_error=None) -> None:
    """Gathers the record and its custody on the db pool, then builds the PDF on the io pool."""
    incident_id, actor = ctx.incident.id, ctx.actor()

    def built(data) -> None:
        ctx.runner.run(lambda: build_packet(data), on_done, on_error, pool="io")

    def gathered():
        data = packet_input(ctx.store, incident_id)
        data.opened_party = party_for_packet(ctx.store, actor, data.incident)  # a sealed party its reader opens
        return data

    ctx.runner.run(gathered, built, on_error, pool="db")


def _warn(ctx: IncidentContext, title: str):
    return lambda exc: QMessageBox.warning(ctx.parent, translate("PacketActions", title), str(exc))


# ---------------------------------------------------------------- saving

def save_packet_to(ctx: IncidentContext, path: Path, on_done: Callable[[Path], object] | None = None) -> None:
    incident_id, actor = ctx.incident.id, ctx.actor()

    def write(pdf: bytes) -> None:
        def work() -> Path:
            tmp = path.with_name(path.name + ".part")
            tmp.write_bytes(pdf)
            tmp.replace(path)
            record_action(ctx.store, incident_id, "packet", actor, f"saved as {path.name}")
            return path
        ctx.runner.run(work, on_done, _warn(ctx, QT_TRANSLATE_NOOP("PacketActions", "Save as PDF")), pool="db")

    make_packet(ctx, write, _warn(ctx, QT_TRANSLATE_NOOP("PacketActions", "Save as PDF")))


def save_packet(ctx: IncidentContext) -> None:
    name = f"{ctx.incident.report_number or ctx.incident.id}-referral.pdf"
    chosen, _ = QFileDialog.getSaveFileName(ctx.parent, translate("PacketActions", "Save the referral packet as PDF"),
                                            name, "PDF (*.pdf)")
    if chosen:
        save_packet_to(ctx, Path(chosen), lambda p: QMessageBox.information(
            ctx.parent, translate("PacketActions", "Saved"), translate("PacketActions", "Saved %1").replace("%1", str(p))))


# ---------------------------------------------------------------- printing

def available_printers() -> list[str]:
    return [p.printerName() for p in QPrinterInfo.availablePrinters()]


def paint_pdf(pdf: bytes, printer: QPrinter) -> int:
    """Draws each PDF page onto the printer (for printers without CUPS `lp`); returns pages printed."""
    document, _buffer = _document(pdf)
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError("The printer could not be opened.")
    try:
        dpi = printer.resolution()
        for page in range(document.pageCount()):
            if page:
                printer.newPage()
            size = document.pagePointSize(page)
            image = document.render(page, (size * dpi / 72).toSize())
            target: QRect = printer.pageLayout().paintRectPixels(dpi)
            painter.drawImage(QPointF(0, 0), image.scaled(target.size()))
    finally:
        painter.end()
    return document.pageCount()


def print_packet_to(ctx: IncidentContext, printer_name: str, copies: int = 1,
                    on_done: Callable[[str], object] | None = None, qprinter: QPrinter | None = None) -> None:
    """CUPS printers get the PDF itself through `lp` (sharp text); other printers get the pages painted by Qt."""
    incident_id, actor = ctx.incident.id, ctx.actor()

    def send(pdf: bytes) -> None:
        if qprinter is not None:
            paint_pdf(pdf, qprinter)  # painting needs the GUI thread's QPrinter
            ctx.runner.run(lambda: record_action(ctx.store, incident_id, "print", actor, f"packet to {printer_name}")
                           or printer_name, on_done, _warn(ctx, QT_TRANSLATE_NOOP("PacketActions", "Print")), pool="db")
            return

        def work() -> str:
            with tempfile.TemporaryDirectory() as tmp:
                path = Path(tmp) / f"{ctx.incident.report_number or incident_id}-packet.pdf"
                path.write_bytes(pdf)
                job = print_file(path, printer_name, title=path.stem, copies=copies)
            record_action(ctx.store, incident_id, "print", actor, f"packet to printer {printer_name}, job {job}")
            return job
        ctx.runner.run(work, on_done, _warn(ctx, QT_TRANSLATE_NOOP("PacketActions", "Print")), pool="io")

    make_packet(ctx, send, _warn(ctx, QT_TRANSLATE_NOOP("PacketActions", "Print")))


def print_packet(ctx: IncidentContext) -> None:
    if not available_printers():
        QMessageBox.information(ctx.parent, translate("PacketActions", "Print"),
                                translate("PacketActions", NO_PRINTER))
        return
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))  # the packet's paper, whatever the queue's default
    dialog = QPrintDialog(printer, ctx.parent)
    dialog.setWindowTitle(translate("PacketActions", "Print the referral packet"))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    name = printer.printerName()
    try:
        cups = name in printers()
    except PrintError:
        cups = False
    print_packet_to(ctx, name, printer.copyCount(), lambda job: QMessageBox.information(
        ctx.parent, translate("PacketActions", "Print"),
        translate("PacketActions", "Sent the packet to %1 (%2).").replace("%1", name).replace("%2", str(job))),
        None if cups else printer)


# ---------------------------------------------------------------- preview

def _document(pdf: bytes) -> tuple[QPdfDocument, QBuffer]:
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    return document, buffer  # the buffer must live as long as the document


class PacketPreview(QDialog):
    """The packet's real pages, with Print and Save as PDF."""

    def __init__(self, ctx: IncidentContext, pdf: bytes):
        super().__init__(ctx.parent)
        self.ctx = ctx
        self.setWindowTitle(translate("PacketActions", "Referral packet %1: preview")
                            .replace("%1", ctx.incident.report_number))
        self.document, self._buffer = _document(pdf)
        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        self.view.setAccessibleName(translate("PacketActions", "Packet pages"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        print_button = QPushButton(translate("PacketActions", "&Print…"))
        save_button = QPushButton(translate("PacketActions", "&Save as PDF…"))
        buttons.addButton(print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(save_button, QDialogButtonBox.ButtonRole.ActionRole)
        print_button.clicked.connect(lambda: print_packet(ctx))
        save_button.clicked.connect(lambda: save_packet(ctx))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        # A Letter page's proportions, but never beyond the screen (at 200% text a 1366x768 screen is 683x384):
        # the pages scroll, the buttons stay on the screen.
        resize_within_screen(self, 760, 900)


def preview_packet(ctx: IncidentContext, on_shown: Callable[[PacketPreview], None] | None = None) -> None:
    def show(pdf: bytes) -> None:
        dialog = PacketPreview(ctx, pdf)
        dialog.show()
        if on_shown:
            on_shown(dialog)

    make_packet(ctx, show, _warn(ctx, QT_TRANSLATE_NOOP("PacketActions", "Preview")))


# ---------------------------------------------------------------- referral sent

def mark_sent(ctx: IncidentContext, reference: str | None, on_done: Callable | None = None) -> None:
    incident_id, actor = ctx.incident.id, ctx.actor()
    ctx.runner.run(lambda: mark_referral_sent(ctx.store, incident_id, actor, reference=reference),
                   on_done, _warn(ctx, QT_TRANSLATE_NOOP("PacketActions", "Mark referral sent")), pool="db")


def ask_mark_sent(ctx: IncidentContext) -> None:
    current = ctx.incident.ccsao_reference
    reference, ok = QInputDialog.getText(
        ctx.parent, translate("PacketActions", "Mark referral sent"),
        translate("PacketActions", "The packet was sent to the Cook County State's Attorney's Office.\n"
           "CCSAO reference number (leave empty if not known yet; add it later):"), text=current)
    if ok:
        mark_sent(ctx, reference.strip() or None, lambda inc: QMessageBox.information(
            ctx.parent, translate("PacketActions", "Mark referral sent"),
            translate("PacketActions", "%1: sent %2").replace("%1", inc.report_number)
            .replace("%2", format_datetime(inc.referral_sent_at))
            + (translate("PacketActions", ", CCSAO reference %1").replace("%1", inc.ccsao_reference)
               if inc.ccsao_reference else "")))

