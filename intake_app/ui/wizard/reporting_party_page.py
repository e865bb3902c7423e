"""Page 2: the person who reported it (optional). Confidential unless the supervisor says otherwise."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit

from ...domain.records import ReportingParty
from ..common.i18n import QT_TRANSLATE_NOOP
from .common import IncidentPage, messages_for, select_or_keep, show_problem_text

LANGUAGES = (("en", QT_TRANSLATE_NOOP("Wizard", "English")), ("es", QT_TRANSLATE_NOOP("Wizard", "Spanish")),
             ("pl", QT_TRANSLATE_NOOP("Wizard", "Polish")), ("zh", QT_TRANSLATE_NOOP("Wizard", "Chinese")),
             ("ar", QT_TRANSLATE_NOOP("Wizard", "Arabic")), ("fr", QT_TRANSLATE_NOOP("Wizard", "French")),
             ("ht", QT_TRANSLATE_NOOP("Wizard", "Haitian Creole")), ("pt", QT_TRANSLATE_NOOP("Wizard", "Portuguese")),
             ("ru", QT_TRANSLATE_NOOP("Wizard", "Russian")), ("uk", QT_TRANSLATE_NOOP("Wizard", "Ukrainian")),
             ("tl", QT_TRANSLATE_NOOP("Wizard", "Tagalog")), ("vi", QT_TRANSLATE_NOOP("Wizard", "Vietnamese")))


class ReportingPartyPage(IncidentPage):
    step_key = "reporting_party"

    def __init__(self, parent=None):
        super().__init__(QCoreApplication.translate("Wizard", "Reporting party"), parent)
        self.setSubTitle(QCoreApplication.translate("Wizard", "Optional. Kept confidential by default: never shown in lists or public data."))
        self.present = QCheckBox(QCoreApplication.translate("Wizard", "A &reporting party is recorded"))
        self.present.setAccessibleName(QCoreApplication.translate("Wizard", "A reporting party is recorded"))
        self.form.addRow(self.present)
        self.name = QLineEdit()
        self.phone = QLineEdit()
        self.address = QLineEdit()
        self.language = QComboBox()
        for code, name in LANGUAGES:
            self.language.addItem(QCoreApplication.translate("Wizard", name), code)
        self.consent = QCheckBox(QCoreApplication.translate("Wizard", "&Consents to be contacted"))
        self.consent.setAccessibleName(QCoreApplication.translate("Wizard", "Consents to be contacted"))
        self.confidential = QCheckBox(QCoreApplication.translate("Wizard", "Con&fidential (recommended)"))
        self.confidential.setAccessibleName(QCoreApplication.translate("Wizard", "Confidential"))
        self.p_name = self.add_field(QCoreApplication.translate("Wizard", "Na&me:"), self.name, QCoreApplication.translate("Wizard", "Reporting party name"))
        self.p_phone = self.add_field(QCoreApplication.translate("Wizard", "&Phone:"), self.phone, QCoreApplication.translate("Wizard", "Reporting party phone"))
        self.p_address = self.add_field(QCoreApplication.translate("Wizard", "&Address:"), self.address, QCoreApplication.translate("Wizard", "Reporting party address"))
        self.p_language = self.add_field(QCoreApplication.translate("Wizard", "Preferred &language:"), self.language, QCoreApplication.translate("Wizard", "Preferred language"))
        self.form.addRow(self.consent)
        self.form.addRow(self.confidential)
        note = QLabel(QCoreApplication.translate("Wizard", "A confidential reporting party appears only on this record, never in lists or exports."))
        note.setWordWrap(True)
        self.form.addRow(note)
        self._fields = (self.name, self.phone, self.address, self.language, self.consent, self.confidential)
        self.present.toggled.connect(self._enable)
        for signal in (self.present.toggled, self.name.textChanged, self.phone.textChanged, self.address.textChanged,
                       self.language.currentIndexChanged, self.consent.toggled, self.confidential.toggled):
            signal.connect(self.emit_changed)
        self._enable(False)

    def _enable(self, on: bool) -> None:
        for field in self._fields:
            field.setEnabled(on)

    def load(self, inc) -> None:
        rp = inc.reporting_party
        self.present.setChecked(rp is not None)
        rp = rp or ReportingParty()
        self.name.setText(rp.name)
        self.phone.setText(rp.phone)
        self.address.setText(rp.address)
        select_or_keep(self.language, rp.preferred_language)
        self.consent.setChecked(rp.consent_to_contact)
        self.confidential.setChecked(rp.confidential)
        self._enable(self.present.isChecked())

    def store(self, inc) -> None:
        if not self.present.isChecked():
            inc.reporting_party = None
            return
        inc.reporting_party = ReportingParty(self.name.text().strip(), self.phone.text().strip(),
                                             self.language.currentData(), self.consent.isChecked(),
                                             self.confidential.isChecked(), self.address.text().strip())

    def show_problems(self, problems) -> None:
        show_problem_text(self.p_name, messages_for(problems, "reporting_party.name"), self.name)
        show_problem_text(self.p_phone, messages_for(problems, "reporting_party.phone"), self.phone)
        show_problem_text(self.p_address, messages_for(problems, "reporting_party.address"), self.address)
        show_problem_text(self.p_language, messages_for(problems, "reporting_party.preferred_language"),
                          self.language)
