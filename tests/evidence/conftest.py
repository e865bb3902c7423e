import pytest

from intake_app.storage.database_key import database_key
from tests.station_settings import set_up_station


@pytest.fixture
def attacker_shell(data_dir):
    """What someone holding the store's key can do: open the file with sqlcipher3 and edit it directly."""
    from sqlcipher3 import dbapi2 as sqlcipher

    key, _ = database_key(data_dir, None)
    conn = sqlcipher.connect(str(data_dir / "intake.db"), isolation_level=None)
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    yield conn
    conn.close()


@pytest.fixture
def qt_settings(qapp, tmp_path):
    """Window geometry goes to a throw-away QSettings, never the user's."""
    from PySide6.QtCore import QCoreApplication, QSettings

    QCoreApplication.setOrganizationName("IntakeTests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))


@pytest.fixture
def window(qtbot, qt_settings, store, data_dir):
    from intake_app.domain.settings import StationSettings
    from intake_app.ui.shell.main_window import MainWindow
    from tests.sync_tasks import SyncTaskRunner

    set_up_station(store, StationSettings(district=9, supervisor_name="Sgt. Maria Test", supervisor_star="2231"))
    w = MainWindow(store, SyncTaskRunner(), data_dir=data_dir)
    qtbot.addWidget(w)
    w.show()
    return w
