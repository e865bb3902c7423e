"""The features of the main window, in the order they are installed: one place, imported normally.

Each entry is a feature's `install_ui(window)`, called once the window's own menus and Incidents tab are
built. A feature adds a tab (`window.add_screen`), a menu entry (`window.add_menu_action`), an incident tab or
action (ui/incidents/incident_tabs.py), and keeps what it holds on an attribute MainWindow declares. A new
feature is one import and one line of FEATURES.

The window imports this module from its constructor, where it imported the features by name before: they
load at the same moment of the start-up as then, not with main_window (start-up speed). What a feature needs
only when it is first used, it imports then, as before.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ..common import live_views
from ..dashboard import dashboard_feature
from ..evidence import evidence_feature
from ..links import links_feature
from ..packet import packet_feature
from ..review import felony_review_feature
from ..sync import sync_status

if TYPE_CHECKING:
    from .main_window import MainWindow

InstallFeature = Callable[["MainWindow"], None]

FEATURES: tuple[InstallFeature, ...] = (
    links_feature.install_ui,
    sync_status.install_ui,
    evidence_feature.install_ui,
    packet_feature.install_ui,
    dashboard_feature.install_ui,
    live_views.install_ui,
    felony_review_feature.install_ui,
)


def install_features(window: MainWindow) -> None:
    for install in FEATURES:
        install(window)
