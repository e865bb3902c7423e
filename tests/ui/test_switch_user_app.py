"""The app as started by `intake`, in its own process: the sergeant's window is locked, the lieutenant signs in
from the lock screen, the app goes on with a window for the lieutenant (not a second sign-in, not an exit), and
ends cleanly when the lieutenant quits."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.ui.app_process import PASSPHRASE, SIGNED_IN_APP, finish, store_with_incidents

TAKE_OVER = """
from PySide6.QtCore import QTimer
from intake_app.domain.actor import Actor
from intake_app.ui.security import security_feature

original = security_feature.install_signed_in
def install(window, idle_minutes=None):
    lock = original(window, idle_minutes)
    actor = window.session.actor
    print("window for", actor.star, flush=True)
    if actor.star == "1001":
        def take_over():
            lock.lock()
            security_feature.hand_over(window, Actor("Lt. Process Review", "3100", "reviewer"))
        QTimer.singleShot(300, take_over)
    else:
        QTimer.singleShot(300, window.close)
    return lock
security_feature.install_signed_in = install
"""


def test_another_user_signing_in_on_the_lock_screen_gets_a_window_of_their_own(data_dir, tmp_path, actor):
    store_with_incidents(data_dir, actor, 1)
    env = {k: v for k, v in os.environ.items() if k not in ("INTAKE_DATA_DIR", "INTAKE_STARTUP_PROBE")}
    env |= {"QT_QPA_PLATFORM": "offscreen", "INTAKE_PASSPHRASE": PASSPHRASE, "XDG_CONFIG_HOME": str(tmp_path / "qt")}
    proc = subprocess.Popen([sys.executable, "-c", SIGNED_IN_APP.format(before=TAKE_OVER, after=""),
                             "--data-dir", str(data_dir)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    out, err = finish(proc, 60)
    assert proc.returncode == 0, err[-2000:]
    assert out.splitlines() == ["window for 1001", "window for 3100"], (out, err[-2000:])
    assert "Fatal Python error" not in err and "Traceback" not in err, err[-2000:]
