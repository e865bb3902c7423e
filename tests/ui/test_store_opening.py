"""Issue 8: the app opens the store on a worker thread while it imports its window. A problem found there is
handled on the GUI thread exactly as before: a store that needs its passphrase asks for it, and the passphrase
typed opens it."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from intake_app.storage.opening import open_store
from intake_app.ui.app import open_with_prompts
from intake_app.ui.passphrase_dialog import PassphraseDialog
from tests.factories import make_incident

PASSPHRASE = "the station's long passphrase"


def test_a_store_opened_in_the_background_that_needs_its_passphrase_asks_for_it(qtbot, data_dir, actor):
    store = open_store(data_dir, passphrase=PASSPHRASE)
    store.save(make_incident(), actor)
    store.engine.dispose()
    asked = []

    def type_the_passphrase() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PassphraseDialog):
            QTimer.singleShot(20, type_the_passphrase)  # not shown yet
            return
        asked.append(dialog.windowTitle())
        dialog.passphrase.setText(PASSPHRASE)
        dialog.accept()

    with ThreadPoolExecutor(max_workers=1) as opener:
        first_try = opener.submit(open_store, data_dir, passphrase=None)  # as `intake` without INTAKE_PASSPHRASE
        QTimer.singleShot(0, type_the_passphrase)
        opened = open_with_prompts(data_dir, None, first_try)
    assert len(asked) == 1
    assert opened is not None and opened.count() == 1
    opened.engine.dispose()
