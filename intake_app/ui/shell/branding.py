"""The application's name, icon and window titles, in one place."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from ...paths import resource_path

APP_NAME = "Intake"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def app_icon() -> QIcon:
    """Every rendered PNG size, so each platform picks a sharp one (title bar, task bar, dock)."""
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(resource_path("icons", f"intake-{size}.png")))
    return icon


def window_title(part: str = "") -> str:
    """"Intake" alone for the main window, "<part> — Intake" for every other window."""
    return f"{part} \u2014 {APP_NAME}" if part else APP_NAME

