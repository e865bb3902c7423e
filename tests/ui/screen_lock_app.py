"""The app as a supervisor has it open, run in its own process for test_screen_lock.py: Qt binds the session
bus at its first use, so only a fresh process sees the private bus the test started. Prints READY once
signed in with a half-typed wizard open, then, once locked (or after 10 s), one JSON line of what it sees."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from tests.station_settings import set_up_station


def main(data_dir: Path) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import keyring
    from PySide6.QtCore import QCoreApplication, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from intake_app.domain.roles import SUPERVISOR
    from intake_app.domain.settings import StationSettings
    from intake_app.security.session import Session
    from intake_app.security.users import add_user, create_first_administrator, sign_in
    from intake_app.storage.opening import open_store
    from intake_app.ui.security.security_feature import install_signed_in
    from intake_app.ui.shell.main_window import MainWindow
    from tests.memory_keyring import MemoryKeyring
    from tests.sync_tasks import SyncTaskRunner

    keyring.set_keyring(MemoryKeyring())  # never the real keyring
    app = QApplication([])
    QCoreApplication.setOrganizationName("IntakeTests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(data_dir / "qsettings"))
    store = open_store(data_dir)
    set_up_station(store, StationSettings(district=9))
    create_first_administrator(store, "1000", "Admin Alvarez", "admin correct horse")
    add_user(store, sign_in(store, "1000", "admin correct horse"), "2231", "Sgt. Maria Test", SUPERVISOR,
             "sergeant battery staple")
    actor = sign_in(store, "2231", "sergeant battery staple")

    window = MainWindow(store, SyncTaskRunner(), data_dir=data_dir, session=Session(actor))
    install_signed_in(window, idle_minutes=60)  # the idle timer cannot be what locks it here
    window.show()
    wizard = window.new_incident()
    wizard.currentPage().narrative.setPlainText("Typed before the screen locked")
    # The watcher starts once the window is on screen (start-up speed).
    window.when_on_screen(lambda: print("READY", json.dumps(window.screen_lock.watching), flush=True))

    reported = []

    def report() -> None:
        if reported:
            return
        reported.append(True)
        lock = window.idle_lock
        print(json.dumps({
            "locked": lock.locked, "lock_screen_shown": lock.screen.isVisible(),
            "window_shown": window.isVisible(), "wizard_shown": wizard.isVisible(),
            "narrative": wizard.current_incident().narrative,
        }), flush=True)
        wizard.dirty = False
        app.quit()

    poll = QTimer(interval=20)
    poll.timeout.connect(lambda: report() if window.idle_lock.locked else None)
    poll.start()
    QTimer.singleShot(10_000, report)
    app.exec()
    store.engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
