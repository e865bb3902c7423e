"""A page holding a list of rows (agents, footage, violations): a table plus Add / Edit / Remove.

Rows are edited in a small dialog; problems from the shared validator are listed under the table with the
row number, so the supervisor sees which row needs work."""

from __future__ import annotations

import copy

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
)

from ..common.domain_text import problem_line
from .common import IncidentPage, problem_label, show_problem_text
from .row_dialog import RowDialog


class ListPage(IncidentPage):
    attribute = ""  # the Incident's list: "agents", "footage", "violations"
    noun = ""
    headers: tuple[str, ...] = ()  # QT_TRANSLATE_NOOP("Wizard", ...): translated when the table is made
    item_type: type  # the row's record (Agent, FootageItem, Violation): Add starts from an empty one

    def __init__(self, title: str, parent=None):
        super().__init__(title, parent)
        self.items: list = []
        self.table = QTableWidget(0, len(self.headers))
        self.table.setHorizontalHeaderLabels([QCoreApplication.translate("Wizard", h) for h in self.headers])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName(title)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        # Enter on a row edits it (as a double click does); without this the wizard took it as Next.
        self.table.installEventFilter(self)
        self.add_button = QPushButton(QCoreApplication.translate("Wizard", "&Add %1…").replace("%1", QCoreApplication.translate("Wizard", self.noun)))
        self.edit_button = QPushButton(QCoreApplication.translate("Wizard", "&Edit %1…").replace("%1", QCoreApplication.translate("Wizard", self.noun)))
        self.remove_button = QPushButton(QCoreApplication.translate("Wizard", "Re&move %1").replace("%1", QCoreApplication.translate("Wizard", self.noun)))
        self.add_button.clicked.connect(self.add_item)
        self.edit_button.clicked.connect(self.edit_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.form.addRow(self.table)
        self.form.addRow(buttons)
        self.problems = problem_label()
        self.form.addRow(self.problems)

    def eventFilter(self, watched, event) -> bool:
        if (watched is self.table and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.table.currentRow() >= 0):
            self.edit_selected()
            return True
        return False  # always a real bool: PySide converts what an event filter returns

    # --- subclass hooks
    def row_values(self, item) -> list[str]:
        raise NotImplementedError

    def dialog_for(self, item, number: int) -> RowDialog:
        """The dialog that edits `item`, the page's row `number` (1 for the first)."""
        raise NotImplementedError

    def run_dialog(self, item, index: int):
        """Show the row's dialog; return the edited item, or None if cancelled."""
        dialog = self.dialog_for(item, index + 1)
        return dialog.result_item() if dialog.run() == QDialog.DialogCode.Accepted else None

    # --- list handling
    def load(self, inc) -> None:
        self.items = copy.deepcopy(getattr(inc, self.attribute))
        self._fill()

    def store(self, inc) -> None:
        setattr(inc, self.attribute, copy.deepcopy(self.items))

    def _fill(self) -> None:
        self.table.setRowCount(len(self.items))
        for r, item in enumerate(self.items):
            for c, text in enumerate(self.row_values(item)):
                self.table.setItem(r, c, QTableWidgetItem(text))
        has = bool(self.items)
        self.edit_button.setEnabled(has)
        self.remove_button.setEnabled(has)

    def add_item(self) -> None:
        item = self.run_dialog(self.item_type(), len(self.items))
        if item is not None:
            self.items.append(item)
            self._fill()
            self.table.selectRow(len(self.items) - 1)
            self.emit_changed()

    def edit_selected(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.items):
            return
        item = self.run_dialog(copy.deepcopy(self.items[row]), row)
        if item is not None:
            self.items[row] = item
            self._fill()
            self.table.selectRow(row)
            self.emit_changed()

    def remove_selected(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.items):
            del self.items[row]
            self._fill()
            self.emit_changed()

    def show_problems(self, problems) -> None:
        catalogue = getattr(self, "catalogue", None)
        lines = [problem_line(p, catalogue) for p in problems if p.path.startswith(self.attribute)]
        show_problem_text(self.problems, lines, self.table)
