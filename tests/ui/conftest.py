import pytest
from PySide6.QtCore import QCoreApplication

from intake_app.domain.settings import StationSettings
from intake_app.ui.main_window import MainWindow
from intake_app.ui.tasks import SyncTaskRunner


@pytest.fixture(autouse=True)
def separate_qsettings(qapp, tmp_path, monkeypatch):
    """Window geometry and the chosen data folder go to a throw-away QSettings, never the user's."""
    from PySide6.QtCore import QSettings

    QCoreApplication.setOrganizationName("IntakeTests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))


@pytest.fixture
def station(store):
    store.save_settings(StationSettings(district=9, supervisor_name="Sgt. Maria Test", supervisor_star="2231"))
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
