"""Approving is signing: the reviewer's name goes on the referral packet's attestation. So it is a deliberate
step: what the reviewer attests is shown (the record, and each evidence item's actual preservation state), and
the reviewer types the passphrase again. The check (scrypt) and the approval run on the task runner."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout

from ...domain.enums import Status
from ...domain.records import Incident
from ...security import users
from ..common.screen_fit import resize_within_screen
from ..common.vocabulary import vocabulary_label
from ..security.passphrase_check import passphrase_field, refusal_text, set_checking

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ...domain.actor import Actor
    from ...storage.repository import IncidentStore
    from ..common.tasks import TaskRunner

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls


def attestation_text(incident: Incident, reviewer_name: str, reviewer_star: str) -> str:
    number = incident.report_number or incident.id
    lines = [translate("ApproveDialog", "You approve record %1 as its reviewing officer. Your name and star (%2, star %3) are printed "
                 "on the referral packet's attestation, beside the referring supervisor's (%4, star %5). The "
                 "attestation says that the packet is a true and complete copy of this record as held in Intake, "
                 "and states each evidence item as it stands now:")
             .replace("%1", number).replace("%2", reviewer_name).replace("%3", reviewer_star)
             .replace("%4", incident.supervisor.name).replace("%5", incident.supervisor.star), ""]
    if not incident.footage:
        lines.append(translate("ApproveDialog", "No footage is listed."))
    for number_, item in enumerate(incident.footage, start=1):
        what = " ".join(part for part in (vocabulary_label(item.kind), item.device_id) if part)
        lines.append(translate("ApproveDialog", "Footage %1 (%2): %3").replace("%1", str(number_)).replace("%2", what)
                     .replace("%3", vocabulary_label(item.preservation_status)))
    return "\n".join(lines)


class ApproveDialog(QDialog):
    """`approved` (the stored Incident) is set when the dialog is accepted."""

    def __init__(self, store: IncidentStore, runner: TaskRunner, incident: Incident, actor: Actor,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.runner, self.incident, self.actor = store, runner, incident, actor
        self.approved: Incident | None = None
        self.checking = False
        self.setWindowTitle(translate("ApproveDialog", "Approve and sign %1").replace("%1", incident.report_number or incident.id))
        self.attested = QPlainTextEdit(attestation_text(incident, actor.name, actor.star))
        self.attested.setReadOnly(True)
        self.attested.setTabChangesFocus(True)
        self.attested.setAccessibleName(translate("ApproveDialog", "What you attest"))
        self.passphrase = passphrase_field(translate("ApproveDialog", "Your passphrase"))
        label = QLabel(translate("ApproveDialog", "Your &passphrase, to sign:"))
        label.setBuddy(self.passphrase)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(translate("ApproveDialog", "&Approve and sign"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(translate("ApproveDialog", "&Cancel"))
        self.buttons.accepted.connect(self.sign)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.attested, 1)
        layout.addWidget(label)
        layout.addWidget(self.passphrase)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.passphrase.setFocus()
        resize_within_screen(self, 620, 420)

    def sign(self) -> None:
        if self.checking:
            return
        set_checking(self, True, (self.passphrase,), self.buttons)
        store, star, passphrase, ref, actor = (self.store, self.actor.star, self.passphrase.text(),
                                               self.incident.id, self.actor)
        version = self.incident.version

        def work():
            users.check_passphrase(store, star, passphrase)  # the same rate limit as a sign-in
            return store.change_status(ref, Status.APPROVED, actor, expected_version=version)

        self.runner.run(work, self._signed, self._refused)

    def _signed(self, incident: Incident) -> None:
        set_checking(self, False, (self.passphrase,), self.buttons)
        self.passphrase.clear()
        self.approved = incident
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        set_checking(self, False, (self.passphrase,), self.buttons)
        self.message.setText(refusal_text(exc) if isinstance(exc, PermissionError) else str(exc))
        self.passphrase.clear()
        self.passphrase.setFocus()

    def reject(self) -> None:
        if not self.checking:
            super().reject()
