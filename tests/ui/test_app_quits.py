"""Issue 8 bug: the desktop app, started as `intake --data-dir DIR`, must end its process when it quits.

It sometimes did not: after the event loop ended, Python's exit left PySide to delete the remaining Qt objects
in no fixed order. When the idle lock went before the main window, the window's `destroyed` handler failed on
the lock, and the crash dialog for that error opened with no event loop left and nobody to click it: the
process sat idle for ever (seen on the first start after a bulk load, but it is a matter of memory layout,
not of the store). Each launch here is a fresh process, and the failure showed in most launches, so a few
launches catch it.

The app is told to quit by the start-up probe (INTAKE_STARTUP_PROBE), as in the start-up benchmark; the
sign-in dialog, which waits for a person, is answered by a stand-in for the signed-in supervisor.
"""

from __future__ import annotations

import os
import subprocess
import sys

from intake_app.storage.opening import open_store
from tests.factories import make_incident

PASSPHRASE = "quitting test passphrase"
LAUNCHES = 4
QUIT_WITHIN_SECONDS = 60

SIGNED_IN_APP = """
import sys
from intake_app.domain.workflow import Actor
from intake_app.ui import sign_in
sign_in.sign_in_or_first_run = lambda store, *_a, **_kw: Actor("Sgt. Quitting Test", "1001")
from intake_app.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_the_app_ends_its_process_when_it_quits_and_writes_no_crash_report(data_dir, tmp_path, actor):
    store = open_store(data_dir, passphrase=PASSPHRASE)
    for _ in range(3):
        store.save(make_incident(), actor)
    store.engine.dispose()
    env = {k: v for k, v in os.environ.items() if k != "INTAKE_DATA_DIR"}
    env |= {"QT_QPA_PLATFORM": "offscreen", "INTAKE_PASSPHRASE": PASSPHRASE, "INTAKE_STARTUP_PROBE": "1",
            "XDG_CONFIG_HOME": str(tmp_path / "qt-settings")}  # the window's geometry is not the user's
    for launch in range(1, LAUNCHES + 1):
        proc = subprocess.Popen([sys.executable, "-c", SIGNED_IN_APP, "--data-dir", str(data_dir)], env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            out, err = proc.communicate(timeout=QUIT_WITHIN_SECONDS)
        except subprocess.TimeoutExpired:
            proc.kill()
            out, err = proc.communicate()
            raise AssertionError(f"launch {launch}: still running {QUIT_WITHIN_SECONDS} s after being told to "
                                 f"quit; stdout {out!r}; stderr {err[-2000:]}") from None
        assert proc.returncode == 0, f"launch {launch}: exit {proc.returncode}; {err[-2000:]}"
        assert "ready" in out and "rows=3" in out, f"launch {launch}: the list never showed the records: {out!r}"
        crash_reports = sorted(p.name for p in (data_dir / "logs").glob("crash-*"))
        assert crash_reports == [], f"launch {launch}: {crash_reports}; {err[-2000:]}"
