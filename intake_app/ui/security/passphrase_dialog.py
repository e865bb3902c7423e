"""Asks for the passphrase that derives the database key when no secure keyring is available."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout

from ..common.i18n import QT_TRANSLATE_NOOP
from ..shell.branding import window_title
from .passphrase_check import passphrase_field

MIN_LENGTH = 12
EXPLANATIONS = {
    "no_keyring": QT_TRANSLATE_NOOP("PassphraseDialog", "This computer has no secure keyring to keep the database "
                                    "key. Choose a passphrase of at least 12 characters: the encrypted store is "
                                    "opened with it from now on. Keep it safe: without it the records cannot be "
                                    "read."),
    "needs_passphrase": QT_TRANSLATE_NOOP("PassphraseDialog", "The local store is protected by a passphrase. Enter "
                                          "it to open the records."),
    "wrong_key": QT_TRANSLATE_NOOP("PassphraseDialog", "That passphrase does not open the local store. Try again."),
    "weak_passphrase": QT_TRANSLATE_NOOP("PassphraseDialog", "The passphrase is too short: use at least 12 "
                                         "characters."),
}


class PassphraseDialog(QDialog):
    def __init__(self, reason: str, message: str = "", choose: bool = False, parent=None):
        super().__init__(parent)
        self.setWindowTitle(window_title(self.tr("Passphrase")))
        self.choose = choose
        text = QLabel(self.tr(EXPLANATIONS.get(reason, message)))
        text.setWordWrap(True)
        self.passphrase = passphrase_field(self.tr("Passphrase"))
        self.again = passphrase_field(self.tr("Passphrase again"))
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b00020;")
        form = QFormLayout()
        first = QLabel(self.tr("&Passphrase:"))
        first.setBuddy(self.passphrase)
        form.addRow(first, self.passphrase)
        if choose:
            second = QLabel(self.tr("&Again:"))
            second.setBuddy(self.again)
            form.addRow(second, self.again)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def accept(self) -> None:
        value = self.passphrase.text()
        if self.choose and len(value) < MIN_LENGTH:
            self.problem.setText(self.tr("Use at least 12 characters."))
            return
        if self.choose and value != self.again.text():
            self.problem.setText(self.tr("The two passphrases differ."))
            return
        super().accept()
