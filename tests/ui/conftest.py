import pytest
from PySide6.QtCore import QCoreApplication

from intake_app.domain.settings import StationSettings
from intake_app.ui.shell.main_window import MainWindow
from tests.station_settings import set_up_station
from tests.sync_tasks import SyncTaskRunner


@pytest.fixture(autouse=True)
def separate_qsettings(qapp, tmp_path, monkeypatch):
    """Window geometry and the chosen data folder go to a throw-away QSettings, never the user's."""
    from PySide6.QtCore import QSettings

    QCoreApplication.setOrganizationName("IntakeTests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))


@pytest.fixture
def station(store):
    set_up_station(store, StationSettings(district=9, supervisor_name="Sgt. Maria Test", supervisor_star="2231"))
    return store


@pytest.fixture
def window(qtbot, station, data_dir):
    w = MainWindow(station, SyncTaskRunner(), data_dir=data_dir)
    w.show()
    yield w
    # Closed here, not by qtbot.addWidget: pytest-qt closes its widgets before fixtures are torn down,
    # and an open, changed wizard would then ask "Save your changes?".
    if w.wizard is not None:
        w.wizard.dirty = False
    w.close()
    w.deleteLater()


@pytest.fixture(autouse=True)
def no_unexpected_modal_dialogs(monkeypatch):
    """A static QMessageBox runs a nested event loop that nobody answers offscreen: the test would hang.
    Fail loudly instead, naming the dialog. A test that expects one replaces it with its own answer."""
    from PySide6.QtWidgets import QMessageBox

    def refuse(kind):
        def static(_parent, title, text, *args, **kwargs):
            raise AssertionError(f"unexpected modal QMessageBox.{kind}: {title!r}: {text!r}")

        return static

    for kind in ("question", "warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(refuse(kind)))



def event_loops_run(app) -> bool:
    """Whether a new event loop (a dialog's, qtbot.wait's) runs at all: after a quit that found no loop to end,
    Qt keeps it pending and every QEventLoop.exec() returns -1 at once until the application's exec() runs."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop, timer = QEventLoop(), QTimer()  # a timer object: PySide 6.12's static singleShot(0, f) drops a
    timer.setSingleShot(True)             # reference to None at each call (a none_dealloc crash at exit)
    timer.timeout.connect(lambda: loop.exit(7))
    timer.start(0)
    return loop.exec() == 7


@pytest.fixture(autouse=True)
def event_loops_run_after_each_test(qapp):
    """A test that runs the whole app in-process (intake_app.ui.shell.app.run) ends with Qt's quit pending: the next
    tests' row dialogs then returned at once, unseen by their helpers, and qtbot.wait never waited (the "window
    left behind that takes their dialogs"). The pending quit is spent here, by a turn of the application's own
    loop, so each test starts with loops that run. A modal dialog left running fails its test."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    yield
    modal = QApplication.activeModalWidget()
    if not event_loops_run(qapp):
        timer = QTimer()
        timer.setSingleShot(True)
        timer.timeout.connect(qapp.quit)
        timer.start(0)
        qapp.exec()
    assert event_loops_run(qapp), "event loops still return at once after the test"
    assert modal is None or not modal.isVisible(), f"a modal dialog was left open: {modal.windowTitle()!r}"
