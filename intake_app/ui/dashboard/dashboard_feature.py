"""Hooks the Dashboard into the main window: its tab is there from the start, its screen (QtCharts) is imported
and built when the tab is first opened (ui/lazy_screen.py)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..shell.lazy_screen import LazyScreen


def install_ui(window) -> None:
    def build():
        from .dashboard import DashboardScreen

        window.dashboard = DashboardScreen(window.store_handle, window.runner)
        return window.dashboard

    window.dashboard = None  # until the tab is first opened
    window.add_screen(QCoreApplication.translate("MainWindow", "Dashboard"), LazyScreen(build), closable=False)
