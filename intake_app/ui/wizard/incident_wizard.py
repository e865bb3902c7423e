"""The incident wizard: six pages in the order of wizard_flow.STEPS, editing one domain Incident.

Save draft (every page) stores even invalid values; Submit for review (the last page) is blocked while the
shared validator reports problems. While open, the form is autosaved about 3 s after each change. All
store calls go through the task runner; a version conflict is reported and nothing typed is lost."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QBoxLayout, QMessageBox, QWidget, QWizard

from ...domain.actor import Actor
from ...domain.enums import Status
from ...domain.records import Incident
from ...domain.settings import StationSettings
from ...domain.validation import blocking_for_status, validate
from ...domain.wizard_flow import STEPS
from ...storage.errors import ConflictError
from ..common.screen_fit import resize_within_screen
from ..incidents.returned import banner, return_note
from ..shell.branding import window_title
from .agents_page import AgentsPage
from .common import IncidentPage, follow_focus
from .details_page import DetailsPage
from .footage_page import FootagePage
from .reporting_party_page import ReportingPartyPage
from .review_page import ReviewPage
from .scene_page import ScenePage
from .violations_page import ViolationsPage

if TYPE_CHECKING:
    from ...storage.repository import IncidentStore
    from ..common.tasks import TaskRunner

AUTOSAVE_MS = 3000
VALIDATE_MS = 300
SAVE_BUTTON = QWizard.WizardButton.CustomButton1


def _single_shot(parent: QWidget, interval_ms: int, timeout: Callable[[], None]) -> QTimer:
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(interval_ms)
    timer.timeout.connect(timeout)
    return timer


class IncidentWizard(QWizard):
    saved = Signal(object)  # the stored Incident after Save draft
    submitted = Signal(object)  # the stored Incident, now in review

    def __init__(self, store: IncidentStore, runner: TaskRunner, incident: Incident, actor: Callable[[], Actor],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.runner, self.actor = store, runner, actor
        self.incident = incident
        self.dirty = False
        self.last_message = ""
        self.setOption(QWizard.WizardOption.IndependentPages)  # pages keep what was typed when going back
        self.setOption(QWizard.WizardOption.HaveCustomButton1)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.setButtonText(SAVE_BUTTON, self.tr("Save &draft"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Submit for review"))
        self.customButtonClicked.connect(self._custom_button)
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.review_page = ReviewPage(store.catalogue)  # the last step: where the wizard's messages show
        pages: dict[str, IncidentPage | ReviewPage] = {
            "details": DetailsPage(actor), "reporting_party": ReportingPartyPage(), "agents": AgentsPage(),
            "footage": FootagePage(), "scene": ScenePage(), "violations": ViolationsPage(store.catalogue),
            "review": self.review_page,
        }
        self.pages = [pages[step.key] for step in STEPS]
        note = return_note(incident)
        for index, page in enumerate(self.pages):
            # Where the user is: "Step 3 of 6: Agents".
            page.setTitle(self.tr("Step %1 of %2: %3").replace("%1", str(index + 1))
                          .replace("%2", str(len(self.pages))).replace("%3", page.title()))
            layout = page.layout()
            if note is not None and isinstance(layout, QBoxLayout):  # the reviewer's comment on every page
                layout.insertWidget(0, banner(note))
            self.setPage(index, page)
            if isinstance(page, IncidentPage):  # the review page edits nothing
                page.changed.connect(self._changed)
        self._update_title()
        resize_within_screen(self, 900, 660)
        # A field's problems show once the user has left it; all of a page's once the user left the page (Next,
        # Back) or saved or submitted: not in red before anything is typed. The review page lists them always.
        self.revealed: set[int] = {len(self.pages) - 1}
        self._shown_id = -1  # no page shown yet
        self.currentIdChanged.connect(self._left_page)
        follow_focus(self, self._left_field)

        self._settings = StationSettings()
        if hasattr(store, "settings"):
            self.runner.run(store.settings, self._got_settings)
        self._autosave_timer = _single_shot(self, AUTOSAVE_MS, self.autosave_now)
        self._validate_timer = _single_shot(self, VALIDATE_MS, self.refresh_problems)

    def _custom_button(self, which) -> None:
        # PySide6 delivers this signal's argument as a plain int, which never equals the enum member.
        if QWizard.WizardButton(which) == SAVE_BUTTON:
            self.save_draft()

    def _update_title(self) -> None:
        name = self.incident.report_number or (self.tr("New incident") if self.incident.version == 0
                                                 else self.tr("Incident"))
        self.setWindowTitle(window_title(name))

    # ----------------------------------------------------------- the record
    def current_incident(self) -> Incident:
        """The record as typed so far (pages not yet visited keep the record's values)."""
        for page in self.pages:
            if page.loaded:
                page.store(self.incident)
        return self.incident

    def problems(self):
        problems = validate(self.current_incident(), catalogue=self.store.catalogue, settings=self._station_settings())
        # A wall time typed that stands for no single instant is not taken: its problem comes first at its field.
        typed = [p for page in self.pages if page.loaded for p in getattr(page, "time_problems", list)()]
        typed_paths = {p.path for p in typed}
        return typed + [p for p in problems if p.path not in typed_paths]

    def _station_settings(self) -> StationSettings:
        """The station's RD and OEMC patterns, read off the UI thread when the wizard opens (the defaults until
        then)."""
        return self._settings

    def _got_settings(self, settings: StationSettings) -> None:
        self._settings = settings
        self.refresh_problems()

    def refresh_problems(self) -> None:
        problems = self.problems()
        for index, page in enumerate(self.pages):
            if page.loaded:
                page.shows_all_problems = index in self.revealed
                page.show_problems(problems)  # a page not yet revealed shows those of the fields left

    def reveal(self, *indexes: int) -> None:
        """Show the problems of these pages (all pages when none is named) from now on."""
        self.revealed.update(indexes or range(len(self.pages)))
        self._validate_timer.start()

    def _left_page(self, _new_id: int) -> None:
        if self._shown_id >= 0:
            self.reveal(self._shown_id)
        self._shown_id = self.currentId()

    def _left_field(self, old, _new) -> None:
        """Leaving a field (Tab, a click elsewhere) shows its problems, typed in or left empty."""
        if old is None:
            return
        for index, page in enumerate(self.pages):
            if index not in self.revealed and isinstance(page, IncidentPage) and page.isAncestorOf(old):
                page.field_left(old)
                self._validate_timer.start()

    def _changed(self) -> None:
        self.dirty = True
        self._autosave_timer.start()
        self._validate_timer.start()

    def go_to_step(self, index: int) -> None:
        while self.currentId() > index:
            self.back()
        while self.currentId() < index:
            self.next()

    # ----------------------------------------------------------- autosave, save, submit
    def autosave_now(self) -> None:
        self._autosave_timer.stop()
        snapshot, store, owner = copy.deepcopy(self.current_incident()), self.store, self.actor().star
        # The form is this user's: kept under their star and offered back to them alone.
        self.runner.run(lambda: store.autosave(snapshot, owner), None, self._autosave_failed)

    def _autosave_failed(self, exc: BaseException) -> None:
        self._tell(self.tr("Autosave failed: %1").replace("%1", str(exc)))

    def _tell(self, text: str) -> None:
        self.last_message = text
        self.review_page.status.setText(text)

    def _stored(self, stored: Incident) -> None:
        """Take the store's new version and number without touching what is on the pages."""
        for name in ("version", "report_number", "created_at", "updated_at", "status", "history"):
            setattr(self.incident, name, getattr(stored, name))
        self.dirty = False
        self._update_title()

    def save_draft(self) -> None:
        self._autosave_timer.stop()
        self.revealed.update(range(len(self.pages)))  # the answer names the problems left: they are shown
        snapshot, store, actor = copy.deepcopy(self.current_incident()), self.store, self.actor()

        def done(stored: Incident) -> None:
            self._stored(stored)
            invalid = blocking_for_status(self.problems(), Status.DRAFT)
            note = self.tr(" It still has %1 problem(s) to fix.").replace("%1", str(len(invalid))) if invalid else ""
            self._tell(self.tr("Saved as draft %1.").replace("%1", stored.report_number or stored.id) + note)
            self.refresh_problems()
            self.saved.emit(stored)

        self.runner.run(lambda: store.save(snapshot, actor), done, self._save_failed)

    def _save_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ConflictError):
            text = self.tr("This incident was changed elsewhere since you opened it, so nothing was saved. "
                           "What you typed is still here and in the autosave: note your changes, close, reopen "
                           "the incident and enter them again.\n\n%1").replace("%1", str(exc))
        else:
            text = self.tr("The incident could not be saved. What you typed is still here.\n\n%1").replace(
                "%1", str(exc))
        self.autosave_now()
        self._tell(text)
        box = QMessageBox(QMessageBox.Icon.Warning, window_title(self.tr("Not saved")), text, parent=self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()  # window-modal, without a nested event loop

    def accept(self) -> None:
        """Finish = Submit for review: only when the validator finds nothing."""
        self.submit()

    def submit(self) -> None:
        self.revealed.update(range(len(self.pages)))
        blocking = blocking_for_status(self.problems(), Status.IN_REVIEW)
        if blocking:
            self.go_to_step(len(STEPS) - 1)
            self.refresh_problems()
            self._tell(self.tr("Not submitted: fix the problems listed above first (Save draft keeps your work)."))
            return
        snapshot, store, actor = copy.deepcopy(self.current_incident()), self.store, self.actor()

        def work() -> Incident:
            stored = store.save(snapshot, actor)
            return store.change_status(stored.id, Status.IN_REVIEW, actor, expected_version=stored.version)

        def done(stored: Incident) -> None:
            self._stored(stored)
            self.submitted.emit(stored)
            super(IncidentWizard, self).accept()

        self.runner.run(work, done, self._save_failed)

    def reject(self) -> None:
        self.current_incident()
        if self.dirty:
            answer = QMessageBox.question(
                self, window_title(self.tr("Unsaved changes")),
                self.tr("Save your changes as a draft before closing?"),
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
            if answer == QMessageBox.StandardButton.Cancel:
                return
            if answer == QMessageBox.StandardButton.Save:
                self.saved.connect(lambda _s: super(IncidentWizard, self).reject())
                self.save_draft()
                return
            self._autosave_timer.stop()
            incident_id, store, owner = self.incident.id, self.store, self.actor().star
            self.runner.run(lambda: store.discard_autosave(incident_id, owner))
        super().reject()
