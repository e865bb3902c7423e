"""Starting the app again, for a change that only takes effect at start-up (the interface language).

Why not re-translate the open windows: every screen sets its texts once, when it is built (hundreds of
strings, some from feature modules), and none has a retranslateUi. Rebuilding them live would mean rebuilding
the window with an open wizard in it; a restart reuses the paths that already keep what was typed safe (the
window asks to save an open wizard, the autosave is offered again at the next start)."""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtCore import QProcess
from PySide6.QtWidgets import QWidget

from ..common.application import qt_app

Launcher = Callable[[str, list[str]], object]


def start_detached(program: str, arguments: list[str]) -> object:
    """The new copy outlives this process (tests replace this to record the command instead)."""
    return QProcess.startDetached(program, arguments)


def quit_app() -> None:
    qt_app().quit()


def relaunch_command(frozen: bool | None = None) -> tuple[str, list[str]]:
    """The program and arguments that start this app again, with the same options (e.g. --data-dir)."""
    frozen = getattr(sys, "frozen", False) if frozen is None else frozen
    if frozen:  # the PyInstaller program itself
        return sys.executable, sys.argv[1:]
    return sys.executable, ["-m", "intake_app", *sys.argv[1:]]


def restart(window: QWidget, launch: Launcher | None = None) -> bool:
    """Close the window as the user would (an open wizard asks to save first); only once it has closed,
    start a new copy and quit. Returns False, changing nothing, if the user kept the window open."""
    if not window.close():
        return False
    program, arguments = relaunch_command()
    (launch or start_detached)(program, arguments)
    quit_app()
    return True
