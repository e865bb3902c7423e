"""When the operating system locks the screen, the app locks too, and what was typed survives. Tested on a
real, private D-Bus session bus: the signal is sent by `gdbus emit` exactly as a desktop's screen saver would."""

from __future__ import annotations

import ctypes
import json
import os
import subprocess
import sys
import uuid
from ctypes import wintypes
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray
from PySide6.QtDBus import QDBusConnection

from intake_app.ui.security.screen_lock import (
    WM_WTSSESSION_CHANGE,
    WTS_SESSION_LOCK,
    ScreenLockWatcher,
    _WindowsSessionFilter,
    logind_session_path,
)

ROOT = Path(__file__).resolve().parents[2]
WTS_SESSION_UNLOCK = 0x8


@pytest.fixture
def private_bus():
    """A session bus of our own (never the desktop's), stopped after the test."""
    daemon = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address=1"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    address = daemon.stdout.readline().strip()
    assert address.startswith("unix:"), address
    yield address
    daemon.terminate()
    daemon.wait(timeout=5)


@pytest.fixture
def bus_connection(private_bus):
    name = f"intake-test-{uuid.uuid4().hex}"
    connection = QDBusConnection.connectToBus(private_bus, name)
    assert connection.isConnected(), connection.lastError().message()
    yield connection
    QDBusConnection.disconnectFromBus(name)


def emit(address: str, path: str, signal: str, *args: str) -> None:
    env = {**os.environ, "DBUS_SESSION_BUS_ADDRESS": address}
    subprocess.run(["gdbus", "emit", "--session", "--object-path", path, "--signal", signal, *args],
                   env=env, check=True, timeout=10)


@pytest.fixture
def locks(bus_connection, monkeypatch):
    """A watcher on the private bus (standing in for both the session and the system bus) and what it saw."""
    monkeypatch.setenv("XDG_SESSION_ID", "2")
    watcher = ScreenLockWatcher(session_bus=bus_connection, system_bus=bus_connection)
    seen: list[str] = []
    watcher.screen_locked.connect(lambda: seen.append("locked"))
    yield watcher, seen
    watcher.stop()


def test_the_freedesktop_and_gnome_screen_savers_lock_it_when_they_start(qtbot, private_bus, locks):
    watcher, seen = locks
    assert {"org.freedesktop.ScreenSaver.ActiveChanged", "org.gnome.ScreenSaver.ActiveChanged",
            "org.freedesktop.login1.Session.Lock"} <= set(watcher.watching)
    emit(private_bus, "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver.ActiveChanged", "true")
    qtbot.waitUntil(lambda: seen == ["locked"], timeout=5000)
    emit(private_bus, "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver.ActiveChanged", "true")
    qtbot.waitUntil(lambda: seen == ["locked", "locked"], timeout=5000)


def test_the_screen_saver_ending_does_not_count_as_a_lock(qtbot, private_bus, locks):
    _watcher, seen = locks
    emit(private_bus, "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver.ActiveChanged", "false")
    # Signals arrive in the order sent: once the later lock is seen, the earlier "false" has been handled.
    emit(private_bus, "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver.ActiveChanged", "true")
    qtbot.waitUntil(lambda: seen != [], timeout=5000)
    assert seen == ["locked"]


def test_logind_locks_it_for_this_login_session_only(qtbot, private_bus, locks):
    _watcher, seen = locks
    emit(private_bus, logind_session_path("7"), "org.freedesktop.login1.Session.Lock")  # someone else's
    emit(private_bus, logind_session_path("2"), "org.freedesktop.login1.Session.Lock")  # ours
    qtbot.waitUntil(lambda: seen != [], timeout=5000)
    assert seen == ["locked"]


def test_after_stop_nothing_is_watched_any_more(qtbot, private_bus, bus_connection):
    stopped = ScreenLockWatcher(session_bus=bus_connection, system_bus=bus_connection)
    watching = ScreenLockWatcher(session_bus=bus_connection, system_bus=bus_connection)
    seen: list[str] = []
    stopped.screen_locked.connect(lambda: seen.append("stopped one"))
    watching.screen_locked.connect(lambda: seen.append("live one"))
    stopped.stop()
    emit(private_bus, "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver.ActiveChanged", "true")
    qtbot.waitUntil(lambda: seen != [], timeout=5000)
    watching.stop()
    assert seen == ["live one"] and stopped.watching == []


def test_logind_paths_are_encoded_like_logind_does():
    assert logind_session_path("2") == "/org/freedesktop/login1/session/_32"
    assert logind_session_path("c1") == "/org/freedesktop/login1/session/c1"
    assert logind_session_path("12-a") == "/org/freedesktop/login1/session/_312_2da"


def test_the_windows_session_lock_message_is_recognised():
    """The filter reads a real MSG structure as Windows hands it over (built here, since WTS needs Windows)."""
    seen: list[int] = []
    native_filter = _WindowsSessionFilter(lambda: seen.append(1))
    for wparam, expected in ((WTS_SESSION_UNLOCK, 0), (WTS_SESSION_LOCK, 1)):
        msg = wintypes.MSG(None, WM_WTSSESSION_CHANGE, wparam, 0, 0, wintypes.POINT(0, 0))
        handled = native_filter.nativeEventFilter(QByteArray(b"windows_generic_MSG"), ctypes.addressof(msg))
        assert handled == (False, 0) and len(seen) == expected  # never swallowed: Qt still sees it
    other = wintypes.MSG(None, 0x0100, WTS_SESSION_LOCK, 0, 0, wintypes.POINT(0, 0))  # a key press
    native_filter.nativeEventFilter(QByteArray(b"windows_generic_MSG"), ctypes.addressof(other))
    assert seen == [1]


def test_no_session_bus_means_the_idle_timer_alone(qtbot, monkeypatch):
    monkeypatch.delenv("XDG_SESSION_ID", raising=False)
    disconnected = QDBusConnection.connectToBus("unix:path=/nonexistent/intake-bus", "intake-test-nobus")
    try:
        watcher = ScreenLockWatcher(session_bus=disconnected)
        assert watcher.watching == []
        watcher.stop()
    finally:
        QDBusConnection.disconnectFromBus("intake-test-nobus")


def test_the_signed_in_app_locks_on_screen_lock_and_keeps_the_unsaved_wizard(private_bus, tmp_path):
    """The whole app as wired at sign-in, on the session bus named by DBUS_SESSION_BUS_ADDRESS."""
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    env = {**os.environ, "DBUS_SESSION_BUS_ADDRESS": private_bus, "QT_QPA_PLATFORM": "offscreen",
           "INTAKE_CONFIG_DIR": str(tmp_path / "config")}
    env.pop("XDG_SESSION_ID", None)
    app = subprocess.Popen([sys.executable, "-m", "tests.ui.screen_lock_app", str(data_dir)], cwd=ROOT, env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        ready = app.stdout.readline()
        assert ready.startswith("READY"), ready + app.stderr.read()
        assert "org.freedesktop.ScreenSaver.ActiveChanged" in json.loads(ready.split(" ", 1)[1])
        emit(private_bus, "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver.ActiveChanged", "true")
        seen = json.loads(app.stdout.readline())
        assert app.wait(timeout=20) == 0
    finally:
        if app.poll() is None:
            app.kill()
    assert seen == {"locked": True, "lock_screen_shown": True, "window_shown": False, "wizard_shown": False,
                    "narrative": "Typed before the screen locked"}
