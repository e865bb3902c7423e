"""Idle lock (review and station security): after a configurable idle time the app's windows are hidden behind a lock screen
that needs the signed-in user's passphrase. Windows are hidden, never closed, so an open wizard and its
unsaved fields survive. The screen lock of the operating system locks it too (screen_lock.py), as does
the application becoming hidden/suspended. The passphrase check (scrypt) runs on the task runner.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ..common.application import qt_app
from ..common.tasks import TaskRunner
from ..shell.startup import StoreHandle, store_handle
from .passphrase_check import passphrase_field, refusal_text, set_checking
from .sign_in import sign_in

if TYPE_CHECKING:
    from ...domain.actor import Actor
    from ...storage.repository import IncidentStore

DEFAULT_IDLE_MINUTES = 10
INPUT_EVENTS = (QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel)


def _application() -> QApplication:
    """The app's QApplication (a lock exists only in a running app)."""
    return qt_app()


def idle_minutes() -> int:
    """Until the station's own time is read from the store (security.station; the window asks for it)."""
    return DEFAULT_IDLE_MINUTES


class LockScreen(QWidget):
    """The signed-in user's passphrase unlocks; "Sign in as another user" asks for a star number too and hands
    the station over (IdleLock.switch_requested). Closing this window never quits the app: what is open behind
    it (an unsaved wizard) would go without its "Save your changes?" prompt."""

    def __init__(self, lock: IdleLock):
        super().__init__(None, Qt.WindowType.Window)
        self.lock = lock
        self.checking = False
        self.setWindowTitle(self.tr("Intake is locked"))
        self.setObjectName("lock_screen")
        self.who = QLabel()
        self.who.setWordWrap(True)
        self.star = QLineEdit()
        self.star.setObjectName("lock_star")
        self.star.setAccessibleName(self.tr("Star number"))
        self.star.returnPressed.connect(lambda: self.passphrase.setFocus())
        self.star_label = QLabel(self.tr("&Star number"))
        self.star_label.setBuddy(self.star)
        self.passphrase: QLineEdit = passphrase_field(self.tr("Passphrase"))
        self.passphrase.returnPressed.connect(self.unlock)
        self.another = False
        passphrase_label = QLabel(self.tr("&Passphrase"))
        passphrase_label.setBuddy(self.passphrase)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.button = QPushButton(self.tr("&Unlock"))
        self.button.clicked.connect(self.unlock)
        self.other_user = QPushButton(self.tr("Sign in as &another user"))
        self.other_user.clicked.connect(lambda: self.ask_for_another_user(not self.another))
        layout = QVBoxLayout(self)
        layout.addWidget(self.who)
        layout.addWidget(self.star_label)
        layout.addWidget(self.star)
        layout.addWidget(passphrase_label)
        layout.addWidget(self.passphrase)
        layout.addWidget(self.message)
        layout.addWidget(self.button)
        layout.addWidget(self.other_user)
        self.setMinimumWidth(460)  # the sentence above the fields reads in a few lines, not a narrow column
        self.ask_for_another_user(False)

    def ask_for_another_user(self, other: bool) -> None:
        """Whether this screen signs in someone else (star number and passphrase) or unlocks for the
        signed-in user (passphrase only)."""
        self.another = other
        self.star.setVisible(other)
        self.star_label.setVisible(other)
        self.other_user.setText(self.tr("&Back: unlock as %1").replace("%1", self.lock.actor.name) if other
                                else self.tr("Sign in as &another user"))
        self.star.clear()
        self.passphrase.clear()
        self.message.clear()
        self.button.setText(self.tr("Sign &in") if other else self.tr("&Unlock"))
        actor = self.lock.actor
        if other:
            self.who.setText(self.tr("Locked. Sign in with your star number and passphrase. What %1 left open "
                                     "is kept for them as an unsaved form, which they get back when they sign "
                                     "in again.").replace("%1", actor.name))
            self.star.setFocus()
        else:
            self.who.setText(self.tr("Locked. %1, type your passphrase to continue.").replace("%1", actor.name))
            self.passphrase.setFocus()
        self.adjustSize()

    def unlock(self) -> None:
        if self.checking:  # Enter pressed again during the check: one try, not two
            return
        fields = (self.star, self.passphrase)
        set_checking(self, True, fields, self.button)
        star = self.star.text().strip() if self.another else self.lock.actor.star
        handle, passphrase = self.lock.store_handle, self.passphrase.text()
        self.lock.runner.run(lambda: sign_in(handle.store, star, passphrase), self._accepted, self._refused)

    def _accepted(self, actor) -> None:
        set_checking(self, False, (self.star, self.passphrase), self.button)
        self.passphrase.clear()
        if actor.star == self.lock.actor.star:
            self.ask_for_another_user(False)
            self.lock.unlock()
        else:
            self.lock.switch_to(actor)

    def _refused(self, exc: BaseException) -> None:
        set_checking(self, False, (self.star, self.passphrase), self.button)
        self.message.setText(refusal_text(exc))
        self.passphrase.clear()
        self.passphrase.setFocus()

    def closeEvent(self, event) -> None:
        if self.lock.quitting:  # the app itself is ending (Qt's quit closes every window first): let it
            super().closeEvent(event)
            return
        event.ignore()  # the close button or Alt+F4: the app would end without asking about unsaved work
        self.message.setText(self.tr("Unlock first to close Intake: you are then asked about unsaved work."))


class IdleLock(QObject):
    switch_requested = Signal(object)  # the Actor who signed in on the lock screen instead of the locked user

    def __init__(self, store: IncidentStore | StoreHandle, actor: Actor, minutes: float | None = None,
                 parent: QObject | None = None, runner: TaskRunner | None = None, watch_input: bool = True):
        """Built with the first window, maybe before its store is open: the store is asked for on the worker.
        `watch_input=False`: the timer runs, but input restarts it only once `watch_input()` is called. The
        app calls it once its window is on screen: an application-wide event filter makes PySide set up every
        Qt class's Python type the first time it meets an object of a class of Qt's own (7 ms of start-up)."""
        super().__init__(parent)
        self.store_handle, self.actor = store_handle(store), actor
        self.runner = runner or TaskRunner(self)
        self.locked = False
        self.quitting = False  # the application is ending: the lock screen no longer refuses to close
        self._hidden: list[QWidget] = []
        self._screen: LockScreen | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        self.set_minutes(minutes if minutes is not None else idle_minutes())
        _application().applicationStateChanged.connect(self._state_changed)
        self._state_watched = True
        if watch_input:
            self.watch_input()

    def watch_input(self) -> None:
        """From now on every key press, click or wheel turn anywhere in the app restarts the idle timer."""
        _application().installEventFilter(self)

    @property
    def screen(self) -> LockScreen:
        """Built the first time it is needed, not with the first window (start-up)."""
        if self._screen is None:
            self._screen = LockScreen(self)
        return self._screen

    def set_minutes(self, minutes: float) -> None:
        self.timer.setInterval(int(minutes * 60_000))
        self.timer.start()

    def stop(self) -> None:
        """The window is gone: stop watching the application's input; the lock screen goes with it."""
        app = QApplication.instance()
        if isinstance(app, QApplication):  # None: the app has ended already
            app.removeEventFilter(self)
            if self._state_watched:  # nothing of this lock may run while Qt and Python tear down at exit
                app.applicationStateChanged.disconnect(self._state_changed)
                self._state_watched = False
        self.timer.stop()
        if self._screen is not None and shiboken6.isValid(self._screen):
            self._screen.hide()
            self._screen.deleteLater()
        self._screen = None

    def eventFilter(self, watched, event) -> bool:
        # getattr: Qt may call the filter while Python tears the object down
        kind = event.type()
        if kind == QEvent.Type.Quit:
            self.quitting = True  # the lock screen then lets the quit close it
        elif not getattr(self, "locked", True) and kind in INPUT_EVENTS:
            self.timer.start()
        return False

    def _state_changed(self, state) -> None:
        if state in (Qt.ApplicationState.ApplicationHidden, Qt.ApplicationState.ApplicationSuspended):
            self.lock()

    def lock(self) -> None:
        if self.locked:
            return
        self.locked = True
        self._hidden = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not self.screen]
        for widget in self._hidden:
            widget.hide()
        self.screen.ask_for_another_user(False)
        self.screen.show()
        self.screen.activateWindow()
        self.screen.passphrase.setFocus()

    def unlock(self) -> None:
        self.screen.hide()
        # Windows first, then the dialogs over them (a dialog's owner before the dialog), as they were.
        hidden = [w for w in self._hidden if shiboken6.isValid(w)]
        for widget in sorted(hidden, key=_depth):
            widget.show()
        if hidden:
            top = max(hidden, key=_depth)
            top.raise_()
            top.activateWindow()
        self._hidden = []
        self.locked = False
        self.timer.start()

    def hidden_windows(self) -> list[QWidget]:
        return list(self._hidden)

    def forget_hidden(self) -> None:
        """The station was handed to another user: the locked user's windows are never shown again."""
        self._hidden = []
        self.locked = False

    def switch_to(self, actor) -> None:
        """Another user signed in on the lock screen: the window hands the station over to them
        (security_feature). The hidden windows stay hidden: they are the locked user's."""
        self.switch_requested.emit(actor)


def _depth(widget: QWidget) -> int:
    depth, parent = 0, widget.parentWidget()
    while parent is not None:
        depth, parent = depth + 1, parent.parentWidget()
    return depth
