"""Help > About tells the user which version they run."""

from __future__ import annotations

import intake_app
from intake_app.ui.shell.about_dialog import AboutDialog


def test_about_dialog_shows_the_version_and_the_app_icon(qtbot):
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    assert intake_app.__version__ in dialog.version.text()
    assert dialog.windowTitle().endswith("Intake")
    assert not dialog.windowIcon().isNull()


def test_help_about_in_the_main_window_opens_it(window, qtbot):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    about = next(a for menu in window.menuBar().actions() for a in menu.menu().actions() if "About" in a.text())
    seen = []

    def look_and_close() -> None:
        dialog = QApplication.activeModalWidget()
        seen.append(dialog.version.text())
        dialog.reject()

    QTimer.singleShot(0, look_and_close)
    about.trigger()  # modal: returns once closed
    assert seen == [f"Version {intake_app.__version__}"]
