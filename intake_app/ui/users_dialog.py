"""Administrators add, deactivate and reset users, and set the idle lock time (issue 6)."""

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

from ..security.users import ROLES, add_user, list_users, set_active
from .lock import idle_minutes, set_idle_minutes


class UsersDialog(QDialog):
    def __init__(self, store, admin, parent=None, on_idle_changed=None):
        super().__init__(parent)
        self.store, self.admin, self.on_idle_changed = store, admin, on_idle_changed
        self.setWindowTitle(self.tr("Users of this station"))
        self.users = QListWidget()
        self.users.setAccessibleName(self.tr("Users"))
        self.star, self.name, self.passphrase = QLineEdit(), QLineEdit(), QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.role = QComboBox()
        self.role.addItems(list(ROLES))
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
        add = QPushButton(self.tr("&Add user"))
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
            self.users.addItem(f"{u.star}  {u.name}  \u2014  {u.role}" + ("" if u.active else "  (deactivated)"))

    def add(self) -> None:
        try:
            add_user(self.store, self.admin, self.star.text(), self.name.text(), self.role.currentText(),
                     self.passphrase.text())
        except (ValueError, PermissionError) as exc:
            self.message.setText(str(exc))
            return
        self.message.setText(self.tr("Added %1.").replace("%1", self.name.text()))
        for field in (self.star, self.name, self.passphrase):
            field.clear()
        self.refresh()

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
