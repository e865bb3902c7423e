"""High-contrast appearance: white on black, yellow focus and selection, thick focus frames.

A per-user display preference (QSettings, not the station's store), offered as View > High contrast and
also switched on by INTAKE_HIGH_CONTRAST=1 (for a shortcut on a shared PC, and for screenshots).
Text size follows the system (Windows "Make text bigger", QT_SCALE_FACTOR, QT_FONT_DPI): the layouts
must not fix pixel sizes.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QAction, QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from ..common.application import qt_app

SETTING = "appearance/high_contrast"
ENV = "INTAKE_HIGH_CONTRAST"

BLACK, WHITE, YELLOW, CYAN, GREY = "#000000", "#ffffff", "#ffff00", "#00ffff", "#c0c0c0"

STYLESHEET = f"""
*:focus {{ outline: none; }}
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QComboBox:focus, QSpinBox:focus, QDateTimeEdit:focus,
QAbstractItemView:focus {{ border: 3px solid {YELLOW}; }}
QPushButton:focus, QCheckBox:focus, QRadioButton:focus, QToolButton:focus {{ border: 3px solid {YELLOW}; }}
QPushButton {{ border: 2px solid {WHITE}; padding: 4px 10px; }}
QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QSpinBox, QDateTimeEdit {{ border: 2px solid {WHITE}; }}
QAbstractItemView {{ gridline-color: {GREY}; }}
QToolTip {{ color: {BLACK}; background: {YELLOW}; border: 1px solid {WHITE}; }}
"""
_previous: dict = {}


def high_contrast_palette() -> QPalette:
    p = QPalette()
    roles = QPalette.ColorRole
    for role, color in ((roles.Window, BLACK), (roles.WindowText, WHITE), (roles.Base, BLACK),
                        (roles.AlternateBase, "#1a1a1a"), (roles.Text, WHITE), (roles.Button, BLACK),
                        (roles.ButtonText, WHITE), (roles.BrightText, YELLOW), (roles.Highlight, YELLOW),
                        (roles.HighlightedText, BLACK), (roles.ToolTipBase, YELLOW), (roles.ToolTipText, BLACK),
                        (roles.Link, CYAN), (roles.LinkVisited, CYAN), (roles.PlaceholderText, GREY),
                        (roles.Light, WHITE), (roles.Midlight, GREY), (roles.Mid, GREY), (roles.Dark, WHITE),
                        (roles.Shadow, WHITE)):
        p.setColor(role, QColor(color))
    # Disabled text stays readable (grey on black passes WCAG AA at 10.9:1), never dark grey.
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor(GREY))
    return p


def is_enabled() -> bool:
    if os.environ.get(ENV, "") not in ("", "0"):
        return True
    return bool(QSettings().value(SETTING, False, type=bool))  # a bool already (type=); typed as object


def apply(enabled: bool, app: QApplication | None = None) -> None:
    app = app or qt_app()
    if enabled:
        if not _previous:
            _previous.update(style=app.style().name(), palette=app.palette(), sheet=app.styleSheet())
        app.setStyle("Fusion")  # the native styles on Windows/macOS ignore parts of a custom palette
        app.setPalette(high_contrast_palette())
        app.setStyleSheet(STYLESHEET)
    elif _previous:
        app.setStyle(_previous["style"])
        app.setPalette(_previous["palette"])
        app.setStyleSheet(_previous["sheet"])
        _previous.clear()


def apply_saved(app: QApplication | None = None) -> None:
    """At start-up: the user's choice (or INTAKE_HIGH_CONTRAST)."""
    if is_enabled():
        apply(True, app)


def high_contrast_action(parent: QWidget) -> QAction:
    """A checkable View-menu action that switches at once and is remembered for this user."""
    action = QAction(QCoreApplication.translate("Appearance", "&High contrast"), parent)
    action.setCheckable(True)
    action.setChecked(is_enabled())

    def toggled(on: bool) -> None:
        QSettings().setValue(SETTING, on)
        apply(on)

    action.toggled.connect(toggled)
    return action
