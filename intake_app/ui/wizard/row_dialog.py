"""The small dialog that edits one row (agent, footage item, violation) with labelled fields.

OK is never blocked by problems (nothing typed is lost); the shared validator's messages for the row are
shown at the bottom once the user has left one of its fields (not before anything is typed), then kept up
to date while typing."""

from __future__ import annotations

from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ..common.screen_fit import resize_within_screen
from .common import add_labelled_row, follow_focus, problem_label, scrolling_form, show_problem_text


class RowDialog(QDialog):
    def __init__(self, title: str, parent=None):
        super().__init__(parent)
        self.running = False  # shown by run() and not yet finished (also while hidden by the idle lock)
        self.first_field: QWidget | None = None  # where the typing starts when the dialog opens
        self.legend: QLabel | None = None  # "Fields marked * are required", once a required field is added
        self.revealed = False  # problems shown (reveal) once a field was left or OK pressed
        self._lines: list[str] = []
        self.setWindowTitle(title)
        self.body, self.form, scroll = scrolling_form()
        self.problems = problem_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)
        follow_focus(self, self._left_field)

    def result_item(self):
        """The row as its fields now say: what OK keeps."""
        raise NotImplementedError

    def add_field(self, text: str, field: QWidget, accessible: str, path: str = "") -> None:
        """A labelled field; one at a `path` the validator requires (validation.required_paths, "footage[].start")
        is marked so, with the dialog's legend."""
        self.legend = add_labelled_row(self.form, self.legend, text, field, accessible, path)[1]

    def show_messages(self, lines: list[str]) -> None:
        """The row's problems, shown once the user has left one of its fields or pressed OK (not in red
        before anything is typed)."""
        self._lines = lines
        show_problem_text(self.problems, lines if self.revealed else [])

    def reveal(self) -> None:
        if not self.revealed:
            self.revealed = True
            self.show_messages(self._lines)

    def _left_field(self, old, _new) -> None:
        if old is not None and self.body.isAncestorOf(old):
            self.reveal()

    def run(self) -> int:
        """Like exec(): modal, returns the DialogCode once OK or Cancel is pressed. But QDialog.exec() ends
        (as Cancel) when the dialog is hidden, and the idle lock hides every window: what was typed in an open
        agent, footage or violation dialog was lost. This loop ends only when the dialog is finished, so the
        dialog comes back as it was when the app is unlocked."""
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setResult(0)
        loop = QEventLoop()
        self.finished.connect(loop.quit)
        self.running = True
        self.show()
        if self.first_field is not None:
            self.first_field.setFocus()
        try:
            loop.exec()
        finally:
            self.running = False
        return self.result()

    def fit(self) -> None:
        """As big as the form needs, but never beyond the screen (the form scrolls instead)."""
        hint = self.body.sizeHint()
        resize_within_screen(self, min(hint.width() + 60, 900), min(hint.height() + 140, 680))
