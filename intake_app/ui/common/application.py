"""The running QApplication, typed as one.

PySide6 types QApplication.instance() as `QCoreApplication | None`: right for a library, but this app always
runs a QApplication (widgets need one) before any screen exists, and every caller here wants its widget-level
API (palette, style, focusChanged)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication


def qt_app() -> QApplication:
    """The process's QApplication; an error (not None) when there is none or it is not a widgets one, which
    is a programming error: no screen can exist then."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        raise RuntimeError(f"a running QApplication is needed, found {type(app).__name__}")
    return app
