"""High contrast: white on black with a yellow focus, switched at once and remembered."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QMainWindow

from intake_app.ui import appearance


def test_high_contrast_turns_the_palette_white_on_black_and_back(qapp):
    before = qapp.palette().color(QPalette.ColorRole.Window)
    appearance.apply(True)
    try:
        palette = qapp.palette()
        assert palette.color(QPalette.ColorRole.Window).name() == "#000000"
        assert palette.color(QPalette.ColorRole.WindowText).name() == "#ffffff"
        assert palette.color(QPalette.ColorRole.Highlight).name() == "#ffff00"
    finally:
        appearance.apply(False)
    assert qapp.palette().color(QPalette.ColorRole.Window) == before


def test_the_view_menu_action_switches_it_and_remembers_the_choice(qtbot, qapp, monkeypatch, tmp_path):
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    monkeypatch.delenv(appearance.ENV, raising=False)
    window = QMainWindow()
    qtbot.addWidget(window)
    action = appearance.high_contrast_action(window)
    assert not action.isChecked()
    action.trigger()
    try:
        assert qapp.palette().color(QPalette.ColorRole.Window).name() == "#000000"
        assert appearance.is_enabled()
    finally:
        action.trigger()
    assert not appearance.is_enabled()
