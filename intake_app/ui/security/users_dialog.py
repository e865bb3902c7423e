"""Administrators add, deactivate and reset users, and set the idle lock time (review and station security).

Adding a user hashes the passphrase with scrypt: that runs on the task runner, like a sign-in."""

from __future__ import annotations

from typing import TYPE_CHECKING

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
    QWidget,
)

from ...domain.roles import ROLES
from ...security.station import DEFAULT_IDLE_MINUTES, IDLE_RANGE, idle_lock_minutes, set_idle_lock_minutes
from ...security.users import add_user, list_users, set_active, set_passphrase
from ..common.tasks import TaskRunner
from ..common.vocabulary import role_label
from .passphrase_check import passphrase_field, refusal_text, set_checking

if TYPE_CHECKING:
    from collections.abc import Callable

    from ...domain.actor import Actor
    from ...storage.repository import IncidentStore


class UsersDialog(QDialog):
    def __init__(self, store: IncidentStore, admin: Actor, parent: QWidget | None = None,
                 on_idle_changed: Callable[[int], None] | None = None, runner: TaskRunner | None = None):
        super().__init__(parent)
        self.store, self.admin, self.on_idle_changed = store, admin, on_idle_changed
        self.runner = runner or TaskRunner(self)
        self.checking = False
        self.setWindowTitle(self.tr("Users of this station"))
        self.users = QListWidget()
        self.users.setAccessibleName(self.tr("Users"))
        self.star, self.name = QLineEdit(), QLineEdit()
        self.passphrase, self.repeat = passphrase_field(), passphrase_field()
        self.role = QComboBox()
        for role in ROLES:
            self.role.addItem(role_label(role), role)
        self.idle = QSpinBox()
        self.idle.setRange(*IDLE_RANGE)
        self.idle.setValue(DEFAULT_IDLE_MINUTES)
        self.idle.setSuffix(self.tr(" min"))
        self.idle.setKeyboardTracking(False)  # one change (and one audit entry) per value, not per digit typed
        self.message = QLabel()
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Star number"), self.star)
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("R&ole"), self.role)
        form.addRow(self.tr("&Passphrase"), self.passphrase)
        form.addRow(self.tr("Repea&t passphrase"), self.repeat)
        form.addRow(self.tr("&Lock after idle (all users of this station)"), self.idle)
        self.add_button = add = QPushButton(self.tr("&Add user"))
        add.clicked.connect(self.add)
        toggle = QPushButton(self.tr("&Deactivate / reactivate selected"))
        toggle.clicked.connect(self.toggle)
        self.reset_button = reset = QPushButton(self.tr("R&eset passphrase of selected"))
        reset.clicked.connect(self.reset_passphrase)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(reset)
        buttons.addWidget(toggle)
        layout = QVBoxLayout(self)
        layout.addWidget(self.users, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.refresh()
        store = self.store
        self.runner.run(lambda: idle_lock_minutes(store), self._idle_loaded)

    def _idle_loaded(self, minutes: int) -> None:
        self.idle.blockSignals(True)
        self.idle.setValue(minutes)
        self.idle.blockSignals(False)
        self.idle.valueChanged.connect(self._idle_changed)

    def _same_passphrase_twice(self) -> bool:
        if self.passphrase.text() != self.repeat.text():
            self.message.setText(self.tr("The two passphrases differ: type the same one twice."))
            self.repeat.clear()
            self.repeat.setFocus()
            return False
        return True

    def reset_passphrase(self) -> None:
        row = self.users.currentRow()
        if self.checking or row < 0 or not self.users.currentItem().isSelected():
            self.message.setText(self.tr("Select the user whose passphrase to reset."))
            return
        if not self._same_passphrase_twice():
            return
        user = self._all[row]
        fields = (self.passphrase, self.repeat)
        set_checking(self, True, fields, self.reset_button, self.tr("Setting the new passphrase…"))
        store, admin, passphrase = self.store, self.admin, self.passphrase.text()

        def done(_r) -> None:
            set_checking(self, False, fields, self.reset_button)
            self.message.setText(self.tr("New passphrase set for %1. Tell them in person; it is in no log.")
                                 .replace("%1", user.name))
            for field in fields:
                field.clear()

        def refused(exc: BaseException) -> None:
            set_checking(self, False, fields, self.reset_button)
            self.message.setText(str(exc) if isinstance(exc, (ValueError, PermissionError, LookupError))
                                 else refusal_text(exc))

        self.runner.run(lambda: set_passphrase(store, admin, user.star, passphrase), done, refused)

    def refresh(self) -> None:
        self._all = list_users(self.store)
        self.users.clear()
        for u in self._all:
            self.users.addItem(f"{u.star}  {u.name}  \u2014  {role_label(u.role)}"
                               + ("" if u.active else "  " + self.tr("(deactivated)")))

    def add(self) -> None:
        if self.checking or not self._same_passphrase_twice():
            return
        fields = (self.star, self.name, self.passphrase, self.repeat)
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
        """Kept in the store for the whole station (not in this OS user's settings), and audited."""
        store, admin = self.store, self.admin

        def done(stored: int) -> None:
            self.message.setText(self.tr("The station now locks after %1 minutes without input.")
                                 .replace("%1", str(stored)))
            if self.on_idle_changed is not None:
                self.on_idle_changed(stored)

        self.runner.run(lambda: set_idle_lock_minutes(store, admin, minutes), done,
                        lambda exc: self.message.setText(str(exc)))
