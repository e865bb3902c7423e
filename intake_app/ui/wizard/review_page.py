"""Page 6: a readable summary, and every validation problem as a button that goes back to its page.

Problems block only "Submit for review"; "Save draft" always stores what was typed."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from ...domain.summary import summary_lines
from ...domain.wizard_flow import step_index_for
from ..common.domain_text import problem_line
from ..common.summary_words import summary_words
from .common import incident_wizard_of, problem_style


class ProblemButton(QPushButton):
    """A flat button whose words wrap (a QPushButton's own text never does): at 200% text a problem's
    sentence is wider than the page, and a horizontal scroll bar hid its end."""

    def __init__(self, text: str, parent=None):
        super().__init__(parent)
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.label.setStyleSheet(problem_style() + " text-decoration: underline;")
        self._row = row = QHBoxLayout(self)
        row.setContentsMargins(4, 2, 4, 2)
        row.addWidget(self.label)
        self.setFlat(True)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        policy.setHeightForWidth(True)  # as tall as its wrapped words, no taller
        self.setSizePolicy(policy)

    def text(self) -> str:  # what a reader (and a test) sees: the label's words
        return self.label.text()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._row.totalHeightForWidth(width)

    def sizeHint(self):
        return self._row.sizeHint()

    def minimumSizeHint(self):
        return self._row.minimumSize()


class ReviewPage(QWizardPage):
    step_key = "review"

    def __init__(self, catalogue, parent=None):
        super().__init__(parent)
        self.setTitle(QCoreApplication.translate("Wizard", "Review and sign-off"))
        self.setSubTitle(QCoreApplication.translate("Wizard", "Check the record. Save it as a draft at any time; submit it when nothing is missing."))
        self.catalogue = catalogue
        self.loaded = False
        self.shows_all_problems = True  # as the wizard sets it on every page: the review lists all of them
        self.summary = QPlainTextEdit()
        self.summary.setReadOnly(True)
        self.summary.setAccessibleName(QCoreApplication.translate("Wizard", "Summary of the incident"))
        self.summary.setTabChangesFocus(True)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.problem_buttons: list[QPushButton] = []
        self._problem_box = QWidget()
        self._problem_layout = QVBoxLayout(self._problem_box)
        self._problem_layout.setContentsMargins(0, 0, 0, 0)
        self._problem_layout.addStretch(1)  # problems stay together at the top
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # problems wrap instead
        scroll.setWidget(self._problem_box)
        scroll.setMaximumHeight(self.fontMetrics().lineSpacing() * 10)
        self.status = QLabel()
        self.status.setWordWrap(True)
        summary_label = QLabel(QCoreApplication.translate("Wizard", "S&ummary:"))
        summary_label.setBuddy(self.summary)
        layout = QVBoxLayout(self)
        layout.addWidget(summary_label)
        layout.addWidget(self.summary, 3)
        layout.addWidget(self.heading)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.status)

    def initializePage(self) -> None:
        self.loaded = True
        incident_wizard_of(self).refresh_problems()

    def load(self, incident) -> None:  # the review shows, it does not edit
        pass

    def store(self, incident) -> None:
        pass

    def show_problems(self, problems) -> None:
        wizard = incident_wizard_of(self)
        incident = wizard.incident
        self.summary.setPlainText("\n".join(summary_lines(incident, catalogue=self.catalogue, words=summary_words())))
        for b in self.problem_buttons:
            self._problem_layout.removeWidget(b)  # gone at once, not only when the deferred delete runs
            b.hide()
            b.deleteLater()
        self.problem_buttons = []
        if not problems:
            self.heading.setText(QCoreApplication.translate("Wizard", "No problems: the incident can be submitted for review."))
        else:
            self.heading.setText(QCoreApplication.translate(
                "Wizard", "%1 problem(s) must be fixed before submitting (a draft can be saved anyway). "
                "Choose one to go to its page:").replace("%1", str(len(problems))))
        for p in problems:
            step = step_index_for(p.path)
            page_title = wizard.page(step).title()  # the page's own (translated) title
            line = problem_line(p, self.catalogue)
            button = ProblemButton(f"{page_title} \u2192 {line}")
            button.setAccessibleName(QCoreApplication.translate("Wizard", "Go to %1: %2").replace("%1", page_title)
                                     .replace("%2", line))
            button.clicked.connect(lambda _c=False, s=step: incident_wizard_of(self).go_to_step(s))
            self._problem_layout.insertWidget(self._problem_layout.count() - 1, button)
            self.problem_buttons.append(button)
