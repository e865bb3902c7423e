"""Window sizes that never exceed the screen: a window larger than the available area has its buttons
off-screen (at 200% text a 1366x768 screen is 683x384 logical pixels, smaller than our usual sizes)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def resize_within_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize to the wanted size, shrunk to the screen's available area (the content scrolls instead)."""
    parent = widget.parentWidget()
    screen = widget.screen() or (parent.screen() if parent is not None else None)
    if screen is not None:
        area = screen.availableGeometry()
        width, height = min(width, area.width()), min(height, area.height())
    widget.resize(width, height)
