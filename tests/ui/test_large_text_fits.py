"""At 200% scaling a 1366x768 station screen is 683x384 logical pixels. Every wizard page, the wizard, its row
dialogs, the main window with an incident open and every dialog must fit there, as at 100% in the full 1366x768
(their content scrolls or wraps), or their buttons end up off the screen. Runs in its own process: the scale factor is read when Qt starts.
(Pictures of the same screens: scripts/screenshots.py; look at them too.)"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

MEASURE = """
    import json, sys, tempfile
    from pathlib import Path
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication
    QCoreApplication.setOrganizationName("IntakeLargeTextTest")
    app = QApplication([])
    tmp = Path(sys.argv[1])
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp / "qsettings"))
    import keyring
    from tests.memory_keyring import MemoryKeyring
    keyring.set_keyring(MemoryKeyring())
    from intake_app.security.session import Session
    from intake_app.domain.catalogue import default_catalogue
    from intake_app.domain.settings import StationSettings
    from intake_app.domain.actor import Actor
    from intake_app.storage.opening import open_store
    from intake_app.ui.common import i18n
    from intake_app.ui.shell.main_window import MainWindow
    from tests.sync_tasks import SyncTaskRunner
    from tests.station_settings import set_up_station
    from intake_app.ui.wizard.agents_page import AgentDialog
    from intake_app.ui.wizard.footage_page import FootageDialog
    from intake_app.ui.wizard.violations_page import ViolationDialog
    from tests.ui.test_everything_in_spanish import spanish_record

    i18n.install_language("es")  # Spanish words are longer than English ones
    (tmp / "data").mkdir()
    store = open_store(tmp / "data")
    set_up_station(store, StationSettings(district=9))
    actor = Actor("Sgto. María Prueba", "2231")
    stored = store.save(spanish_record(), actor)
    area = app.primaryScreen().availableGeometry()
    out = {"screen": [area.width(), area.height()], "scale": app.devicePixelRatio(), "windows": {}}

    def measure(name, widget):
        for _ in range(3):
            app.processEvents()
        minimum = widget.minimumSizeHint().expandedTo(widget.minimumSize())
        out["windows"][name] = {"minimum": [minimum.width(), minimum.height()],
                                "size": [widget.width(), widget.height()]}

    window = MainWindow(store, SyncTaskRunner(), data_dir=tmp / "data")
    window.show()
    measure("main window", window)
    window.open_incident(stored.id)
    measure("main window with an incident open", window)
    record = spanish_record()
    record.beat = "0111"
    wizard = window.open_wizard(record)
    for step in range(len(wizard.pageIds())):
        wizard.go_to_step(step)
        wizard.refresh_problems()
        measure(f"wizard page {step + 1}", wizard.currentPage())
        measure(f"wizard on page {step + 1}", wizard)
    wizard.dirty = False
    for name, dialog in (("agent dialog", AgentDialog(record.agents[0], 1)),
                         ("footage dialog", FootageDialog(record.footage[0], 1, "America/Chicago")),
                         ("violation dialog", ViolationDialog(record.violations[0], 1, default_catalogue(),
                                                              record.agents))):
        dialog.show()
        measure(name, dialog)
        dialog.hide()
    # The windows of the review and the lock: the packet preview, approving, the receipt, the lock screen.
    from intake_app.reports.packet import build_packet
    from intake_app.reports.packet_source import packet_input
    from intake_app.ui.review.approve_dialog import ApproveDialog
    from intake_app.ui.incidents.incident_tabs import IncidentContext
    from intake_app.ui.security.lock import IdleLock
    from intake_app.ui.packet.packet_actions import PacketPreview
    from intake_app.ui.incidents.receipt_offer import ReceiptOffer
    from intake_app.ui.security.sign_in import SignInDialog
    from intake_app.ui.sync.enroll_dialog import EnrollDialog
    from intake_app.sync.client import Refused

    context = IncidentContext(store, window.runner, stored, Session(actor), window)
    lock = IdleLock(store, actor, 60, runner=window.runner, watch_input=False)
    lock.screen.ask_for_another_user(True)
    for name, dialog in (("packet preview", PacketPreview(context, build_packet(packet_input(store, stored.id)))),
                         ("approve dialog", ApproveDialog(store, window.runner, stored, actor, window)),
                         ("receipt offer", ReceiptOffer(store, window.runner, stored, actor, window)),
                         ("lock screen", lock.screen), ("sign-in dialog", SignInDialog(store)),
                         ("enrollment dialog", EnrollDialog(store, window.runner, window))):
        dialog.show()
        if name == "enrollment dialog":  # with its longest message shown
            dialog.url.setText("https://" + "servidor." * 8 + "example.org")
            dialog.code.setText("ABCD-1234")
            dialog._failed(Refused(
                "The server refused this device (HTTP 403): This enrollment code was already used; ask for a new one.",
                403), dialog.url.text())
        measure(name, dialog)
        dialog.hide()
    # The station's administration: users, settings, about.
    from intake_app.ui.shell.about_dialog import AboutDialog
    from intake_app.ui.security.settings_dialog import SettingsDialog
    from intake_app.ui.security.users_dialog import UsersDialog

    admin = Actor("Cmdr. Ada Admin", "1000", role="admin")
    for name, dialog in (("users dialog", UsersDialog(store, admin, window, runner=window.runner)),
                         ("settings dialog", SettingsDialog(store.settings(), tmp / "data", window)),
                         ("about dialog", AboutDialog(window))):
        dialog.show()
        measure(name, dialog)
        dialog.hide()
    lock.stop()
    window.hide()
    store.engine.dispose()
    print(json.dumps(out))
"""


def measure_at(tmp_path: Path, scale: int) -> dict:
    screen = tmp_path / "screen.json"
    screen.write_text(json.dumps({"screens": [{"name": "station", "x": 0, "y": 0, "width": 1366, "height": 768,
                                               "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={screen}", "QT_SCALE_FACTOR": str(scale),
           "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-c", textwrap.dedent(MEASURE), str(tmp_path)], capture_output=True,
                          text=True, env=env, timeout=180, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


def windows_too_big(measured: dict) -> dict:
    width, height = measured["screen"]
    return {name: sizes for name, sizes in measured["windows"].items()
            if sizes["minimum"][0] > width or sizes["minimum"][1] > height
            or sizes["size"][0] > width or sizes["size"][1] > height}


# Seven wizard pages alone and in the wizard, the main window twice, the row dialogs, the preview and the review's
# dialogs, the lock, the enrollment dialog, and the station's Users, Settings and About dialogs.
EVERY_WINDOW = 28


def test_every_window_fits_a_1366x768_screen_at_200_percent(tmp_path):
    measured = measure_at(tmp_path, 2)
    assert measured["scale"] == 2.0 and measured["screen"][0] == 683  # really 200% of 1366 pixels
    assert len(measured["windows"]) == EVERY_WINDOW
    assert not windows_too_big(measured), f"larger than the {measured['screen']} screen: {windows_too_big(measured)}"


def test_every_window_fits_a_1366x768_screen_at_100_percent(tmp_path):
    measured = measure_at(tmp_path, 1)
    assert measured["scale"] == 1.0 and measured["screen"] == [1366, 768]
    assert len(measured["windows"]) == EVERY_WINDOW
    assert not windows_too_big(measured), f"larger than the {measured['screen']} screen: {windows_too_big(measured)}"
