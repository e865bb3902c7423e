"""The Touhy requests dialog and Settings (with its order controls) each give every Alt+letter to one field, in
English and in Spanish, and show no English left in Spanish."""

from __future__ import annotations

import pytest

from intake_app.security.session import Session
from intake_app.ui.common import i18n
from intake_app.ui.incidents.incident_tabs import IncidentContext
from intake_app.ui.review.touhy_dialog import TouhyDialog
from tests.sync_tasks import SyncTaskRunner

from .mnemonics import clashes
from .test_felony_review_ui import referred
from .test_spanish_wizard import ENGLISH


@pytest.fixture(params=["en", "es"])
def language(request, qapp):
    i18n.install_language(request.param)
    yield request.param
    i18n.install_language("en")


def test_the_touhy_dialog_has_unique_mnemonics(qtbot, store, actor, language):
    dialog = TouhyDialog(IncidentContext(store, SyncTaskRunner(), referred(store, actor), Session(actor)))
    qtbot.addWidget(dialog)
    dialog.show()
    assert clashes(dialog) == {}


def test_the_settings_dialog_has_unique_mnemonics(qtbot, window, language):
    dialog = window.open_settings()
    assert clashes(dialog) == {}
    dialog.reject()


def test_the_touhy_dialog_is_in_spanish(qtbot, store, actor, qapp):
    i18n.install_language("es")
    from PySide6.QtWidgets import QAbstractButton, QLabel

    dialog = TouhyDialog(IncidentContext(store, SyncTaskRunner(), referred(store, actor), Session(actor)))
    qtbot.addWidget(dialog)
    texts = [dialog.windowTitle()] + [w.text() for w in dialog.findChildren(QLabel) + dialog.findChildren(
        QAbstractButton) if w.text()]
    i18n.install_language("en")
    assert dialog.windowTitle() == "Solicitudes Touhy"
    assert [t for t in texts if t in ENGLISH] == []
