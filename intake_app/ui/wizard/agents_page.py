"""Page 3: the federal agents involved, one row each, edited in a small dialog."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit

from ...domain.enums import Agency, IdentifiedBy
from ...domain.records import Agent, Incident, Vehicle
from ...domain.validation import validate
from ..common.domain_text import problem_line
from ..common.i18n import QT_TRANSLATE_NOOP
from ..common.vocabulary import vocabulary_label
from .common import enum_data
from .list_page import ListPage
from .order_fields import AgentOrderFields
from .row_dialog import RowDialog


class AgentDialog(RowDialog):
    def __init__(self, agent: Agent, number: int, parent=None):
        super().__init__(QCoreApplication.translate("Wizard", "Agent %1").replace("%1", str(number)), parent)
        self.agent = agent
        self.agency = QComboBox()
        for a in Agency:
            self.agency.addItem(vocabulary_label(a), a)
        self.name = QLineEdit()
        self.badge = QLineEdit()
        self.identified_by = QComboBox()
        self.identified_by.addItem(QCoreApplication.translate("Wizard", "(not identified)"), None)
        for i in IdentifiedBy:
            self.identified_by.addItem(vocabulary_label(i), i)
        self.masked = QCheckBox(QCoreApplication.translate("Wizard", "&Masked"))
        self.masked.setAccessibleName(QCoreApplication.translate("Wizard", "Masked"))
        self.description = QPlainTextEdit()
        self.description.setTabChangesFocus(True)
        self.description.setMinimumHeight(self.fontMetrics().lineSpacing() * 3)
        self.plate = QLineEdit()
        self.plate_state = QLineEdit()
        self.plate_state.setMaxLength(2)
        self.plate_state.setPlaceholderText(QCoreApplication.translate("Wizard", "e.g. IL"))
        self.make = QLineEdit()
        self.model = QLineEdit()
        self.color = QLineEdit()
        self.add_field(QCoreApplication.translate("Wizard", "A&gency:"), self.agency, QCoreApplication.translate("Wizard", "Agency"))
        self.add_field(QCoreApplication.translate("Wizard", "&Name:"), self.name, QCoreApplication.translate("Wizard", "Agent name"))
        self.add_field(QCoreApplication.translate("Wizard", "&Badge or ID:"), self.badge, QCoreApplication.translate("Wizard", "Badge or ID number"))
        self.add_field(QCoreApplication.translate("Wizard", "&How identified:"), self.identified_by, QCoreApplication.translate("Wizard", "How identified"))
        self.form.addRow("", self.masked)
        self.add_field(QCoreApplication.translate("Wizard", "&Description:"), self.description, QCoreApplication.translate("Wizard", "Physical description"))
        self.add_field(QCoreApplication.translate("Wizard", "Vehicle &plate:"), self.plate, QCoreApplication.translate("Wizard", "Vehicle plate"))
        self.add_field(QCoreApplication.translate("Wizard", "Plate &state:"), self.plate_state, QCoreApplication.translate("Wizard", "Plate state"))
        self.add_field(QCoreApplication.translate("Wizard", "Ma&ke:"), self.make, QCoreApplication.translate("Wizard", "Vehicle make"))
        self.add_field(QCoreApplication.translate("Wizard", "M&odel:"), self.model, QCoreApplication.translate("Wizard", "Vehicle model"))
        self.add_field(QCoreApplication.translate("Wizard", "Co&lor:"), self.color, QCoreApplication.translate("Wizard", "Vehicle color"))
        self.order = AgentOrderFields(self, agent)  # what the order asks about each agent

        self.agency.setCurrentIndex(max(0, self.agency.findData(agent.agency)))
        self.name.setText(agent.name)
        self.badge.setText(agent.badge)
        self.identified_by.setCurrentIndex(max(0, self.identified_by.findData(agent.identified_by)))
        self.masked.setChecked(agent.masked)
        self.description.setPlainText(agent.description)
        v = agent.vehicle or Vehicle()
        for edit, value in ((self.plate, v.plate), (self.plate_state, v.plate_state), (self.make, v.make),
                            (self.model, v.model), (self.color, v.color)):
            edit.setText(value)
        for edit in (self.name, self.badge, self.plate, self.plate_state, self.make, self.model, self.color):
            edit.textChanged.connect(self._check)
        self.description.textChanged.connect(self._check)
        self.identified_by.currentIndexChanged.connect(self._check)
        self._check()
        self.fit()

    def result_item(self) -> Agent:
        vehicle = Vehicle(self.plate.text().strip(), self.plate_state.text().strip().upper(), self.make.text().strip(),
                          self.model.text().strip(), self.color.text().strip())
        return self.order.apply(Agent(id=self.agent.id, agency=enum_data(Agency, self.agency), name=self.name.text().strip(),
                     badge=self.badge.text().strip(), identified_by=enum_data(IdentifiedBy, self.identified_by),
                     masked=self.masked.isChecked(), description=self.description.toPlainText().strip(),
                     vehicle=None if vehicle.is_empty() else vehicle))

    def _check(self) -> None:
        problems = validate(Incident(agents=[self.result_item()]))
        self.show_messages([problem_line(p, within_row=True) for p in problems if p.path.startswith("agents[0]")])


class AgentsPage(ListPage):
    step_key = "agents"
    attribute = "agents"
    noun = QT_TRANSLATE_NOOP("Wizard", "agent")
    item_type = Agent
    headers = (QT_TRANSLATE_NOOP("Wizard", "Agency"), QT_TRANSLATE_NOOP("Wizard", "Name"),
               QT_TRANSLATE_NOOP("Wizard", "Badge"), QT_TRANSLATE_NOOP("Wizard", "Identified by"),
               QT_TRANSLATE_NOOP("Wizard", "Masked"), QT_TRANSLATE_NOOP("Wizard", "Vehicle"))

    def __init__(self, parent=None):
        super().__init__(QCoreApplication.translate("Wizard", "Agents involved"), parent)
        self.setSubTitle(QCoreApplication.translate("Wizard", "Each federal agent involved. An unknown agent needs a description or a vehicle."))

    def row_values(self, a: Agent) -> list[str]:
        v = a.vehicle
        vehicle = " ".join(x for x in (v.color, v.make, v.model, v.plate, v.plate_state) if x) if v else ""
        return [vocabulary_label(a.agency), a.name, a.badge, vocabulary_label(a.identified_by) if a.identified_by else "",
                QCoreApplication.translate("Wizard", "yes") if a.masked else QCoreApplication.translate("Wizard", "no"),
                vehicle]

    def dialog_for(self, item: Agent, number: int) -> AgentDialog:
        return AgentDialog(item, number, self)
