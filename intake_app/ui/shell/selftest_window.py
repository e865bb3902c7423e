"""The self-test's Qt part: a QApplication and the main window on the self-test's store, shown and closed."""

from __future__ import annotations

import importlib.util
import time

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator
from PySide6.QtWidgets import QApplication

from ...paths import resource_path
from ...storage.repository import IncidentStore
from ..common.i18n import DEFAULT, SUPPORTED
from .about_dialog import AboutDialog
from .branding import app_icon


def open_and_close_main_window(store: IncidentStore) -> str:
    app = QApplication.instance() or QApplication(["intake"])
    platform = QApplication.platformName()
    if app_icon().isNull():
        raise RuntimeError("the application icon did not load")
    if importlib.util.find_spec("intake_app.ui.shell.main_window") is None:
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
    # The self-test deletes its folder next: a database worker still reading or writing there (the first page,
    # then the count it asks for) would put a journal file into the folder while it is being deleted. So the
    # window's answers are delivered (each may ask for more) until none is pending, then its workers end.
    settled_by = time.monotonic() + 30
    while window.runner.busy and time.monotonic() < settled_by:
        app.processEvents()
        time.sleep(0.005)
    window.runner.shutdown(wait=True)
    window.deleteLater()
    QCoreApplication.sendPostedEvents()
    return f"Qt platform {platform}: main window '{title}' shown in {shown:.2f} s"



def check_translations() -> str:
    """Our Spanish .qm and Qt's own (wizard buttons, standard dialogs) are shipped and readable."""
    found = []
    for language in (lang for lang in SUPPORTED if lang != DEFAULT):
        ours, qt_own = QTranslator(), QTranslator()
        if not ours.load(str(resource_path("translations", f"intake_{language}.qm"))):
            raise FileNotFoundError(f"intake_{language}.qm is missing or unreadable")
        if not ours.translate("AboutDialog", "About"):
            raise RuntimeError(f"intake_{language}.qm has no translation of 'About'")
        if not qt_own.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            raise FileNotFoundError(f"Qt's qtbase_{language}.qm is missing")
        found.append(f"{language} ('About' = '{ours.translate('AboutDialog', 'About')}')")
    return "loaded " + ", ".join(found)
