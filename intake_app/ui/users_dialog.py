"""Administrators add, deactivate and reset users, and set the idle lock time (issue 6).

Adding a user hashes the passphrase with scrypt: that runs on the task runner, like a sign-in."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from ..domain.roles import ROLES
from ..security.users import add_user, list_users, set_active
from .lock import idle_minutes, set_idle_minutes
from .passphrase_check import refusal_text, set_checking
from .tasks import TaskRunner
from .vocabulary import role_label


class UsersDialog(QDialog):
    def __init__(self, store, admin, parent=None, on_idle_changed=None, runner=None):
        super().__init__(parent)
        self.store, self.admin, self.on_idle_changed = store, admin, on_idle_changed
        self.runner = runner or TaskRunner(self)
        self.checking = False
        self.setWindowTitle(self.tr("Users of this station"))
        self.users = QListWidget()
        self.users.setAccessibleName(self.tr("Users"))
        self.star, self.name, self.passphrase = QLineEdit(), QLineEdit(), QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.role = QComboBox()
        for role in ROLES:
            self.role.addItem(role_label(role), role)
        self.idle = QSpinBox()
        self.idle.setRange(1, 240)
        self.idle.setValue(idle_minutes())
        self.idle.setSuffix(self.tr(" min"))
        self.idle.valueChanged.connect(self._idle_changed)
        self.message = QLabel()
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Star number"), self.star)
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("R&ole"), self.role)
        form.addRow(self.tr("&Passphrase"), self.passphrase)
        form.addRow(self.tr("&Lock after idle"), self.idle)
        self.add_button = add = QPushButton(self.tr("&Add user"))
        add.clicked.connect(self.add)
        toggle = QPushButton(self.tr("&Deactivate / reactivate selected"))
        toggle.clicked.connect(self.toggle)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(toggle)
        layout = QVBoxLayout(self)
        layout.addWidget(self.users, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.refresh()

    def refresh(self) -> None:
        self._all = list_users(self.store)
        self.users.clear()
        for u in self._all:
            self.users.addItem(f"{u.star}  {u.name}  \u2014  {role_label(u.role)}"
                               + ("" if u.active else "  " + self.tr("(deactivated)")))

    def add(self) -> None:
        if self.checking:
            return
        fields = (self.star, self.name, self.passphrase)
        set_checking(self, True, fields, self.add_button, self.tr("Adding the user…"))
        store, admin, role = self.store, self.admin, self.role.currentData()
        star, name, passphrase = self.star.text(), self.name.text(), self.passphrase.text()

        def added(_user) -> None:
            set_checking(self, False, fields, self.add_button)
            self.message.setText(self.tr("Added %1.").replace("%1", name))
            for field in fields:
                field.clear()
            self.refresh()

        def refused(exc: BaseException) -> None:  # what was typed stays, to be corrected
            set_checking(self, False, fields, self.add_button)
            self.message.setText(str(exc) if isinstance(exc, (ValueError, PermissionError)) else refusal_text(exc))

        self.runner.run(lambda: add_user(store, admin, star, name, role, passphrase), added, refused)

    def toggle(self) -> None:
        row = self.users.currentRow()
        if row < 0:
            return
        user = self._all[row]
        try:
            set_active(self.store, self.admin, user.star, not user.active)
        except (ValueError, PermissionError, LookupError) as exc:
            self.message.setText(str(exc))
            return
        self.refresh()

    def _idle_changed(self, minutes: int) -> None:
        set_idle_minutes(minutes)
        if self.on_idle_changed is not None:
            self.on_idle_changed(minutes)
