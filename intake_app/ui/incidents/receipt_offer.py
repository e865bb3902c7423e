"""After Submit for review: the report number, said plainly, and the reporting party's receipt in their
language, to print or save at once (until now receipts came only from the command line). The receipt is built on
the io pool; printing and saving are recorded in the audit trail as the packet's are."""

from __future__ import annotations

import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import QMessageBox

from ..shell.branding import window_title

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ...domain.actor import Actor
    from ...domain.records import Incident
    from ...storage.repository import IncidentStore
    from ..common.tasks import TaskRunner
    from ..shell.main_window import MainWindow

translate = QCoreApplication.translate


def language_name(lang: str) -> str:
    """"español", "English": the language as its speakers write it."""
    return QLocale(lang).nativeLanguageName() or lang


class ReceiptOffer(QMessageBox):
    def __init__(self, store: IncidentStore, runner: TaskRunner, incident: Incident, actor: Actor,
                 parent: QWidget | None = None):
        from ...reports.receipt import receipt_language

        super().__init__(parent)
        self.store, self.runner, self.incident, self.actor = store, runner, incident, actor
        self.language = receipt_language(incident)
        self.done_text = ""
        self.setIcon(QMessageBox.Icon.Information)
        self.setWindowTitle(window_title(translate("ReceiptOffer", "Submitted")))
        self.setText(translate("ReceiptOffer", "Submitted for review as report %1.")
                     .replace("%1", incident.report_number or incident.id))
        self.setInformativeText(translate("ReceiptOffer", "Give the reporting party their receipt (in %1): it "
                                                          "names the report number and what happens next.")
                                .replace("%1", language_name(self.language)))
        self.print_button = self.addButton(translate("ReceiptOffer", "&Print receipt…"),
                                           QMessageBox.ButtonRole.ActionRole)
        self.save_button = self.addButton(translate("ReceiptOffer", "&Save receipt as PDF…"),
                                          QMessageBox.ButtonRole.ActionRole)
        self.close_button = self.addButton(translate("ReceiptOffer", "&Close"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.print_button)
        if incident.reporting_party is None:  # nobody to give a receipt to: the number alone
            self.setInformativeText("")
            self.print_button.hide()
            self.save_button.hide()
            self.setDefaultButton(self.close_button)
        # An action button would close the box before the receipt is built: it stays open until Close.
        for button in (self.print_button, self.save_button):
            button.clicked.disconnect()
        self.print_button.clicked.connect(self.print_receipt)
        self.save_button.clicked.connect(self.save_receipt)

    def _build(self, then) -> None:
        from ...reports.receipt import build_receipt

        incident, lang = self.incident, self.language
        self.runner.run(lambda: build_receipt(incident, datetime.now(UTC).replace(microsecond=0), lang), then,
                        self._failed, pool="io")

    def _record(self, what: str) -> None:
        from ...reports.packet_source import record_action

        store, ref, actor = self.store, self.incident.id, self.actor
        self.runner.run(lambda: record_action(store, ref, "receipt", actor, what), None, self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.done_text = str(exc)
        self.setInformativeText(str(exc))

    def _tell(self, text: str) -> None:
        self.done_text = text
        self.setInformativeText(text)

    def save_receipt(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        name = f"{self.incident.report_number or self.incident.id}-receipt-{self.language}.pdf"
        chosen, _ = QFileDialog.getSaveFileName(self, translate("ReceiptOffer", "Save the receipt as PDF"), name,
                                                "PDF (*.pdf)")
        if chosen:
            self.save_to(Path(chosen))

    def save_to(self, path: Path) -> None:
        def write(pdf: bytes) -> None:
            tmp = path.with_name(path.name + ".part")
            tmp.write_bytes(pdf)
            tmp.replace(path)
            self._record(f"receipt ({self.language}) saved as {path.name}")
            self._tell(translate("ReceiptOffer", "Saved %1").replace("%1", str(path)))

        self._build(write)

    def print_receipt(self) -> None:
        from PySide6.QtGui import QPageSize
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from ..packet.packet_actions import NO_PRINTER, available_printers

        if not available_printers():
            self._tell(translate("PacketActions", NO_PRINTER))
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(translate("ReceiptOffer", "Print the receipt"))
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self.print_to(printer.printerName(), printer)

    def print_to(self, name: str, qprinter=None) -> None:
        """A CUPS queue gets the PDF itself (`lp`, sharp text, US Letter); another printer, the painted pages."""
        from ...reports.printing import PrintError, print_file, printers
        from ..packet.packet_actions import paint_pdf

        try:
            cups = name in printers()
        except PrintError:
            cups = False
        number = self.incident.report_number or self.incident.id

        def send(pdf: bytes) -> None:
            if not cups and qprinter is not None:
                paint_pdf(pdf, qprinter)
                self._record(f"receipt ({self.language}) to printer {name}")
                self._tell(translate("ReceiptOffer", "Sent the receipt to %1.").replace("%1", name))
                return

            def work() -> str:
                with tempfile.TemporaryDirectory() as tmp:
                    path = Path(tmp) / f"{number}-receipt.pdf"
                    path.write_bytes(pdf)
                    return print_file(path, name, title=f"{number} receipt")

            def sent(job: str) -> None:
                self._record(f"receipt ({self.language}) to printer {name}, job {job}")
                self._tell(translate("ReceiptOffer", "Sent the receipt to %1 (%2).").replace("%1", name)
                           .replace("%2", job))

            self.runner.run(work, sent, self._failed, pool="io")

        self._build(send)


def offer_receipt(window: MainWindow, incident: Incident) -> ReceiptOffer:
    box = ReceiptOffer(window.store, window.runner, incident, window.actor(), window)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.receipt_offer = box
    box.open()  # window-modal, without a nested event loop
    return box
