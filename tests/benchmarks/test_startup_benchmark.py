"""Time from launch (a fresh Python process) to a usable main window with 100,000 incidents in the
store, beside a bare PySide6 window started the same way in the same run.

"Usable" = the main window is shown and the first page of the incident list holds rows: the app prints
`ready <seconds>` at that moment when INTAKE_STARTUP_PROBE is set (intake_app/ui/shell/startup_probe.py).
Targets: under 1.5 s, and within 2x of the bare window.

The window is shown from the store's first look (storage/first_look.py, on ui/shell/startup.py's thread) and the store is opened in full once
it is painted; the moment the full opening ends is printed too (`opened`), so what is left after `ready` is
seen: an action taken before then waits for it.

The 100k store is bulk-loaded (tests/benchmarks/bulk.py, shared with the other 100k benchmarks); it is kept
in .benchmarks/ (git-ignored) under a key made from the storage and domain sources and the loader, so later
runs reuse it and a schema change builds a new one.
"""

from __future__ import annotations

import hashlib
import os
import resource
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from intake_app.storage.opening import open_store

from .bulk import load_demo_incidents
from .timing import check_target

pytestmark = pytest.mark.benchmark

ROOT = Path(__file__).resolve().parents[2]
SIZE = 100_000
LAUNCHES = 7  # the median of seven: steadier than five, against a target met with little room
PASSPHRASE = "startup benchmark passphrase"
TARGET_SECONDS, TARGET_RATIO = 1.5, 2.0
# Regression bounds, the only figures that fail the test: a busy machine (one core kept busy) measured 2.99x.
BOUND_SECONDS, BOUND_RATIO = 5.0, 5.0
QUIT_WITHIN_SECONDS, LAUNCH_LIMIT_SECONDS = 60, 300

# The app as `intake --data-dir DIR` starts it: the `intake` entry point imports intake_app.cli first, and so
# does this. The sign-in dialog (review and station security) waits for a person typing a passphrase: that is the user's time, not
# start-up, so it is answered at once by a stand-in for the signed-in supervisor (its passphrase check is
# therefore not counted). The stand-in is put in when the app itself imports the dialog's module, so every
# module is imported in the app's own order. Everything else is the real start.
OURS = """
import importlib.util
import sys
from intake_app.cli import main

class StandInSignIn:
    def find_spec(self, name, path=None, target=None):
        if name != "intake_app.ui.security.sign_in":
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        real_exec = spec.loader.exec_module

        def exec_module(module):
            real_exec(module)
            from intake_app.domain.actor import Actor
            module.sign_in_or_first_run = lambda store, *_a, **_kw: Actor("Sgt. Benchmark", "1001")

        spec.loader.exec_module = exec_module
        return spec

sys.meta_path.insert(0, StandInSignIn())

import os, time
from intake_app.ui.shell import startup
real_init = startup.OpeningStore.__init__

def init(self, *args, **kwargs):
    real_init(self, *args, **kwargs)
    start = float(os.environ["INTAKE_STARTUP_PROBE"])
    self.opened.add_done_callback(lambda _f: print(f"opened {time.time() - start:.3f}", flush=True))

startup.OpeningStore.__init__ = init
sys.exit(main(sys.argv[1:]))
"""

BARE_WINDOW = """
import os, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.setWindowTitle("bare")
window.show()
QTimer.singleShot(0, lambda: (print(f"ready {time.time() - float(os.environ['INTAKE_STARTUP_PROBE']):.3f}", flush=True), app.quit()))
app.exec()
"""


def store_key() -> str:
    digest = hashlib.sha256(str(SIZE).encode())
    for folder in ("intake_app/storage", "intake_app/domain"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            digest.update(path.read_bytes())
    digest.update((ROOT / "tests" / "benchmarks" / "bulk.py").read_bytes())
    return digest.hexdigest()[:12]


def build_store(folder: Path) -> None:
    store = open_store(folder, passphrase=PASSPHRASE)
    load_demo_incidents(store, SIZE)
    assert store.count() == SIZE
    store.engine.dispose()
    # Records loaded without listeners get their one-time extension work (audit baselines, indexes) at the
    # next open: do it here, in set-up, so the timed launches measure an ordinary start.
    store = open_store(folder, passphrase=PASSPHRASE)
    with store.engine.connect() as conn:  # leave no big WAL behind for the first launch to fold in
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    store.engine.dispose()


@pytest.fixture(scope="module")
def big_store() -> Path:
    folder = ROOT / ".benchmarks" / f"startup-{store_key()}"
    if not (folder / "complete").exists():
        if folder.exists():
            import shutil

            shutil.rmtree(folder)
        folder.mkdir(parents=True)
        start = time.perf_counter()
        build_store(folder)
        (folder / "complete").write_text("ok\n")
        print(f"\nbuilt the {SIZE:,}-incident store in {time.perf_counter() - start:.0f} s")
    return folder


def launch(args: list[str], env: dict[str, str]) -> tuple[float, str, float | None]:
    """Wall time from starting the process to its `ready` line, measured here; that line; and the app's own
    `opened` time (None when it prints none, as the bare window). Then the app, told
    to quit by its probe, must end its process by itself with exit 0 (not timed). The first start after
    a bulk load once stayed idle for ever after `ready` (a crash dialog at exit, tests/ui/test_app_quits.py)."""
    env = env | {"INTAKE_STARTUP_PROBE": repr(time.time())}
    start = time.perf_counter()
    proc = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    watchdog = threading.Timer(LAUNCH_LIMIT_SECONDS, proc.kill)  # a hung launch fails the run, never blocks it
    watchdog.start()
    try:
        for line in proc.stdout:
            if line.startswith("ready"):
                ready = time.perf_counter() - start, line.strip()  # the process's own `opened` may come before
                break
        else:
            raise AssertionError(f"no 'ready' line; exit {proc.wait()}: {proc.stderr.read()[-2000:]}")
        try:
            code = proc.wait(timeout=QUIT_WITHIN_SECONDS)
        except subprocess.TimeoutExpired:
            raise AssertionError(f"still running {QUIT_WITHIN_SECONDS} s after 'ready', when it was told to quit") from None
        assert code == 0, f"exit {code} after 'ready': {proc.stderr.read()[-2000:]}"
        opened = [float(line.split()[1]) for line in proc.stdout.read().splitlines() if line.startswith("opened")]
        return (*ready, opened[0] if opened else None)
    finally:
        watchdog.cancel()
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def test_start_up_with_100k_incidents_beside_a_bare_window(big_store):
    env = {k: v for k, v in os.environ.items() if k not in ("INTAKE_DATA_DIR", "PYTHONDONTWRITEBYTECODE")}
    # Bytecode compiled once and kept (under .benchmarks/), as for an installed app: a wheel or the PyInstaller
    # bundle ships it. With PYTHONDONTWRITEBYTECODE (set in some shells) every launch compiled the app's ~95
    # modules again, which the bare window (site-packages only, compiled at install) never pays.
    env |= {"QT_QPA_PLATFORM": "offscreen", "INTAKE_PASSPHRASE": PASSPHRASE,
            "PYTHONPYCACHEPREFIX": str(ROOT / ".benchmarks" / "pycache")}
    ours_cmd = [sys.executable, "-c", OURS, "--data-dir", str(big_store)]
    bare_cmd = [sys.executable, "-c", BARE_WINDOW]
    launch(ours_cmd, env)  # warm-up: page cache and .pyc files, as on a PC that has run the app before
    launch(bare_cmd, env)
    ours, bare, lines, opened, ours_cpu, bare_cpu = [], [], [], [], [], []
    for _ in range(LAUNCHES):  # interleaved, so both see the same machine load
        before = children_cpu()
        seconds, line, opened_at = launch(ours_cmd, env)
        ours_cpu.append(children_cpu() - before)
        ours.append(seconds)
        lines.append(line)
        opened.append(opened_at)
        before = children_cpu()
        bare.append(launch(bare_cmd, env)[0])
        bare_cpu.append(children_cpu() - before)
    ours_s, bare_s = statistics.median(ours), statistics.median(bare)
    print(f"\nStart-up to a usable window, median of {LAUNCHES} launches (offscreen, {SIZE:,} incidents)")
    print(f"  intake main window, first page listed  {ours_s * 1000:8.0f} ms   (app's own probe: {lines[-1]})")
    print(f"  bare PySide6 window                    {bare_s * 1000:8.0f} ms")
    print(f"  (the store was open in full {statistics.median(opened) * 1000:.0f} ms after launch, by the app's clock)")
    # CPU time (user + system, launch to exit) hardly depends on what else the machine runs: a steadier view.
    print(f"  CPU per launch: intake {statistics.median(ours_cpu) * 1000:.0f} ms, "
          f"bare {statistics.median(bare_cpu) * 1000:.0f} ms")
    assert "rows=" in lines[-1] and not lines[-1].endswith("rows=0")
    assert None not in opened, "the store was never opened in full after the first look"
    check_target("start-up", ours_s, TARGET_SECONDS, bound=BOUND_SECONDS, unit=" s")
    # Quiet 2-core machine: 2.03-2.05x; with one core kept busy by other work: 2.99x. See README ("Speed").
    check_target("start-up / bare window", ours_s / bare_s, TARGET_RATIO, bound=BOUND_RATIO, unit="x")
