"""Driving modal row dialogs like a user: the dialog is filled once it is shown, then OK is clicked."""

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox


def with_dialog(qtbot, fill):
    """Run `fill(dialog)` on the next modal dialog, then press its OK button."""

    def act():
        dialog = QApplication.activeModalWidget()
        fill(dialog)
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                         __import__("PySide6.QtCore", fromlist=["Qt"]).Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, act)
