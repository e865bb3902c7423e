"""Enroll this computer with the sync server from the app: the server's address and the one-time code an
administrator created (`intake server create-enrollment`). The same enrollment as `intake enroll`
(sync/device.enroll), run on the task runner's database worker, never on the GUI thread. What went wrong is
said in words that name the field to fix: the address (not a server address, not encrypted, unreachable,
certificate), or the code (refused by the server)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPushButton

from ...storage.secrets import NoSecureKeyring
from ...sync import device
from ...sync.client import InsecureURL, Refused, Rejected, SyncError, Unreachable
from ..common.screen_fit import resize_within_screen
from ..shell.branding import window_title
from ..wizard.common import problem_style

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ...storage.repository import IncidentStore
    from ..common.tasks import TaskRunner

MAX_URL = 2000  # a server address longer than this is not one
MAX_CODE = 200


URL, CODE, NONE = "url", "code", ""


def failure_text(exc: BaseException, url: str) -> tuple[str, str]:
    """The field to fix (URL, CODE or NONE) and what went wrong, naming it (the client's own words after it,
    for the administrator)."""
    detail, field = str(exc), URL
    if isinstance(exc, InsecureURL):
        detail = ""  # the client's words say the same in English only
        text = QCoreApplication.translate("EnrollDialog", "Server address: %1 is not a secure server address. Enter it as https://host or "
                  "https://host:port (plain http:// is allowed only to this computer).").replace("%1", url)
    elif isinstance(exc, Refused) and exc.status is None:
        text = QCoreApplication.translate("EnrollDialog", "Server address: the server's certificate could not be verified, so nothing was sent.")
    elif isinstance(exc, (Refused, Rejected)):
        field = CODE
        text = QCoreApplication.translate("EnrollDialog", "Enrollment code: the server refused this code (mistyped, already used or expired). Ask the "
                  "administrator for a new one.")
    elif isinstance(exc, Unreachable):
        text = QCoreApplication.translate("EnrollDialog", "Server address: the server at %1 cannot be reached. Check the address and that this "
                  "computer is online.").replace("%1", url)
    elif isinstance(exc, NoSecureKeyring):
        field, text = NONE, QCoreApplication.translate("EnrollDialog", "This computer has no secure keyring to keep the device's token in; nothing was "
                               "enrolled.")
    else:  # SyncError and anything unforeseen: said, never raised into the event loop
        field, text = NONE, QCoreApplication.translate("EnrollDialog", "Enrollment failed; nothing was enrolled.")
        if not isinstance(exc, SyncError):
            detail = f"{type(exc).__name__}: {detail}"
    return field, (f"{text}\n\n{detail}" if detail else text)


class EnrollDialog(QDialog):
    enrolled = Signal(object)  # sync.device.Enrolled

    def __init__(self, store: IncidentStore, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.runner = store, runner
        self.running = False
        self.failed_field = NONE
        self.setWindowTitle(window_title(QCoreApplication.translate("EnrollDialog", "Enroll this computer")))
        form = QFormLayout(self)
        intro = QLabel(QCoreApplication.translate("EnrollDialog", "Enroll this computer with the sync server to send and receive records. Enter the "
                          "server's address and the one-time enrollment code the administrator gave you."))
        intro.setWordWrap(True)
        form.addRow(intro)
        self.url = QLineEdit()
        self.url.setMaxLength(MAX_URL)
        self.url.setPlaceholderText(QCoreApplication.translate("EnrollDialog", "e.g. https://sync.example.org"))
        self.url.setAccessibleName(QCoreApplication.translate("EnrollDialog", "Server address"))
        self.code = QLineEdit()
        self.code.setMaxLength(MAX_CODE)
        self.code.setAccessibleName(QCoreApplication.translate("EnrollDialog", "Enrollment code"))
        url_label, code_label = QLabel(QCoreApplication.translate("EnrollDialog", "Server &address:")), QLabel(QCoreApplication.translate("EnrollDialog", "Enrollment &code:"))
        url_label.setBuddy(self.url)
        code_label.setBuddy(self.code)
        form.addRow(url_label, self.url)
        form.addRow(code_label, self.code)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        form.addRow(self.message)
        buttons = QDialogButtonBox()
        self.enroll_button = QPushButton(QCoreApplication.translate("EnrollDialog", "&Enroll"))
        self.enroll_button.setDefault(True)
        self.close_button = QPushButton(QCoreApplication.translate("EnrollDialog", "C&lose"))
        buttons.addButton(self.enroll_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.enroll_button.clicked.connect(self.enroll)
        self.close_button.clicked.connect(self.reject)
        form.addRow(buttons)
        self.fit()

    def fit(self) -> None:
        """As wide as about 70 characters of the text size in use (100% or 200%), as tall as the wrapped texts
        need at that width, within the screen."""
        width = self.fontMetrics().averageCharWidth() * 70
        layout = self.layout()
        assert layout is not None  # set in the constructor
        height = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else layout.totalSizeHint().height()
        resize_within_screen(self, width, max(height, layout.totalMinimumSize().height()))

    def _say(self, text: str, *, problem: bool) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(problem_style() if problem else "")
        self.message.setAccessibleDescription(text)
        self.message.show()
        self.fit()  # the message's lines are all shown

    def enroll(self) -> None:
        if self.running:
            return
        url, code = self.url.text().strip(), self.code.text().strip()
        if not url:
            self.failed_field = URL
            self._say(QCoreApplication.translate("EnrollDialog", "Server address: enter the address of the sync server."), problem=True)
            self.url.setFocus()
            return
        if not code:
            self.failed_field = CODE
            self._say(QCoreApplication.translate("EnrollDialog", "Enrollment code: enter the one-time code the administrator gave you."), problem=True)
            self.code.setFocus()
            return
        self.running, self.failed_field = True, NONE
        self.enroll_button.setEnabled(False)
        self._say(QCoreApplication.translate("EnrollDialog", "Enrolling with %1…").replace("%1", url), problem=False)
        store = self.store

        def work():
            return device.enroll(store, url, code, attempts=2)

        self.runner.run(work, lambda done: self._done(done, url), lambda exc: self._failed(exc, url))

    def _done(self, enrolled, url: str) -> None:
        self.running = False
        self.enroll_button.setEnabled(True)
        text = QCoreApplication.translate("EnrollDialog", "This computer is now enrolled with %1 as device %2. Records are sent at the next sync.") \
            .replace("%1", url).replace("%2", str(enrolled.device_id))
        if enrolled.replaced_code:
            text += "\n" + QCoreApplication.translate("EnrollDialog", "Its report numbers now use the code %1 (%2 was already used by another computer "
                              "of the district).").replace("%1", enrolled.device_code).replace("%2", enrolled.replaced_code)
        self._say(text, problem=False)
        self.code.clear()
        self.enrolled.emit(enrolled)

    def _failed(self, exc: BaseException, url: str) -> None:
        self.running = False
        self.enroll_button.setEnabled(True)
        field, text = failure_text(exc, url)
        self.failed_field = field
        self._say(text, problem=True)
        {URL: self.url, CODE: self.code}.get(field, self.enroll_button).setFocus()
