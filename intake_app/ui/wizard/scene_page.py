"""The page of what the ICE On Notice order asks CPD to record on scene: CPD's RD and OEMC numbers, the federal
supervisor and the credential check recorded on body-worn camera, whether force was used, injuries and aid."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from ...domain.enums import Agency, CredentialCheck, InjuredRole, InjurySeverity, YesNoUnknown
from ...domain.records import FederalSupervisor, Injury, Medical
from ..common.i18n import QT_TRANSLATE_NOOP
from ..common.vocabulary import vocabulary_label
from .common import (
    IncidentPage,
    datetime_edit,
    edit_time,
    enum_data,
    incident_wizard_of,
    messages_for,
    select_or_keep,
    set_edit_time,
    show_problem_text,
)


def _combo(values, current, *, none_text: str | None = None) -> QComboBox:
    combo = QComboBox()
    if none_text is not None:
        combo.addItem(QCoreApplication.translate("Wizard", none_text), None)
    for v in values:
        combo.addItem(vocabulary_label(v), v)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo


NOT_ANSWERED = QT_TRANSLATE_NOOP("Wizard", "(not answered)")
INJURY_HEADERS = (QT_TRANSLATE_NOOP("Wizard", "Person"), QT_TRANSLATE_NOOP("Wizard", "Severity"),
                  QT_TRANSLATE_NOOP("Wizard", "Injury"))


class ScenePage(IncidentPage):
    step_key = "scene"

    def __init__(self, parent=None):
        super().__init__(QCoreApplication.translate("Wizard", "On scene: CPD numbers, federal supervisor, injuries"), parent)
        self.setSubTitle(QCoreApplication.translate("Wizard", "What the order asks: identify the federal supervisor and record the credential check "
                            "on body-worn camera; summon EMS and render aid."))
        self.rd = QLineEdit()
        self.rd.setPlaceholderText(QCoreApplication.translate("Wizard", "e.g. JK123456"))
        self.oemc = QLineEdit()
        self.oemc.setPlaceholderText(QCoreApplication.translate("Wizard", "the event number footage is tagged with"))
        self.p_rd = self.add_field(QCoreApplication.translate("Wizard", "CPD &RD number:"), self.rd, QCoreApplication.translate("Wizard", "CPD RD number"))
        self.p_oemc = self.add_field(QCoreApplication.translate("Wizard", "&OEMC event number:"), self.oemc, QCoreApplication.translate("Wizard", "OEMC event number"))

        self.check = _combo(list(CredentialCheck), None, none_text=NOT_ANSWERED)
        self.fs_agency = _combo(list(Agency), Agency.UNKNOWN)
        self.fs_agency_name = QLineEdit()
        self.fs_name = QLineEdit()
        self.fs_badge = QLineEdit()
        self.fs_reason = QLineEdit()
        self.fs_time = datetime_edit(optional=True)
        self.fs_footage = QComboBox()
        self.form.addRow(QLabel("<b>" + QCoreApplication.translate("Wizard", "Federal supervisor on scene") + "</b>"))
        self.p_check = self.add_field(QCoreApplication.translate("Wizard", "&Credential check:"), self.check, QCoreApplication.translate("Wizard", "Credential check"))
        self.p_fs_agency = self.add_field(QCoreApplication.translate("Wizard", "A&gency:"), self.fs_agency, QCoreApplication.translate("Wizard", "Federal supervisor's agency"))
        self.p_fs_agency_name = self.add_field(QCoreApplication.translate("Wizard", "Agency na&me:"), self.fs_agency_name,
                                               QCoreApplication.translate("Wizard", "Name of the other federal agency"))
        self.p_fs_name = self.add_field(QCoreApplication.translate("Wizard", "Fu&ll name:"), self.fs_name, QCoreApplication.translate("Wizard", "Federal supervisor's name"))
        self.p_fs_badge = self.add_field(QCoreApplication.translate("Wizard", "Badge or ID (as s&hown):"), self.fs_badge, QCoreApplication.translate("Wizard", "Federal supervisor's badge or ID"))
        self.p_fs_reason = self.add_field(QCoreApplication.translate("Wizard", "&Why not attempted:"), self.fs_reason, QCoreApplication.translate("Wizard", "Why not attempted"))
        self.p_fs_time = self.add_field(QCoreApplication.translate("Wizard", "&Time of the check:"), self.fs_time, QCoreApplication.translate("Wizard", "Time of the credential check"))
        self.p_fs_footage = self.add_field(QCoreApplication.translate("Wizard", "Recorded on &footage:"), self.fs_footage,
                                           QCoreApplication.translate("Wizard", "Footage showing the credential check"))

        self.force = _combo((YesNoUnknown.YES, YesNoUnknown.NO, YesNoUnknown.UNKNOWN), None,
                            none_text=NOT_ANSWERED)
        self.injured = _combo((YesNoUnknown.YES, YesNoUnknown.NO, YesNoUnknown.UNKNOWN), None,
                              none_text=NOT_ANSWERED)
        self.form.addRow(QLabel("<b>" + QCoreApplication.translate("Wizard", "Force, injuries and aid") + "</b>"))
        self.p_force = self.add_field(QCoreApplication.translate("Wizard", "Force &used:"), self.force, QCoreApplication.translate("Wizard", "Force used"))
        self.p_injured = self.add_field(QCoreApplication.translate("Wizard", "Anyone in&jured:"), self.injured, QCoreApplication.translate("Wizard", "Anyone injured"))
        self.injuries = QTableWidget(0, len(INJURY_HEADERS))
        self.injuries.setHorizontalHeaderLabels([QCoreApplication.translate("Wizard", h) for h in INJURY_HEADERS])
        self.injuries.horizontalHeader().setStretchLastSection(True)
        self.injuries.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside it
        self.injuries.setMinimumHeight(self.fontMetrics().lineSpacing() * 5)
        self.injuries.setMaximumHeight(self.fontMetrics().lineSpacing() * 9)
        buttons = QWidget()
        row = QHBoxLayout(buttons)
        row.setContentsMargins(0, 0, 0, 0)
        self.add_injury = QPushButton(QCoreApplication.translate("Wizard", "&Add injured person"))
        self.remove_injury = QPushButton(QCoreApplication.translate("Wizard", "Remo&ve injured person"))
        row.addWidget(self.add_injury)
        row.addWidget(self.remove_injury)
        row.addStretch(1)
        self.p_injuries = self.add_field(QCoreApplication.translate("Wizard", "Injur&ies:"), self.injuries, QCoreApplication.translate("Wizard", "Injuries"))
        self.form.addRow("", buttons)
        self.ems_time = datetime_edit(optional=True)
        self.ems_unit = QLineEdit()
        self.aid = _combo((YesNoUnknown.UNKNOWN, YesNoUnknown.YES, YesNoUnknown.NO), YesNoUnknown.UNKNOWN)
        self.hospital = QLineEdit()
        self.hospital.setPlaceholderText(QCoreApplication.translate("Wizard", "e.g. Mount Sinai Hospital"))
        self.p_ems_time = self.add_field(QCoreApplication.translate("Wizard", "EMS &summoned at:"), self.ems_time, QCoreApplication.translate("Wizard", "EMS summoned at"))
        self.p_ems_unit = self.add_field(QCoreApplication.translate("Wizard", "&EMS unit:"), self.ems_unit, QCoreApplication.translate("Wizard", "EMS unit"))
        self.p_aid = self.add_field(QCoreApplication.translate("Wizard", "Aid rendered b&y CPD:"), self.aid, QCoreApplication.translate("Wizard", "Aid rendered by CPD"))
        self.p_hospital = self.add_field(QCoreApplication.translate("Wizard", "Trans&ported to:"), self.hospital, QCoreApplication.translate("Wizard", "Transported to hospital"))

        self.add_injury.clicked.connect(lambda: self._add_injury_row(Injury()))
        self.remove_injury.clicked.connect(self._remove_injury_row)
        self.injuries.itemChanged.connect(self.emit_changed)
        for edit in (self.rd, self.oemc, self.fs_agency_name, self.fs_name, self.fs_badge, self.fs_reason,
                     self.ems_unit, self.hospital):
            edit.textChanged.connect(self.emit_changed)
        for combo in (self.check, self.fs_agency, self.fs_footage, self.force, self.injured, self.aid):
            combo.currentIndexChanged.connect(self.emit_changed)
        for edit in (self.fs_time, self.ems_time):
            edit.dateTimeChanged.connect(self.emit_changed)
        self.check.currentIndexChanged.connect(self._enable)
        self.fs_agency.currentIndexChanged.connect(self._enable)

    # ----------------------------------------------------------- injuries table
    def _add_injury_row(self, injury: Injury) -> None:
        r = self.injuries.rowCount()
        self.injuries.insertRow(r)
        role = _combo(list(InjuredRole), injury.role)
        severity = _combo(list(InjurySeverity), injury.severity)
        role.setAccessibleName(QCoreApplication.translate("Wizard", "Injured person %1").replace("%1", str(r + 1)))
        severity.setAccessibleName(QCoreApplication.translate("Wizard", "Severity %1").replace("%1", str(r + 1)))
        role.currentIndexChanged.connect(self.emit_changed)
        severity.currentIndexChanged.connect(self.emit_changed)
        self.injuries.setCellWidget(r, 0, role)
        self.injuries.setCellWidget(r, 1, severity)
        item = QTableWidgetItem(injury.description)
        item.setData(Qt.ItemDataRole.UserRole, injury.id)
        self.injuries.setItem(r, 2, item)
        self.emit_changed()

    def _remove_injury_row(self) -> None:
        r = self.injuries.currentRow()
        if r >= 0:
            self.injuries.removeRow(r)
            self.emit_changed()

    def _injuries(self) -> list[Injury]:
        out = []
        for r in range(self.injuries.rowCount()):
            item = self.injuries.item(r, 2)
            injury = Injury(role=enum_data(InjuredRole, self.injuries.cellWidget(r, 0)) or InjuredRole.OTHER,
                            description=item.text().strip() if item else "",
                            severity=enum_data(InjurySeverity, self.injuries.cellWidget(r, 1)) or InjurySeverity.UNKNOWN)
            if item is not None and item.data(Qt.ItemDataRole.UserRole):
                injury.id = item.data(Qt.ItemDataRole.UserRole)
            out.append(injury)
        return out

    def _enable(self, *_args) -> None:
        check = enum_data(CredentialCheck, self.check)
        present = check not in (None, CredentialCheck.NO_SUPERVISOR_PRESENT)
        for field in (self.fs_agency, self.fs_name, self.fs_badge, self.fs_time, self.fs_footage):
            field.setEnabled(present)
        self.fs_reason.setEnabled(check == CredentialCheck.NOT_ATTEMPTED)
        self.fs_agency_name.setEnabled(present and enum_data(Agency, self.fs_agency) == Agency.OTHER_FEDERAL)

    # ----------------------------------------------------------- the record
    def load(self, inc) -> None:
        self.rd.setText(inc.cpd_rd_number)
        self.oemc.setText(inc.oemc_event_number)
        fs = inc.federal_supervisor
        self.check.setCurrentIndex(max(0, self.check.findData(fs.credential_check)))
        self.fs_agency.setCurrentIndex(max(0, self.fs_agency.findData(fs.agency)))
        self.fs_agency_name.setText(fs.agency_name)
        self.fs_name.setText(fs.name)
        self.fs_badge.setText(fs.badge)
        self.fs_reason.setText(fs.not_attempted_reason)
        set_edit_time(self.fs_time, fs.checked_at, inc.timezone)
        self._fill_footage(inc, fs.footage_id)
        self.force.setCurrentIndex(max(0, self.force.findData(inc.use_of_force)))
        m = inc.medical
        self.injured.setCurrentIndex(max(0, self.injured.findData(m.anyone_injured)))
        self.injuries.setRowCount(0)
        for injury in inc.injuries:
            self._add_injury_row(injury)
        set_edit_time(self.ems_time, m.ems_summoned_at, inc.timezone)
        self.ems_unit.setText(m.ems_unit)
        self.aid.setCurrentIndex(max(0, self.aid.findData(m.aid_rendered_by_cpd)))
        self.hospital.setText(m.transported_to)
        self._enable()

    def _fill_footage(self, inc, chosen: str) -> None:
        self.fs_footage.blockSignals(True)
        self.fs_footage.clear()
        self.fs_footage.addItem(QCoreApplication.translate("Wizard", "(none chosen)"), "")
        for n, f in enumerate(inc.footage, 1):
            self.fs_footage.addItem(QCoreApplication.translate("Wizard", "Footage %1: %2 %3").replace("%1", str(n)).replace("%2", vocabulary_label(f.kind))
                                    .replace("%3", f.device_id), f.id)
        select_or_keep(self.fs_footage, chosen)  # "" is "(none chosen)"
        self.fs_footage.blockSignals(False)

    def initializePage(self) -> None:
        super().initializePage()
        # Footage may have been added on the page before: offer it, keeping the choice.
        self._fill_footage(incident_wizard_of(self).incident, self.fs_footage.currentData() or "")

    def store(self, inc) -> None:
        inc.cpd_rd_number = self.rd.text().strip().upper()
        inc.oemc_event_number = self.oemc.text().strip()
        inc.federal_supervisor = FederalSupervisor(
            agency=enum_data(Agency, self.fs_agency) or Agency.UNKNOWN, agency_name=self.fs_agency_name.text().strip(),
            name=self.fs_name.text().strip(), badge=self.fs_badge.text().strip(),
            credential_check=enum_data(CredentialCheck, self.check),
            not_attempted_reason=self.fs_reason.text().strip(), checked_at=edit_time(self.fs_time, inc.timezone),
            footage_id=self.fs_footage.currentData() or "")
        inc.use_of_force = enum_data(YesNoUnknown, self.force)
        inc.injuries = self._injuries()
        inc.medical = Medical(anyone_injured=enum_data(YesNoUnknown, self.injured),
                              ems_summoned_at=edit_time(self.ems_time, inc.timezone), ems_unit=self.ems_unit.text().strip(),
                              aid_rendered_by_cpd=enum_data(YesNoUnknown, self.aid) or YesNoUnknown.UNKNOWN,
                              transported_to=self.hospital.text().strip())

    def show_problems(self, problems) -> None:
        for label, path, field in (
                (self.p_rd, "cpd_rd_number", self.rd), (self.p_oemc, "oemc_event_number", self.oemc),
                (self.p_check, "federal_supervisor.credential_check", self.check),
                (self.p_fs_agency, "federal_supervisor.agency", self.fs_agency),
                (self.p_fs_agency_name, "federal_supervisor.agency_name", self.fs_agency_name),
                (self.p_fs_name, "federal_supervisor.name", self.fs_name),
                (self.p_fs_badge, "federal_supervisor.badge", self.fs_badge),
                (self.p_fs_reason, "federal_supervisor.not_attempted_reason", self.fs_reason),
                (self.p_fs_time, "federal_supervisor.checked_at", self.fs_time),
                (self.p_fs_footage, "federal_supervisor.footage_id", self.fs_footage),
                (self.p_force, "use_of_force", self.force), (self.p_injured, "medical.anyone_injured", self.injured),
                (self.p_injuries, "injuries", self.injuries),
                (self.p_ems_time, "medical.ems_summoned_at", self.ems_time),
                (self.p_ems_unit, "medical.ems_unit", self.ems_unit),
                (self.p_hospital, "medical.transported_to", self.hospital)):
            show_problem_text(label, messages_for(problems, path), field)
