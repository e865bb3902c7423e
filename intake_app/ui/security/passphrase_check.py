"""The passphrase field and the busy state shared by every screen that checks a passphrase (sign-in, first
administrator, unlock, approval, users).

scrypt costs ~50 ms here and more on an old station PC, so the check runs on the task runner; meanwhile the
screen must show that it is working and must not take a second click (each click would be one more failed
attempt counted by the rate limit)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLineEdit


def passphrase_field(accessible_name: str = "") -> QLineEdit:
    """A field that shows what is typed as dots; `accessible_name` where no label names it to a screen reader."""
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    if accessible_name:
        field.setAccessibleName(accessible_name)
    return field


def set_checking(widget, checking: bool, fields, buttons, busy_text: str | None = None) -> None:
    """The busy state of a passphrase check: what was typed stays (read-only), the buttons are off, and a
    plain message says what is happening. `widget` has `checking` and a `message` label."""
    widget.checking = checking
    for field in fields:
        field.setReadOnly(checking)
    buttons.setEnabled(not checking)
    if checking:
        widget.message.setText(busy_text or QCoreApplication.translate("Passphrase", "Checking the passphrase…"))
        widget.setCursor(Qt.CursorShape.BusyCursor)
    else:
        widget.message.clear()
        widget.unsetCursor()


def refusal_text(exc: BaseException) -> str:
    if isinstance(exc, PermissionError):  # SignInError, SignInLocked: the message says how long to wait
        return str(exc)
    return QCoreApplication.translate("Passphrase", "The passphrase could not be checked: %1").replace("%1", str(exc))
