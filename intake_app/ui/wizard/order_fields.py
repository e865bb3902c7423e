"""The row dialogs' fields for what the ICE On Notice order and CPD practice require: per agent the agency's name
(other federal), visible ID, body camera and refusal to identify; per footage item the Body Camera Act flag and the
hold form; per violation the subsection and the statute's applicability note. Each dialog adds them with one call
and passes its result through `apply`, so a field the dialog does not show is never dropped."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QListWidget, QListWidgetItem

from ...domain.enums import FlagReason, YesNoUnknown
from ...domain.records import Agent, FootageItem, Violation
from ..common.i18n import current_language
from ..common.vocabulary import vocabulary_label
from .common import datetime_edit, edit_time, enum_data, set_edit_time


def yes_no_combo(value: YesNoUnknown) -> QComboBox:
    combo = QComboBox()
    for v in (YesNoUnknown.UNKNOWN, YesNoUnknown.YES, YesNoUnknown.NO):
        combo.addItem(vocabulary_label(v), v)
    combo.setCurrentIndex(max(0, combo.findData(value)))
    return combo


class AgentOrderFields:
    def __init__(self, dialog, agent: Agent):
        self.agency_name = QLineEdit(agent.agency_name)
        self.agency_name.setPlaceholderText(QCoreApplication.translate("Wizard", "Only for another federal agency, e.g. DOJ"))
        self.visible_id = yes_no_combo(agent.visible_id_displayed)
        self.body_camera = yes_no_combo(agent.body_camera_worn)
        self.refused = yes_no_combo(agent.refused_to_identify)
        dialog.add_field(QCoreApplication.translate("Wizard", "Agenc&y name:"), self.agency_name, QCoreApplication.translate("Wizard", "Name of the other federal agency"))
        dialog.add_field(QCoreApplication.translate("Wizard", "&Visible ID displayed:"), self.visible_id, QCoreApplication.translate("Wizard", "Visible ID displayed"))
        dialog.add_field(QCoreApplication.translate("Wizard", "Body came&ra worn:"), self.body_camera, QCoreApplication.translate("Wizard", "Body camera worn"))
        dialog.add_field(QCoreApplication.translate("Wizard", "Re&fused to identify:"), self.refused, QCoreApplication.translate("Wizard", "Refused to identify"))
        self.agency_name.textChanged.connect(dialog._check)

    def apply(self, agent: Agent) -> Agent:
        agent.agency_name = self.agency_name.text().strip()
        agent.visible_id_displayed = enum_data(YesNoUnknown, self.visible_id) or YesNoUnknown.UNKNOWN
        agent.body_camera_worn = enum_data(YesNoUnknown, self.body_camera) or YesNoUnknown.UNKNOWN
        agent.refused_to_identify = enum_data(YesNoUnknown, self.refused) or YesNoUnknown.UNKNOWN
        return agent


class FootageOrderFields:
    def __init__(self, dialog, item: FootageItem, zone: str):
        self.zone = zone
        self.flagged_at = datetime_edit(optional=True)
        set_edit_time(self.flagged_at, item.flagged_at, zone)
        self.reasons = QListWidget()
        self.reasons.setMaximumHeight(self.reasons.fontMetrics().lineSpacing() * 6)
        for reason in FlagReason:
            entry = QListWidgetItem(vocabulary_label(reason))
            entry.setData(Qt.ItemDataRole.UserRole, reason.value)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Checked if reason in item.flag_reasons else Qt.CheckState.Unchecked)
            self.reasons.addItem(entry)
        self.hold_form = QLineEdit(item.hold_form)
        self.hold_form.setPlaceholderText(QCoreApplication.translate("Wizard", "e.g. CPD-65.224"))
        note = QLabel(QCoreApplication.translate("Wizard", "Flagged recordings are kept 2 years from the flag (50 ILCS 706/10-20); unflagged ones only "
                         "90 days. Space ticks a reason."))
        note.setWordWrap(True)
        dialog.add_field(QCoreApplication.translate("Wizard", "F&lagged at:"), self.flagged_at, QCoreApplication.translate("Wizard", "Flagged at"))
        dialog.add_field(QCoreApplication.translate("Wizard", "Flag reaso&ns:"), self.reasons, QCoreApplication.translate("Wizard", "Flag reasons"))
        dialog.form.addRow("", note)
        dialog.add_field(QCoreApplication.translate("Wizard", "&Hold form:"), self.hold_form, QCoreApplication.translate("Wizard", "Hold request form"))
        self.flagged_at.dateTimeChanged.connect(dialog._check)
        self.reasons.itemChanged.connect(dialog._check)

    def apply(self, item: FootageItem) -> FootageItem:
        item.flagged_at = edit_time(self.flagged_at, self.zone)
        item.flag_reasons = [FlagReason(self.reasons.item(i).data(Qt.ItemDataRole.UserRole))
                             for i in range(self.reasons.count())
                             if self.reasons.item(i).checkState() == Qt.CheckState.Checked]
        item.hold_form = self.hold_form.text().strip()
        return item


class ViolationOrderFields:
    def __init__(self, dialog, violation: Violation):
        self.dialog = dialog
        self.subsection = QLineEdit(violation.subsection)
        self.subsection.setPlaceholderText(QCoreApplication.translate("Wizard", "e.g. (e)(1)"))
        self.applicability = QLabel()
        self.applicability.setWordWrap(True)
        dialog.add_field(QCoreApplication.translate("Wizard", "Su&bsection:"), self.subsection, QCoreApplication.translate("Wizard", "Subsection"))
        dialog.form.addRow("", self.applicability)
        self.subsection.textChanged.connect(dialog._check)
        dialog.statutes.currentItemChanged.connect(lambda *_: self.show_applicability())
        self.show_applicability()

    def show_applicability(self) -> None:
        statute = self.dialog.catalogue.get(self.dialog.chosen_citation())
        note = statute.applicability_in(current_language()) if statute else ""
        self.applicability.setText(QCoreApplication.translate("Wizard", "Applies to: %1").replace("%1", note) if note else "")
        self.applicability.setVisible(bool(note))

    def apply(self, violation: Violation) -> Violation:
        violation.subsection = self.subsection.text().strip()
        return violation
