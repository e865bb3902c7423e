"""Start-up speed bug: the desktop app, started as `intake --data-dir DIR`, must end its process when it quits.

It sometimes did not: after the event loop ended, Python's exit left PySide to delete the remaining Qt objects
in no fixed order. When the idle lock went before the main window, the window's `destroyed` handler failed on
the lock, and the crash dialog for that error opened with no event loop left and nobody to click it: the
process sat idle for ever (seen on the first start after a bulk load, but it is a matter of memory layout,
not of the store). Each launch here is a fresh process, and the failure showed in most launches, so a few
launches catch it.
"""

from __future__ import annotations

from tests.ui.app_process import finish, start_app, store_with_incidents

LAUNCHES = 4
QUIT_WITHIN_SECONDS = 60


def test_the_app_ends_its_process_when_it_quits_and_writes_no_crash_report(data_dir, tmp_path, actor):
    store_with_incidents(data_dir, actor, 3)
    for launch in range(1, LAUNCHES + 1):
        proc = start_app(data_dir, tmp_path / "qt-settings")
        out, err = finish(proc, QUIT_WITHIN_SECONDS)
        assert proc.returncode == 0, f"launch {launch}: exit {proc.returncode}; {err[-2000:]}"
        assert "ready" in out and "rows=3" in out, f"launch {launch}: the list never showed the records: {out!r}"
        crash_reports = sorted(p.name for p in (data_dir / "logs").glob("crash-*"))
        assert crash_reports == [], f"launch {launch}: {crash_reports}; {err[-2000:]}"


# As if the app were quit before its window was painted: what waits for the first paint never runs, the full
# opening among it. The database worker waits for that opening, so the app's end (which lets the worker finish
# its queued writes) must not wait for it for ever.
NEVER_PAINTED = """
from intake_app.ui.shell.main_window import MainWindow
MainWindow._on_screen = lambda window: None
"""


def test_quitting_before_the_window_is_painted_still_ends_the_process(data_dir, tmp_path, actor):
    store_with_incidents(data_dir, actor, 3)
    proc = start_app(data_dir, tmp_path / "qt-settings", before=NEVER_PAINTED)
    out, err = finish(proc, QUIT_WITHIN_SECONDS)
    assert proc.returncode == 0, f"exit {proc.returncode}; {err[-2000:]}"
    assert "ready" in out, out
