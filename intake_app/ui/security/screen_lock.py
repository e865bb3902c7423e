"""Lock the app when the operating system locks the screen (review and station security).

The idle timer alone leaves a gap: someone locks the station PC after 2 minutes and walks off; a co-worker
who knows the Windows or desktop password then finds the records open for the rest of the idle time.
Qt has no portable "session locked" signal, so each platform is asked its own way:

- Linux and other D-Bus desktops: `ActiveChanged(true)` of the screen saver on the session bus
  (`org.freedesktop.ScreenSaver`, as KDE and other freedesktop screen savers send it; `org.gnome.ScreenSaver`,
  GNOME's), and logind's `org.freedesktop.login1.Session.Lock` on the system bus for this login session
  (`loginctl lock-session`, and desktops that lock through logind).
- Windows: `WTSRegisterSessionNotification` for the main window, then `WM_WTSSESSION_CHANGE` with
  `WTS_SESSION_LOCK` arrives among the window's native messages.
- macOS: no dependency-free way (the lock is a distributed notification that needs Objective-C
  blocks/pyobjc); the idle timer and the application becoming hidden still lock (SECURITY.md).

A missing bus or service is not an error: the watcher logs what it watches and the idle timer stays.
"""

from __future__ import annotations

import ctypes
import logging
import os
import sys

from PySide6.QtCore import SLOT, QAbstractNativeEventFilter, QCoreApplication, QObject, Signal, Slot

from ..common.application import qt_app

log = logging.getLogger(__name__)

SCREEN_SAVERS = ("org.freedesktop.ScreenSaver", "org.gnome.ScreenSaver")
LOGIND_SESSION = "org.freedesktop.login1.Session"
LOGIND_PATH = "/org/freedesktop/login1/session/"

WM_WTSSESSION_CHANGE = 0x02B1
WTS_SESSION_LOCK = 0x7
NOTIFY_FOR_THIS_SESSION = 0


def logind_session_path(session_id: str) -> str:
    """The object path logind gives a session id: like sd_bus_path_encode, every byte that is not a
    letter or digit, and a leading digit, becomes _xx (session "2" is .../session/_32)."""
    out = []
    for i, byte in enumerate(session_id.encode()):
        char = chr(byte)
        plain = char.isascii() and char.isalnum() and not (i == 0 and char.isdigit())
        out.append(char if plain else f"_{byte:02x}")
    return LOGIND_PATH + ("".join(out) or "_")


class ScreenLockWatcher(QObject):
    """Emits `screen_locked` when the operating system locks the screen. `stop()` before the window goes."""

    screen_locked = Signal()

    def __init__(self, window=None, parent: QObject | None = None, session_bus=None, system_bus=None):
        super().__init__(parent)
        self.watching: list[str] = []  # what this platform lets us watch: for the log and for tests
        self._subscriptions: list[tuple] = []
        self._native_filter: _WindowsSessionFilter | None = None
        self._hwnd: int | None = None
        if sys.platform == "win32":
            self._watch_windows(window)
        elif sys.platform != "darwin":
            self._watch_dbus(session_bus, system_bus)
        log.info("screen lock watched through: %s", ", ".join(self.watching) or "nothing (idle timer only)")

    # ------------------------------------------------------------------ D-Bus
    def _watch_dbus(self, session_bus, system_bus) -> None:
        from PySide6.QtDBus import QDBusConnection  # only where there is D-Bus

        session = session_bus if session_bus is not None else QDBusConnection.sessionBus()
        if session.isConnected():
            for interface in SCREEN_SAVERS:
                # Any sender and any path: KDE uses /ScreenSaver, GNOME /org/gnome/ScreenSaver; the session
                # bus is this user's own, so nobody else's screen saver can reach it.
                self._subscribe(session, "", interface, "ActiveChanged", SLOT("_active_changed(bool)"))
        session_id = os.environ.get("XDG_SESSION_ID", "")
        system = system_bus if system_bus is not None else (QDBusConnection.systemBus() if session_id else None)
        if session_id and system is not None and system.isConnected():
            # Only this login session's path: another user's session locking must not lock this one's app.
            self._subscribe(system, logind_session_path(session_id), LOGIND_SESSION, "Lock", SLOT("_lock()"))

    def _subscribe(self, bus, path: str, interface: str, name: str, slot) -> None:
        if bus.connect("", path, interface, name, self, slot):
            self._subscriptions.append((bus, path, interface, name, slot))
            self.watching.append(f"{interface}.{name}")
        else:
            log.warning("cannot watch %s.%s: %s", interface, name, bus.lastError().message())

    @Slot(bool)
    def _active_changed(self, active: bool) -> None:
        if active:  # the screen saver ending (false) is the user coming back: the app stays locked
            self.screen_locked.emit()

    @Slot()
    def _lock(self) -> None:
        self.screen_locked.emit()

    # ------------------------------------------------------------------ Windows
    def _watch_windows(self, window) -> None:
        # Said again for the type checker (called on Windows only): ctypes.windll exists only there.
        if sys.platform != "win32" or window is None:
            return
        self._native_filter = _WindowsSessionFilter(self.screen_locked.emit)
        qt_app().installNativeEventFilter(self._native_filter)
        self._hwnd = int(window.winId())
        if ctypes.windll.wtsapi32.WTSRegisterSessionNotification(ctypes.c_void_p(self._hwnd),
                                                                 NOTIFY_FOR_THIS_SESSION):
            self.watching.append("WTS_SESSION_LOCK")
        else:
            log.warning("WTSRegisterSessionNotification failed: %s", ctypes.GetLastError())

    # ------------------------------------------------------------------
    def stop(self) -> None:
        for bus, path, interface, name, slot in self._subscriptions:
            bus.disconnect("", path, interface, name, self, slot)
        self._subscriptions = []
        if self._native_filter is not None:
            app = QCoreApplication.instance()
            if app is not None:
                app.removeNativeEventFilter(self._native_filter)
            if sys.platform == "win32" and self._hwnd is not None:  # set on Windows only
                ctypes.windll.wtsapi32.WTSUnRegisterSessionNotification(ctypes.c_void_p(self._hwnd))
            self._native_filter = None
        self.watching = []


class _WindowsSessionFilter(QAbstractNativeEventFilter):
    """Looks at each native Windows message for the session-lock notification; never swallows one."""

    def __init__(self, on_lock):
        super().__init__()
        self._on_lock = on_lock

    def nativeEventFilter(self, event_type, message):
        address = int(message)  # PySide6 hands the MSG pointer over as a VoidPtr
        if bytes(event_type) == b"windows_generic_MSG" and address:
            from ctypes import wintypes

            msg = wintypes.MSG.from_address(address)
            if msg.message == WM_WTSSESSION_CHANGE and msg.wParam == WTS_SESSION_LOCK:
                self._on_lock()
        return False, 0
