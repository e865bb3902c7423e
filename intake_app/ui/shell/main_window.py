"""The main window: a shell of menus, a tab per screen ("Incidents" first) and a status bar.

Features plug in without editing this file's internals:

    window.add_screen("Dashboard", DashboardScreen(window.store_handle, window.runner))   # a new tab
    window.add_menu_action("&Tools", "&Verify footage…", handler, "Ctrl+Shift+V")   # a menu entry

Both are called by the features' `install_ui(window)`, listed in order in shell/features.py (FEATURES), once
the window is built. Opened incidents appear as tabs that can be closed; their content comes from
incident_view (with its own registry of feature tabs).

The window may be built and shown before its store is open (ui/shell/startup.py): `window.store_handle` is what is
built before the first paint keeps (it asks for the store only on the database worker); `window.store` is the
opened store, for what is built later (it waits for the opening).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from concurrent.futures import Future
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QTabWidget, QWidget

from ...domain.actor import Actor
from ...domain.enums import Status
from ...domain.settings import StationSettings
from ...security.session import Session
from ...storage.queries import IncidentSummary
from ..common.screen_fit import resize_within_screen
from ..common.tasks import TaskRunner
from ..incidents.incident_list import IncidentListScreen
from ..incidents.incident_tabs import IncidentContext
from . import appearance, startup_probe
from .branding import window_title
from .first_paint import when_painted
from .startup import StoreHandle, store_handle

if TYPE_CHECKING:
    # Imported by the methods that show one: PySide sets up QMessageBox's class (its many enums) when it is
    # first imported, 1.5 ms that the first window does not need (start-up speed).
    from PySide6.QtWidgets import QMessageBox

    from ...domain.records import Incident
    from ...storage.repository import IncidentStore
    from ..common.live_views import StoreChanges
    from ..dashboard.dashboard import DashboardScreen
    from ..evidence.preservation_screen import PreservationScreen
    from ..incidents.receipt_offer import ReceiptOffer
    from ..review.review_queue import ReviewQueue
    from ..security.lock import IdleLock
    from ..security.screen_lock import ScreenLockWatcher
    from ..security.settings_dialog import SettingsDialog
    from ..security.users_dialog import UsersDialog
    from ..sync.sync_status import SyncController
    from ..wizard import IncidentWizard
    from .lazy_screen import LazyScreen

GEOMETRY_KEY = "main_window/geometry"


class MainWindow(QMainWindow):
    wizard_opened = Signal(object)  # the IncidentWizard, for features that follow its saves
    closed = Signal()  # the window accepted closing (Quit, sign out, another user took over): the app goes on

    def __init__(self, store: IncidentStore | StoreHandle, runner: TaskRunner | None = None,
                 data_dir: Path | None = None, parent: QWidget | None = None, *,
                 settings: StationSettings | None = None,
                 first_page: list[IncidentSummary] | Future[list[IncidentSummary]] | None = None,
                 session: Session | None = None):
        """`store`: the opened store, or the handle of one still being opened (startup.py).
        `session`: who signed in (none: the station's supervisor of a station without users).
        `settings`, `first_page`: already read (the start-up's first look, start-up speed), so the window can be
        shown while the store is still being opened; else asked of the store. `first_page` may still be being
        read (a Future, on the opening thread, while this window is built): its rows are shown before the
        window is."""
        super().__init__(parent)
        self._before_screen: list[Callable[[], None]] | None = []  # None once the window has been painted
        self._page_to_come = first_page if isinstance(first_page, Future) else None
        self.store_handle = store_handle(store)
        self.runner = runner or TaskRunner(self)
        self.data_dir = data_dir or Path(".")
        # Small and needed at once; refreshed after the dialog. Asked of the store only when it is open (no look).
        self.settings = settings or self.store.settings()
        self.session = session or Session.nobody_signed_in(self.settings)
        self.wizard: IncidentWizard | None = None
        self.switch_to: Actor | None = None  # set when another user signed in on the lock screen
        self.sign_in_next = False  # set by Sign out: the app shows the sign-in again once this window is closed
        # What the features (features.py, and security_feature) keep on the window, declared here so the
        # window says what it holds (None until the feature sets it, or for a session without it).
        self.idle_lock: IdleLock | None = None
        self.screen_lock: ScreenLockWatcher | None = None
        self.review_queue: ReviewQueue | None = None  # reviewers only
        self.users_dialog: UsersDialog | None = None  # administrators only
        self.returns_notice: QMessageBox | None = None
        self.receipt_offer: ReceiptOffer | None = None
        self.dashboard: DashboardScreen | None = None  # built when its tab is first opened
        self.preservation_tab: LazyScreen[PreservationScreen] | None = None
        self.sync_controller: SyncController | None = None
        self.store_changes: StoreChanges | None = None
        self.setWindowTitle(window_title())
        self._menus: dict[str, QMenu] = {}

        self.tabs = QTabWidget()
        self.tabs.setTabsClosable(True)
        self.tabs.tabCloseRequested.connect(self._close_tab)
        self.setCentralWidget(self.tabs)
        self.incidents = IncidentListScreen(self.store_handle, self.runner)
        self.incidents.open_requested.connect(self.open_incident)
        self.incidents.loaded.connect(lambda _n: self.refresh_count())
        self.add_screen(self.tr("&Incidents"), self.incidents, closable=False)
        self.count_label = QLabel()  # short: shown whole; the longer sync and sign-in texts give way (elided)
        self.statusBar().addPermanentWidget(self.count_label)
        if isinstance(first_page, list):
            self.incidents.show_rows(first_page)
        elif first_page is None:  # asked first, so the database worker answers it while the window is built
            self.incidents.refresh()

        file_menu = self.menu(self.tr("&File"))
        self.new_action = self.add_menu_action(self.tr("&File"), self.tr("&New incident…"), self.new_incident,
                                               QKeySequence.StandardKey.New)
        self.add_menu_action(self.tr("&File"), self.tr("&Open selected"), self._open_selected,
                             QKeySequence.StandardKey.Open)
        self.add_menu_action(self.tr("&File"), self.tr("&Delete draft…"), self.delete_selected_draft)
        file_menu.addSeparator()
        self.add_menu_action(self.tr("&File"), self.tr("&Settings…"), self.open_settings)
        file_menu.addSeparator()
        self.add_menu_action(self.tr("&File"), self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        self.add_menu_action(self.tr("&Help"), self.tr("&About Intake"), self.show_about)
        self.menu(self.tr("Vie&w")).addAction(appearance.high_contrast_action(self))

        # Imported here, not at the top: the features load as the window is built (start-up speed).
        from .features import install_features

        install_features(self)
        geometry = QSettings().value(GEOMETRY_KEY)
        # A saved geometry Qt cannot restore (written by another Qt or platform, or damaged) left the window
        # at its smallest; then it gets the default size, as on the first start.
        if geometry is None or not self.restoreGeometry(geometry):
            resize_within_screen(self, 1280, 720)  # 200% text: a 1366x768 screen is 683x384
        # Watched from here on, not during the building above: each of its hundreds of events would have been
        # handed to Python.
        when_painted(self, self._on_screen)
        startup_probe.arm(self, self.incidents.model)  # Start-up speed benchmark: no-op unless INTAKE_STARTUP_PROBE is set

    def showEvent(self, event) -> None:
        if self._page_to_come is not None:
            page, self._page_to_come = self._page_to_come, None
            try:
                self.incidents.show_rows(page.result())
            except Exception:  # noqa: BLE001 - the first look could not read it: the store lists it (or says why)
                self.incidents.refresh()
        super().showEvent(event)

    @property
    def store(self) -> IncidentStore:
        """The opened store: waits for the opening (see `store_handle` for what runs before it)."""
        return self.store_handle.store

    # ---------------------------------------------------------------- registration points
    def add_screen(self, title: str, widget: QWidget, closable: bool = True) -> int:
        index = self.tabs.addTab(widget, title)
        if not closable:
            for side in (self.tabs.tabBar().ButtonPosition.RightSide, self.tabs.tabBar().ButtonPosition.LeftSide):
                self.tabs.tabBar().setTabButton(index, side, None)
        return index

    def when_on_screen(self, work: Callable[[], None]) -> None:
        """Run `work` once the window has been painted for the first time (at once if it has been): what the
        first screen does not need waits for it, so the window appears sooner (start-up speed)."""
        if self._before_screen is None:
            work()
        else:
            self._before_screen.append(work)

    def _on_screen(self) -> None:
        waiting, self._before_screen = self._before_screen or [], None
        for work in waiting:
            work()

    def menu(self, title: str) -> QMenu:
        if title not in self._menus:
            self._menus[title] = self.menuBar().addMenu(title)
        return self._menus[title]

    def add_menu_action(self, menu: str, text: str, handler: Callable[[], object], shortcut=None) -> QAction:
        """`handler`'s answer (the dialog it opened...) is not used."""
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: handler())
        self.menu(menu).addAction(action)
        return action

    # ---------------------------------------------------------------- actions
    def actor(self) -> Actor:
        """Who makes this window's changes: the session's user (for a window nobody signed in to, the station
        settings' supervisor: tests, a station from before users existed)."""
        return self.session.actor

    def show_about(self) -> None:
        from .about_dialog import (
            show_about,  # reads the version from pyproject.toml: on first use (start-up speed)
        )

        show_about(self)

    def refresh_count(self) -> None:
        handle = self.store_handle  # asked for on the worker: the first page's rows come before the store is open
        self.runner.run(lambda: handle.store.count(), lambda n: self.count_label.setText(
            self.tr("%1 incident(s) on this computer").replace("%1", str(n))))

    def new_incident(self) -> IncidentWizard:
        from datetime import datetime
        from zoneinfo import ZoneInfo

        # Here, not at the top: the first window needs no record's classes (start-up).
        from ...domain.records import Incident, Supervisor

        who = self.actor()  # the record names who entered it: the signed-in user, not a name in Settings
        incident = Incident(district=self.settings.district, supervisor=Supervisor(who.name, who.star))

        incident.occurred_at = datetime.now(ZoneInfo(incident.timezone)).replace(second=0, microsecond=0)
        return self.open_wizard(incident)

    def open_wizard(self, incident: Incident) -> IncidentWizard:
        from ..wizard import IncidentWizard  # on the first new or edited incident, not at start-up

        wizard = IncidentWizard(self.store, self.runner, incident, self.actor, self)
        wizard.saved.connect(lambda _s: self.incidents.refresh())
        wizard.submitted.connect(lambda _s: self.incidents.refresh())
        wizard.submitted.connect(self.offer_receipt)
        wizard.finished.connect(lambda _r: self.incidents.refresh())
        self.wizard = wizard
        self.wizard_opened.emit(wizard)
        wizard.show()
        return wizard

    def offer_receipt(self, incident: Incident):
        """After a submit: the report number, and the reporting party's receipt in their language."""
        from ..incidents.receipt_offer import offer_receipt

        return offer_receipt(self, incident)

    def _open_selected(self) -> None:
        incident_id = self.incidents.selected_id()
        if incident_id:
            self.open_incident(incident_id)

    def open_incident(self, incident_id: str) -> None:
        handle = self.store_handle  # a row of the first page may be opened before the store is
        self.runner.run(lambda: handle.store.get(incident_id), self._show_incident, self._failed)

    def _show_incident(self, incident: Incident, focus: bool = True) -> None:
        """The incident's tab, replacing an open one of the same incident in its place. `focus=False`: a
        refresh after a change; the tab the user is on stays the current one."""
        from ..incidents.incident_view import (
            IncidentView,  # on the first incident opened, not at start-up (start-up speed)
        )

        current = self.tabs.currentIndex()
        place = None
        for i in range(self.tabs.count()):
            widget = self.tabs.widget(i)
            if isinstance(widget, IncidentView) and widget.context.incident.id == incident.id:
                was_current = i == current
                self.tabs.removeTab(i)
                widget.deleteLater()
                place = i
                break
        view = IncidentView(IncidentContext(self.store, self.runner, incident, self.session, self))
        view.edit_requested.connect(lambda _id: self.open_wizard(copy.deepcopy(view.context.incident)))
        title = incident.report_number or self.tr("Incident")
        if place is None:
            index = self.add_screen(title, view)
        else:
            index = self.tabs.insertTab(place, view, title)
        if focus or (place is not None and was_current):
            self.tabs.setCurrentIndex(index)
        else:
            self.tabs.setCurrentIndex(current)

    def open_incident_views(self) -> list[str]:
        from ..incidents.incident_view import IncidentView

        return [w.context.incident.id for w in (self.tabs.widget(i) for i in range(self.tabs.count()))
                if isinstance(w, IncidentView)]

    def reload_incident_views(self, ids: set[str]) -> None:
        """Open incident tabs whose record changed show its new version (and Edit starts from it)."""
        handle = self.store_handle

        def show(incident: Incident | None) -> None:
            if incident is not None:  # deleted meanwhile (a draft): its tab stays as it was
                self._show_incident(incident, focus=False)

        def find(incident_id: str) -> Incident | None:
            return handle.store.find(incident_id)

        for incident_id in self.open_incident_views():
            if incident_id in ids:
                self.runner.run(partial(find, incident_id), show)

    def _close_tab(self, index: int) -> None:
        if index > 0:
            widget = self.tabs.widget(index)
            self.tabs.removeTab(index)
            if widget is not None:
                widget.deleteLater()

    def delete_selected_draft(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        row = self.incidents.table.currentIndex()
        if not row.isValid():
            return
        summary = self.incidents.model.row_at(row.row())
        if summary is None:
            return
        if summary.status != Status.DRAFT:
            QMessageBox.information(self, window_title(self.tr("Delete draft")),
                                    self.tr("Only drafts can be deleted."))
            return
        answer = QMessageBox.question(self, window_title(self.tr("Delete draft")),
                                      self.tr("Delete draft %1? This cannot be undone.").replace(
                                          "%1", summary.report_number or summary.id))
        if answer == QMessageBox.StandardButton.Yes:
            handle, actor = self.store_handle, self.actor()
            self.runner.run(lambda: handle.store.delete_draft(summary.id, actor), lambda _r: self.incidents.refresh(),
                            self._failed)

    def open_settings(self) -> SettingsDialog:
        from ..security.settings_dialog import SettingsDialog  # on first use (start-up)

        dialog = SettingsDialog(self.settings, self.data_dir, self)
        dialog.accepted.connect(lambda: self._save_settings(dialog.result_settings()))
        dialog.open()
        return dialog

    def _save_settings(self, settings: StationSettings) -> None:
        handle = self.store_handle

        language_changed = settings.language != self.settings.language

        def done(_r) -> None:
            self.settings = settings
            if not self.session.signed_in:  # the settings' supervisor is who makes the changes
                self.session = Session.nobody_signed_in(settings)
            if language_changed:
                self.offer_restart()

        from ...security.station import save_station_settings

        actor = self.actor()
        self.runner.run(lambda: save_station_settings(handle.store, actor, settings), done, self._failed)

    def offer_restart(self) -> QMessageBox:
        """A new language shows from the next start: say so plainly and offer to restart now."""
        from PySide6.QtWidgets import QMessageBox

        from .restart import restart

        box = QMessageBox(QMessageBox.Icon.Information, window_title(self.tr("Language")),
                          self.tr("The new language is used from the next start of Intake. Restart now? "
                                  "An open incident is not lost: you are asked to save it first."), parent=self)
        now = box.addButton(self.tr("&Restart now"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("&Later"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(now)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(lambda button: restart(self) if button is now else None)
        self.restart_offer = box
        box.open()  # window-modal, without a nested event loop
        return box

    def offer_autosaves(self) -> None:
        """After a crash: each unsaved form the signed-in user typed is offered for restoring (another user's
        form, with a reporting party they may not see, never is)."""
        handle, owner = self.store_handle, self.actor().star
        self.runner.run(lambda: handle.store.autosaves(owner), self._offer)  # shown at once: maybe still opening

    def _offer(self, found) -> None:
        from PySide6.QtWidgets import QMessageBox

        for saved_at, incident in found:
            from ..common.i18n import format_datetime

            box = QMessageBox(QMessageBox.Icon.Question, window_title(self.tr("Unsaved incident")),
                              self.tr("An unsaved incident from %1 was found (%2).").replace(
                                  "%1", format_datetime(saved_at)).replace(
                                  "%2", incident.report_number or self.tr("never saved")), parent=self)
            restore = box.addButton(self.tr("&Restore"), QMessageBox.ButtonRole.AcceptRole)
            box.addButton(self.tr("&Discard"), QMessageBox.ButtonRole.DestructiveRole)
            box.setDefaultButton(restore)
            box.exec()
            if box.clickedButton() is restore:
                wizard = self.open_wizard(incident)
                wizard.dirty = True
            else:
                store, owner = self.store, self.actor().star
                self.runner.run(partial(store.discard_autosave, incident.id, owner))

    def _failed(self, exc: BaseException) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(self, window_title(self.tr("Error")), str(exc))

    def closeEvent(self, event) -> None:
        if self.wizard is not None and self.wizard.isVisible():
            self.wizard.close()
            if self.wizard.isVisible():
                event.ignore()
                return
        QSettings().setValue(GEOMETRY_KEY, self.saveGeometry())
        from PySide6.QtWidgets import QMessageBox

        for box in self.findChildren(QMessageBox):  # a notice over this window (receipt, returns) goes with it
            if box.isVisible():
                box.done(0)
        super().closeEvent(event)
        self.closed.emit()
