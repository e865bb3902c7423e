"""The desktop app in a process of its own, started as `intake --data-dir DIR` starts it, on a passphrase store.

The start-up probe (INTAKE_STARTUP_PROBE, intake_app/ui/shell/startup_probe.py) prints `ready ... rows=N` once the
incident list shows rows and then tells the app to quit. The sign-in dialog, which waits for a person, is answered
by a stand-in for the signed-in supervisor. `before` is Python run before the app's main(), `after` once it has
returned.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from intake_app.domain.actor import Actor
from intake_app.storage.opening import open_store
from tests.factories import make_incident

PASSPHRASE = "app process test passphrase"

SIGNED_IN_APP = """
import sys
from intake_app.domain.actor import Actor
from intake_app.cli import main
from intake_app.ui.security import sign_in
sign_in.sign_in_or_first_run = lambda store, *_a, **_kw: Actor("Sgt. Process Test", "1001")
{before}
code = main(sys.argv[1:])
{after}
sys.exit(code)
"""


def store_with_incidents(data_dir: Path, actor: Actor, count: int = 3) -> Path:
    store = open_store(data_dir, passphrase=PASSPHRASE)
    for _ in range(count):
        store.save(make_incident(), actor)
    store.engine.dispose()
    return data_dir


def start_app(data_dir: Path, settings_dir: Path, after: str = "", before: str = "") -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if k != "INTAKE_DATA_DIR"}
    env |= {"QT_QPA_PLATFORM": "offscreen", "INTAKE_PASSPHRASE": PASSPHRASE, "INTAKE_STARTUP_PROBE": "1",
            "XDG_CONFIG_HOME": str(settings_dir)}  # the window's geometry is not the user's
    return subprocess.Popen([sys.executable, "-c", SIGNED_IN_APP.format(after=after, before=before), "--data-dir", str(data_dir)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def finish(proc: subprocess.Popen, within_seconds: float) -> tuple[str, str]:
    """stdout and stderr once the process has ended; AssertionError if it is still running after the time."""
    try:
        return proc.communicate(timeout=within_seconds)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
        raise AssertionError(f"still running {within_seconds} s after start; stdout {out!r}; stderr {err[-2000:]}") from None
