"""Help > About tells the user which version they run."""

from __future__ import annotations

import intake_app
from intake_app.ui.about_dialog import AboutDialog


def test_about_dialog_shows_the_version_and_the_app_icon(qtbot):
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    assert intake_app.__version__ in dialog.version.text()
    assert dialog.windowTitle().endswith("Intake")
    assert not dialog.windowIcon().isNull()
