"""High contrast: white on black with a yellow focus, switched at once and remembered.

Switching changes the whole application's style, palette and style sheet, which re-polishes every
widget alive in the process. Each story therefore runs in a fresh process of its own, so widgets
left over by other tests cannot take part in it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

SWITCH_AND_BACK = """
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication
    from intake_app.ui.shell import appearance
    app = QApplication([])
    before = app.palette().color(QPalette.ColorRole.Window)
    appearance.apply(True)
    palette = app.palette()
    print(palette.color(QPalette.ColorRole.Window).name(), palette.color(QPalette.ColorRole.WindowText).name(),
          palette.color(QPalette.ColorRole.Highlight).name())
    appearance.apply(False)
    print(app.palette().color(QPalette.ColorRole.Window) == before)
"""

MENU_ACTION = """
    import sys
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication, QMainWindow
    from intake_app.ui.shell import appearance
    app = QApplication([])
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[1])
    window = QMainWindow()
    action = appearance.high_contrast_action(window)
    print(action.isChecked())
    action.trigger()
    print(app.palette().color(QPalette.ColorRole.Window).name(), appearance.is_enabled())
    action.trigger()
    print(appearance.is_enabled())
"""


def run_story(script: str, *args: str) -> list[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("INTAKE_HIGH_CONTRAST", None)
    proc = subprocess.run([sys.executable, "-c", textwrap.dedent(script), *args], capture_output=True, text=True,
                          env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.split("\n")


def test_high_contrast_turns_the_palette_white_on_black_and_back():
    switched, restored = run_story(SWITCH_AND_BACK)[:2]
    assert switched.split() == ["#000000", "#ffffff", "#ffff00"]
    assert restored == "True"


def test_the_view_menu_action_switches_it_and_remembers_the_choice(tmp_path):
    before, during, after = run_story(MENU_ACTION, str(tmp_path))[:3]
    assert before == "False"
    assert during.split() == ["#000000", "True"]
    assert after == "False"
