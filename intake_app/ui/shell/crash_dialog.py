"""Shown after an unexpected error: where the crash report (no personal data) was written."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def crash_dialog(report: Path, parent: QWidget | None = None) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Critical, "Intake",
                      # The context QMessageBox.tr() gave it, under which its translation is stored.
                      QCoreApplication.translate(
                          "QMessageBox", "Intake hit an unexpected error. Saved records and autosaved drafts are "
                          "kept.\n\nA report without personal data was written to:\n%1\n\n"
                          "Give this file to your administrator.").replace("%1", str(report)),
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("crash_dialog")
    return box


def show_crash_dialog(report: Path) -> None:
    crash_dialog(report).exec()
