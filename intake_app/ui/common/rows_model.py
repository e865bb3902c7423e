"""The plumbing every table of the app shares: a read-only model over rows handed to it (it never reads the
store), with translated column titles. Subclasses say what their columns are called and what a cell shows."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

NO_PARENT = QModelIndex()


class RowsModel(QAbstractTableModel):
    column_count: int  # each table's; asked by Qt far more often than the titles, so not counted from them

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[Any] = []

    def header_texts(self) -> Sequence[str]:
        """The column titles as shown (translated), column_count of them."""
        raise NotImplementedError

    def arrange(self, rows: list[Any]) -> None:
        """Puts newly handed rows in the order shown (in place); as given unless a table sorts."""

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.arrange(self.rows)
        self.endResetModel()

    def row_at(self, row: int) -> Any | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else self.column_count

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.header_texts()[section]
        return None


def rows_table(model: RowsModel, accessible_name: str) -> QTableView:
    """The table over such a model: read-only, one whole row chosen at a time, no row numbers, each column as
    wide as its content (the caller says which one takes the rest of the width)."""
    table = QTableView()
    table.setModel(model)
    table.setAccessibleName(accessible_name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


def lay_out_rows_screen(screen: QWidget, status: QLabel, table: QTableView, field: QWidget, *buttons: QWidget) -> None:
    """A screen of rows acted on one at a time (the links tab, the preservation alerts): its status line, the
    table taking the height, and under it the text field the actions take, as wide as it can be, beside their
    buttons."""
    actions = QHBoxLayout()
    actions.addWidget(field, 1)
    for button in buttons:
        actions.addWidget(button)
    layout = QVBoxLayout(screen)
    layout.addWidget(status)
    layout.addWidget(table, 1)
    layout.addLayout(actions)
