"""Sign-in (review and station security): star number + passphrase; the first start asks for the first administrator.

Checking a passphrase costs one scrypt on purpose (~50 ms here, several times that on an old station PC),
so it runs on the task runner's database worker, never on the GUI thread: the dialog shows that it is
checking, its buttons are disabled and what was typed stays until the answer comes. The rate-limit delay
is the store's (persisted), shown here in plain words.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from ...domain.actor import Actor
from ..common.tasks import TaskRunner
from ..shell.first_paint import when_painted
from ..shell.startup import StoreHandle, store_handle
from .passphrase_check import passphrase_field, refusal_text, set_checking

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ...storage.repository import IncidentStore


# On the database worker: this dialog may be up while the store is still being opened, so the dialogs hold its
# handle and ask for the store there. The screen lock's passphrase check uses sign_in() too.
def sign_in(store: IncidentStore, star: str, passphrase: str) -> Actor:
    from ...security import users

    return users.sign_in(store, star, passphrase)


def _create_first_administrator(store: IncidentStore, star: str, name: str, passphrase: str):
    from ...security.users import create_first_administrator

    return create_first_administrator(store, star, name, passphrase)


class SignInDialog(QDialog):
    """`actor` is set when the dialog is accepted."""

    def __init__(self, store: IncidentStore | StoreHandle, parent: QWidget | None = None, title: str | None = None,
                 runner: TaskRunner | None = None):
        super().__init__(parent)
        self.store_handle = store_handle(store)
        self.runner = runner or TaskRunner(self)
        self.actor: Actor | None = None
        self.checking = False
        self.setWindowTitle(title or self.tr("Sign in to Intake"))
        self.star = QLineEdit()
        self.star.setObjectName("star")
        self.passphrase = passphrase_field()
        self.passphrase.setObjectName("passphrase")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("message")
        form = QFormLayout()
        form.addRow(self.tr("&Star number"), self.star)
        form.addRow(self.tr("&Passphrase"), self.passphrase)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        self.buttons.accepted.connect(self.try_sign_in)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def try_sign_in(self) -> None:
        if self.checking:  # a second Enter while the first check runs would count as a second failure
            return
        self._set_checking(True)
        handle, star, passphrase = self.store_handle, self.star.text(), self.passphrase.text()
        self.runner.run(lambda: sign_in(handle.store, star, passphrase), self._signed_in, self._refused)

    def _set_checking(self, checking: bool) -> None:
        set_checking(self, checking, (self.star, self.passphrase), self.buttons)

    def _signed_in(self, actor: Actor) -> None:
        self._set_checking(False)
        self.actor = actor
        self.passphrase.clear()
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self._set_checking(False)
        self.message.setText(refusal_text(exc))
        self.passphrase.clear()
        self.passphrase.setFocus()

    def reject(self) -> None:
        if not self.checking:  # closing mid-check would leave a sign-in nobody sees
            super().reject()


class FirstAdministratorDialog(QDialog):
    """First start: the person installing the station becomes its administrator; roles apply from then on."""

    def __init__(self, store: IncidentStore | StoreHandle, parent: QWidget | None = None,
                 runner: TaskRunner | None = None):
        super().__init__(parent)
        self.store_handle = store_handle(store)
        self.runner = runner or TaskRunner(self)
        self.checking = False
        self.setWindowTitle(self.tr("Create the first administrator"))
        intro = QLabel(self.tr("This station has no users yet. Create the administrator, who then adds the "
                               "supervisors and reviewers. From now on everyone signs in with their star "
                               "number and passphrase."))
        intro.setWordWrap(True)
        self.name, self.star = QLineEdit(), QLineEdit()
        self.passphrase, self.repeat = passphrase_field(), passphrase_field()
        self.message = QLabel()
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("&Star number"), self.star)
        form.addRow(self.tr("&Passphrase (10+ characters)"), self.passphrase)
        form.addRow(self.tr("&Repeat passphrase"), self.repeat)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.create_administrator)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def create_administrator(self) -> None:  # not `create`, which would hide QWidget.create
        if self.checking:
            return
        if self.passphrase.text() != self.repeat.text():
            self.message.setText(self.tr("The two passphrases differ."))
            return
        set_checking(self, True, (self.name, self.star, self.passphrase, self.repeat), self.buttons,
                     self.tr("Creating the administrator…"))
        handle, star, name, passphrase = self.store_handle, self.star.text(), self.name.text(), self.passphrase.text()
        # Hashing the passphrase is the same scrypt as a sign-in: on the worker too.
        self.runner.run(lambda: _create_first_administrator(handle.store, star, name, passphrase), self._created,
                        self._refused)

    def _created(self, _user) -> None:
        set_checking(self, False, (self.name, self.star, self.passphrase, self.repeat), self.buttons)
        self.passphrase.clear()
        self.repeat.clear()
        self.accept()

    def _refused(self, exc: BaseException) -> None:  # a bad field (ValueError names it) or an admin exists
        set_checking(self, False, (self.name, self.star, self.passphrase, self.repeat), self.buttons)
        self.message.setText(str(exc) if isinstance(exc, (ValueError, PermissionError)) else refusal_text(exc))

    def reject(self) -> None:
        if not self.checking:
            super().reject()


def sign_in_or_first_run(store: IncidentStore | StoreHandle, parent: QWidget | None = None,
                         runner: TaskRunner | None = None, has_users: bool | None = None,
                         on_shown: Callable[[], None] | None = None) -> Actor | None:
    """Who is using the app: the first administrator is created on a fresh station; None if cancelled.
    `has_users`: already known (the start-up's first look), else asked of the store. `on_shown`: called once
    the first dialog is on screen (the app then opens the store in full while the person types)."""
    if has_users is None:  # not known from a first look: the store is open
        from ...security.users import has_users as users_exist

        has_users = users_exist(store_handle(store).store)
    if not has_users:
        first = FirstAdministratorDialog(store, parent, runner)
        if on_shown is not None:
            when_painted(first, on_shown)
        if first.exec() != QDialog.DialogCode.Accepted:
            return None
    dialog = SignInDialog(store, parent, runner=runner)
    if on_shown is not None:
        when_painted(dialog, on_shown)
    return dialog.actor if dialog.exec() == QDialog.DialogCode.Accepted else None
