"""Page 5: the alleged violations: a statute from the catalogue (searchable), its class, details, and the
agents it concerns."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
)

from ...domain.catalogue import Catalogue
from ...domain.records import Agent, Incident, Violation
from ...domain.validation import validate
from ..common.domain_text import class_note, class_text, problem_line, statute_title
from ..common.i18n import QT_TRANSLATE_NOOP
from .common import incident_wizard_of
from .list_page import ListPage
from .order_fields import ViolationOrderFields
from .row_dialog import RowDialog


class ViolationDialog(RowDialog):
    def __init__(self, violation: Violation, number: int, catalogue: Catalogue, agents: list[Agent], parent=None):
        super().__init__(QCoreApplication.translate("Wizard", "Alleged violation %1").replace("%1", str(number)), parent)
        self.violation, self.catalogue, self.agents = violation, catalogue, agents
        self.search = QLineEdit()
        self.search.setPlaceholderText(QCoreApplication.translate("Wizard", "Words of the title or citation, e.g. battery"))
        self.search.setClearButtonEnabled(True)
        self.statutes = QListWidget()
        self.statutes.setMinimumHeight(self.fontMetrics().lineSpacing() * 7)
        # Wide enough to read a citation and its title, never wider than half the screen (200% text).
        screen = self.screen().availableGeometry().width()
        self.statutes.setMinimumWidth(min(self.fontMetrics().horizontalAdvance("x" * 60), screen // 2))
        self.offence_class = QComboBox()
        self.class_note = QLabel()
        self.class_note.setWordWrap(True)
        self.details = QPlainTextEdit()
        self.details.setTabChangesFocus(True)
        self.details.setMinimumHeight(self.fontMetrics().lineSpacing() * 3)
        self.add_field(QCoreApplication.translate("Wizard", "Sea&rch statutes:"), self.search, QCoreApplication.translate("Wizard", "Search statutes"))
        self.add_field(QCoreApplication.translate("Wizard", "S&tatute:"), self.statutes, QCoreApplication.translate("Wizard", "Statute"),
                       path="violations[].statute")
        self.add_field(QCoreApplication.translate("Wizard", "&Class:"), self.offence_class, QCoreApplication.translate("Wizard", "Offence class"))
        self.form.addRow("", self.class_note)
        self.add_field(QCoreApplication.translate("Wizard", "&Details:"), self.details, QCoreApplication.translate("Wizard", "Details"))
        self.order = ViolationOrderFields(self, violation)  # the subsection, and to whom the statute applies
        self.agent_boxes: list[QCheckBox] = []
        for i, agent in enumerate(agents, 1):
            who = agent.name or agent.badge or agent.description[:40] or QCoreApplication.translate("Wizard", "unknown")
            box = QCheckBox(QCoreApplication.translate("Wizard", "Agent &%1: %2").replace("%1", str(i)).replace("%2", who))
            box.setAccessibleName(QCoreApplication.translate("Wizard", "Concerns agent %1").replace("%1", str(i)))
            box.setChecked(agent.id in violation.agent_ids)
            self.agent_boxes.append(box)
            self.form.addRow(QCoreApplication.translate("Wizard", "Concerns:") if i == 1 else "", box)
        if not agents:
            self.form.addRow(QCoreApplication.translate("Wizard", "Concerns:"), QLabel(QCoreApplication.translate("Wizard", "No agents entered yet (page 3).")))

        self._fill_statutes("")
        self.search.textChanged.connect(self._fill_statutes)
        self.statutes.currentItemChanged.connect(lambda *_: self._statute_chosen())
        self.offence_class.currentIndexChanged.connect(self._check)
        self.details.setPlainText(violation.details)
        self._select(violation.statute)
        # The list chose the statute before its signal was connected: fill the classes for it now, or an
        # edited violation would come back with its class silently dropped.
        self._statute_chosen()
        index = self.offence_class.findData(violation.offence_class)
        if index >= 0:
            self.offence_class.setCurrentIndex(index)
        self._check()
        self.first_field = self.search  # the statute search first: a violation starts with its statute
        self.fit()

    def _fill_statutes(self, text: str) -> None:
        current = self.chosen_citation()
        self.statutes.blockSignals(True)
        self.statutes.clear()
        for s in self.catalogue.search(text):
            item = QListWidgetItem(f"{s.citation} \u2014 {statute_title(s)}")
            item.setToolTip(item.text())  # the whole title when the list is narrower than it
            item.setData(Qt.ItemDataRole.UserRole, s.citation)
            self.statutes.addItem(item)
        self.statutes.blockSignals(False)
        self._select(current)
        if self.statutes.currentRow() < 0 and self.statutes.count() == 1:
            self.statutes.setCurrentRow(0)  # one match: it is the choice

    def _select(self, citation: str) -> None:
        for row in range(self.statutes.count()):
            if self.statutes.item(row).data(Qt.ItemDataRole.UserRole) == citation:
                self.statutes.setCurrentRow(row)
                return

    def chosen_citation(self) -> str:
        item = self.statutes.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else self.violation.statute

    def _statute_chosen(self) -> None:
        statute = self.catalogue.get(self.chosen_citation())
        self.offence_class.clear()
        if statute is None:
            self.class_note.setText("")
            return
        if len(statute.classes) > 1:
            self.offence_class.addItem(QCoreApplication.translate("Wizard", "(choose)"), "")
        for c in statute.classes:
            self.offence_class.addItem(class_text(c), c)
        self.class_note.setText(class_note(statute))
        self._check()

    def result_item(self) -> Violation:
        return self.order.apply(Violation(
            id=self.violation.id, statute=self.chosen_citation(), offence_class=self.offence_class.currentData() or "",
            details=self.details.toPlainText().strip(),
            agent_ids=[a.id for a, box in zip(self.agents, self.agent_boxes, strict=True) if box.isChecked()]))

    def _check(self) -> None:
        problems = validate(Incident(agents=self.agents, violations=[self.result_item()]),
                            catalogue=self.catalogue)
        self.show_messages([problem_line(p, self.catalogue, within_row=True) for p in problems
                            if p.path.startswith("violations[0]")])


class ViolationsPage(ListPage):
    step_key = "violations"
    attribute = "violations"
    noun = QT_TRANSLATE_NOOP("Wizard", "violation")
    item_type = Violation
    headers = (QT_TRANSLATE_NOOP("Wizard", "Statute"), QT_TRANSLATE_NOOP("Wizard", "Title"),
               QT_TRANSLATE_NOOP("Wizard", "Class"), QT_TRANSLATE_NOOP("Wizard", "Agents"),
               QT_TRANSLATE_NOOP("Wizard", "Details"))

    def __init__(self, catalogue: Catalogue, parent=None):
        super().__init__(QCoreApplication.translate("Wizard", "Alleged violations"), parent)
        self.catalogue = catalogue
        self.setSubTitle(QCoreApplication.translate("Wizard", "Each alleged offence, from the statute catalogue, and the agents it concerns."))

    def _agents(self) -> list[Agent]:
        return incident_wizard_of(self).current_incident().agents

    def row_values(self, v: Violation) -> list[str]:
        statute = self.catalogue.get(v.statute)
        agents = incident_wizard_of(self).incident.agents if self.wizard() else []
        numbers = ", ".join(str(i) for i, a in enumerate(agents, 1) if a.id in v.agent_ids)
        return [v.statute, statute_title(statute) if statute else "", class_text(v.offence_class) if v.offence_class else "",
                numbers, v.details[:80]]

    def dialog_for(self, item: Violation, number: int) -> ViolationDialog:
        return ViolationDialog(item, number, self.catalogue, self._agents(), self)
