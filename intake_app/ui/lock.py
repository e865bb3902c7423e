"""Idle lock (issue 6): after a configurable idle time the app's windows are hidden behind a lock screen
that needs the signed-in user's passphrase. Windows are hidden, never closed, so an open wizard and its
unsaved fields survive. The screen lock of the operating system locks it too (screen_lock.py), as does
the application becoming hidden/suspended. The passphrase check (scrypt) runs on the task runner.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from .passphrase_check import refusal_text, set_checking
from .sign_in import sign_in
from .tasks import TaskRunner

DEFAULT_IDLE_MINUTES = 10
INPUT_EVENTS = (QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel)


def idle_minutes() -> int:
    return int(QSettings().value("security/idle_minutes", DEFAULT_IDLE_MINUTES))


def set_idle_minutes(minutes: int) -> None:
    QSettings().setValue("security/idle_minutes", max(1, int(minutes)))


class LockScreen(QWidget):
    def __init__(self, lock: IdleLock):
        super().__init__(None, Qt.WindowType.Window)
        self.lock = lock
        self.checking = False
        self.setWindowTitle(self.tr("Intake is locked"))
        self.setObjectName("lock_screen")
        self.who = QLabel()
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.passphrase.returnPressed.connect(self.unlock)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.button = QPushButton(self.tr("&Unlock"))
        self.button.clicked.connect(self.unlock)
        layout = QVBoxLayout(self)
        layout.addWidget(self.who)
        layout.addWidget(self.passphrase)
        layout.addWidget(self.message)
        layout.addWidget(self.button)

    def unlock(self) -> None:
        if self.checking:  # Enter pressed again during the check: one try, not two
            return
        set_checking(self, True, (self.passphrase,), self.button)
        store, star, passphrase = self.lock.store, self.lock.actor.star, self.passphrase.text()
        self.lock.runner.run(lambda: sign_in(store, star, passphrase), self._accepted, self._refused)

    def _accepted(self, _actor) -> None:
        set_checking(self, False, (self.passphrase,), self.button)
        self.passphrase.clear()
        self.lock.unlock()

    def _refused(self, exc: BaseException) -> None:
        set_checking(self, False, (self.passphrase,), self.button)
        self.message.setText(refusal_text(exc))
        self.passphrase.clear()
        self.passphrase.setFocus()


class IdleLock(QObject):
    def __init__(self, store, actor, minutes: int | None = None, parent: QObject | None = None, runner=None,
                 watch_input: bool = True):
        """`watch_input=False`: the timer runs, but input restarts it only once `watch_input()` is called. The
        app calls it once its window is on screen: an application-wide event filter makes PySide set up every
        Qt class's Python type the first time it meets an object of a class of Qt's own (7 ms of start-up)."""
        super().__init__(parent)
        self.store, self.actor = store, actor
        self.runner = runner or TaskRunner(self)
        self.locked = False
        self._hidden: list[QWidget] = []
        self._screen: LockScreen | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        self.set_minutes(minutes if minutes is not None else idle_minutes())
        app = QApplication.instance()
        app.applicationStateChanged.connect(self._state_changed)
        if watch_input:
            self.watch_input()

    def watch_input(self) -> None:
        """From now on every key press, click or wheel turn anywhere in the app restarts the idle timer."""
        QApplication.instance().installEventFilter(self)

    @property
    def screen(self) -> LockScreen:
        """Built the first time it is needed, not with the first window (issue 8: start-up)."""
        if self._screen is None:
            self._screen = LockScreen(self)
        return self._screen

    def set_minutes(self, minutes: float) -> None:
        self.timer.setInterval(int(minutes * 60_000))
        self.timer.start()

    def stop(self) -> None:
        """The window is gone: stop watching the application's input."""
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.timer.stop()

    def eventFilter(self, watched, event) -> bool:
        # getattr: Qt may call the filter while Python tears the object down
        if not getattr(self, "locked", True) and event.type() in INPUT_EVENTS:
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
        self.screen.who.setText(self.tr("Locked. %1 (star %2), type your passphrase to continue.")
                                .replace("%1", self.actor.name).replace("%2", self.actor.star))
        self.screen.show()
        self.screen.passphrase.setFocus()

    def unlock(self) -> None:
        self.screen.hide()
        for widget in self._hidden:
            widget.show()
        self._hidden = []
        self.locked = False
        self.timer.start()
