"""The app opens the store on a worker thread while it imports its window. A problem found there is
handled on the GUI thread exactly as before: a store that needs its passphrase asks for it, and the passphrase
typed opens it."""

from __future__ import annotations

import logging
import sys
from concurrent.futures import ThreadPoolExecutor

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from intake_app.storage.opening import open_store
from intake_app.ui.security.passphrase_dialog import PassphraseDialog
from intake_app.ui.shell.app import open_with_prompts
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


def test_a_store_that_fails_to_open_behind_the_shown_window_is_said_and_the_app_ends(qtbot, data_dir, actor,
                                                                                     monkeypatch):
    """The first look read the store, the window was shown from it, then the full opening failed (a disk
    error, say): the person is told why, and the app ends instead of showing errors on every action."""
    from intake_app.domain.actor import Actor
    from intake_app.storage import opening as full_opening
    from intake_app.storage.errors import StoreOpenError
    from intake_app.ui.common import i18n
    from intake_app.ui.security import sign_in
    from intake_app.ui.shell import app as desktop
    from intake_app.ui.shell.startup import OpeningStore

    store = open_store(data_dir, passphrase=PASSPHRASE)
    store.save(make_incident(), actor)
    store.engine.dispose()

    def failing_open(*_args, **_kwargs):
        raise StoreOpenError("The disk could not be read.", "damaged")

    monkeypatch.setattr(full_opening, "open_store", failing_open)
    monkeypatch.setattr(sign_in, "sign_in_or_first_run", lambda *_a, **_kw: Actor("Sgt. Maria Test", "2231"))
    told = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda _parent, _title, text, *_a: told.append(text)))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # the app installs its crash handler: put back after
    language = i18n.current_language()
    opening = OpeningStore(data_dir, PASSPHRASE)
    try:
        code = desktop.run(data_dir, passphrase=PASSPHRASE, opening=opening)
    finally:  # and the other tests' language, and its log file
        i18n.install_language(language)
        for handler in [h for h in logging.getLogger().handlers if getattr(h, "intake_log", False)]:
            logging.getLogger().removeHandler(handler)
            handler.close()
    assert code == 1
    assert told == ["The disk could not be read."]
    assert opening.shown  # the window had been painted: the failure came after
