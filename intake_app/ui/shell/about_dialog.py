"""Help > About: what this program is, its version, and the versions it runs on."""

from __future__ import annotations

import platform

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ... import __version__
from .branding import APP_NAME, app_icon, window_title


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(window_title(self.tr("About")))
        self.setWindowIcon(app_icon())

        icon = QLabel()
        icon.setPixmap(app_icon().pixmap(96, 96))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        icon.setAccessibleName(self.tr("Intake icon"))

        self.title = QLabel(f"<h2>{APP_NAME}</h2>")
        self.version = QLabel(self.tr("Version %1").replace("%1", __version__))
        self.version.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        purpose = QLabel(self.tr(
            "Documents alleged violations of state and local law by federal immigration agents, "
            "for Chicago Police district stations under the \u201cICE On Notice\u201d executive order."))
        purpose.setWordWrap(True)
        runtime = QLabel(self.tr("Python %1 \u00b7 Qt %2 \u00b7 PySide6 %3")
                         .replace("%1", platform.python_version())
                         .replace("%2", qVersion())
                         .replace("%3", PySide6.__version__))
        runtime.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        text = QVBoxLayout()
        for label in (self.title, self.version, purpose, runtime):
            text.addWidget(label)
        text.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addLayout(text, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)


def show_about(parent: QWidget | None = None) -> None:
    AboutDialog(parent).exec()
