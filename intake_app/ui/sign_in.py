"""Sign-in (issue 6): star number + passphrase; the first start asks for the first administrator.

Checking a passphrase costs one scrypt (~50 ms) on purpose; that short wait is acceptable on the GUI thread
and keeps the dialog simple. The rate-limit delay is the store's (persisted), shown here in plain words.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from ..domain.workflow import Actor
from ..security.users import create_first_administrator, sign_in


def _passphrase_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class SignInDialog(QDialog):
    """`actor` is set when the dialog is accepted."""

    def __init__(self, store, parent=None, title: str | None = None):
        super().__init__(parent)
        self.store = store
        self.actor: Actor | None = None
        self.setWindowTitle(title or self.tr("Sign in to Intake"))
        self.star = QLineEdit()
        self.star.setObjectName("star")
        self.passphrase = _passphrase_field()
        self.passphrase.setObjectName("passphrase")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("message")
        form = QFormLayout()
        form.addRow(self.tr("&Star number"), self.star)
        form.addRow(self.tr("&Passphrase"), self.passphrase)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        buttons.accepted.connect(self.try_sign_in)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def try_sign_in(self) -> None:
        try:
            self.actor = sign_in(self.store, self.star.text(), self.passphrase.text())
        except PermissionError as exc:  # SignInError, SignInLocked: the message says how long to wait
            self.message.setText(str(exc))
            self.passphrase.clear()
            self.passphrase.setFocus()
            return
        self.passphrase.clear()
        self.accept()


class FirstAdministratorDialog(QDialog):
    """First start: the person installing the station becomes its administrator; roles apply from then on."""

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("Create the first administrator"))
        intro = QLabel(self.tr("This station has no users yet. Create the administrator, who then adds the "
                               "supervisors and reviewers. From now on everyone signs in with their star "
                               "number and passphrase."))
        intro.setWordWrap(True)
        self.name, self.star = QLineEdit(), QLineEdit()
        self.passphrase, self.repeat = _passphrase_field(), _passphrase_field()
        self.message = QLabel()
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("&Star number"), self.star)
        form.addRow(self.tr("&Passphrase (10+ characters)"), self.passphrase)
        form.addRow(self.tr("&Repeat passphrase"), self.repeat)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.create)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def create(self) -> None:
        if self.passphrase.text() != self.repeat.text():
            self.message.setText(self.tr("The two passphrases differ."))
            return
        try:
            create_first_administrator(self.store, self.star.text(), self.name.text(), self.passphrase.text())
        except (ValueError, PermissionError) as exc:
            self.message.setText(str(exc))
            return
        self.passphrase.clear()
        self.repeat.clear()
        self.accept()


def sign_in_or_first_run(store, parent=None) -> Actor | None:
    """Who is using the app: the first administrator is created on a fresh station; None if cancelled."""
    from ..security.users import has_users

    if not has_users(store) and FirstAdministratorDialog(store, parent).exec() != QDialog.DialogCode.Accepted:
        return None
    dialog = SignInDialog(store, parent)
    return dialog.actor if dialog.exec() == QDialog.DialogCode.Accepted else None
