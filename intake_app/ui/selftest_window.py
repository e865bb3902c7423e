"""The self-test's Qt part: a QApplication and the main window on the self-test's store, shown and closed."""

from __future__ import annotations

import importlib.util
import time

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from ..storage.repository import IncidentStore
from .branding import app_icon


def open_and_close_main_window(store: IncidentStore) -> str:
    app = QApplication.instance() or QApplication(["intake"])
    platform = QApplication.platformName()
    if app_icon().isNull():
        raise RuntimeError("the application icon did not load")
    if importlib.util.find_spec("intake_app.ui.main_window") is None:
        from .about_dialog import AboutDialog

        dialog = AboutDialog()
        dialog.show()
        app.processEvents()
        dialog.close()
        return f"Qt platform {platform}: About dialog shown (the main window module is not installed)"
    from .main_window import MainWindow

    start = time.perf_counter()
    window = MainWindow(store)
    window.show()
    app.processEvents()
    shown = time.perf_counter() - start
    title = window.windowTitle()
    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents()
    return f"Qt platform {platform}: main window '{title}' shown in {shown:.2f} s"

