"""Start-up speed: opening the app imports only what the first window needs. The packet (ReportLab,
Pillow, QtPdf, QtPrintSupport), the sync client and the server's schemas (httpx, pydantic), the dashboard's
charts (QtCharts), Alembic (the store is already migrated) and the CLI's commands load when first used; so do
the incident view, Settings and the review queue."""

from __future__ import annotations

from tests.ui.app_process import finish, start_app, store_with_incidents

LOADED_ON_FIRST_USE = ("reportlab", "PIL", "PySide6.QtPdf", "PySide6.QtPdfWidgets", "PySide6.QtPrintSupport",
                       "httpx", "pydantic", "PySide6.QtCharts", "alembic", "intake_app.commands.reports",
                       "intake_app.sync.engine", "intake_app.ui.dashboard.dashboard", "intake_app.ui.packet.packet_actions",
                       "intake_app.ui.incidents.incident_view", "intake_app.ui.security.settings_dialog", "intake_app.ui.review.review_queue")
REPORT = f"print('loaded at start-up:', sorted(m for m in {LOADED_ON_FIRST_USE!r} if m in sys.modules))"


def test_opening_the_app_on_a_migrated_store_leaves_heavy_modules_for_first_use(data_dir, tmp_path, actor):
    store_with_incidents(data_dir, actor, 3)
    proc = start_app(data_dir, tmp_path / "qt-settings", after=REPORT)
    out, err = finish(proc, 60)
    assert proc.returncode == 0, err[-2000:]
    assert "rows=3" in out, out
    assert "loaded at start-up: []" in out, out


# Shown = the moment the main window is shown, with the first page the first look read.
WATCH_THE_SHOW = """
import gc
from intake_app.ui.shell.main_window import MainWindow
real_show = MainWindow.show
def show(window):
    real_show(window)  # the rows the first look read are put in as it is shown, before it is painted
    print("sqlalchemy when shown:", "sqlalchemy" in sys.modules, "rows:", window.incidents.model.rowCount(), flush=True)
    print("record classes when shown:", "intake_app.domain.records" in sys.modules, flush=True)
MainWindow.show = show
"""


def test_the_window_shows_the_newest_incidents_before_the_store_is_opened_in_full(data_dir, tmp_path, actor):
    store_with_incidents(data_dir, actor, 3)
    proc = start_app(data_dir, tmp_path / "qt-settings", before=WATCH_THE_SHOW,
                     after="print('sqlalchemy at the end:', 'sqlalchemy' in sys.modules, 'collection:', gc.isenabled())")
    out, err = finish(proc, 60)
    assert proc.returncode == 0, err[-2000:]
    assert "sqlalchemy when shown: False rows: 3" in out, out
    # Once it was painted the store was opened in full: the window's queued work (the count, the autosaves) uses it.
    assert "sqlalchemy at the end: True collection: True" in out, out
    # The list shows summaries: the record's own classes and rules come with the full opening, after the paint.
    assert "record classes when shown: False" in out, out
