"""Pictures of every wizard page, row dialog and main screen, to look at (translations, large text, fit).

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py OUT_DIR [--language es]
    # 200% on a 1366x768 screen (start Xvfb first: Xvfb :99 -screen 0 1366x768x24 -nolisten tcp &):
    DISPLAY=:99 QT_QPA_PLATFORM=xcb QT_SCALE_FACTOR=2 .venv/bin/python scripts/screenshots.py OUT_DIR --language es

Runs on a throw-away store in a temporary folder with one synthetic record (Spanish-speaking supervisor).
Each window is placed on the screen's available area as a user's window manager would keep it, and also
reports whether its minimum size fits there (a line per picture: name, size, minimum size, fits).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--language", default="es")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication

    QCoreApplication.setOrganizationName("IntakeScreenshots")
    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(Path(tmp) / "qsettings"))
        import keyring

        from tests.memory_keyring import MemoryKeyring

        keyring.set_keyring(MemoryKeyring())
        shoot(app, Path(tmp), args.out, args.language)
    return 0


def shoot(app, tmp: Path, out: Path, language: str) -> None:
    from PySide6.QtWidgets import QApplication

    from intake_app.domain.catalogue import default_catalogue
    from intake_app.domain.roles import REVIEWER
    from intake_app.domain.settings import StationSettings
    from intake_app.domain.workflow import Actor
    from intake_app.security.session import Session
    from intake_app.security.station import save_station_settings
    from intake_app.storage.opening import open_store
    from intake_app.ui.common import i18n
    from intake_app.ui.security.security_feature import install_signed_in
    from intake_app.ui.security.sign_in import SignInDialog
    from intake_app.ui.shell.about_dialog import AboutDialog
    from intake_app.ui.shell.main_window import MainWindow
    from intake_app.ui.wizard.agents_page import AgentDialog
    from intake_app.ui.wizard.footage_page import FootageDialog
    from intake_app.ui.wizard.violations_page import ViolationDialog
    from tests.sync_tasks import SyncTaskRunner
    from tests.ui.test_everything_in_spanish import spanish_record

    i18n.install_language(language)
    (tmp / "data").mkdir()
    store = open_store(tmp / "data")
    actor = Actor("Sgto. María Prueba", "2231")
    save_station_settings(store, actor, StationSettings(district=9, language=language))
    stored = store.save(spanish_record(), actor)
    screen = app.primaryScreen().availableGeometry()
    print(f"screen (logical px): {screen.width()}x{screen.height()}, scale {app.devicePixelRatio()}")

    def picture(widget, name: str) -> None:
        widget.show()
        place_on_screen(widget)
        for _ in range(5):
            QApplication.processEvents()
        minimum = widget.minimumSizeHint().expandedTo(widget.minimumSize())
        fits = minimum.width() <= screen.width() and minimum.height() <= screen.height()
        inside = widget.width() <= screen.width() and widget.height() <= screen.height()
        widget.grab().save(str(out / f"{name}.png"))
        print(f"{name}: size {widget.width()}x{widget.height()}, minimum {minimum.width()}x{minimum.height()}, "
              f"{'fits' if fits and inside else 'DOES NOT FIT'}")

    window = MainWindow(store, SyncTaskRunner(), data_dir=tmp / "data", session=Session(Actor("Tte. Ana Revisora", "7001", REVIEWER)))
    lock = install_signed_in(window, idle_minutes=60)
    window.incidents.refresh()
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        picture(window, f"main-{index}-{window.tabs.tabText(index).replace('&', '')}")
    window.open_incident(stored.id)
    view = window.tabs.currentWidget()
    for index in range(view.tabs.count()):
        view.tabs.setCurrentIndex(index)
        picture(window, f"incident-{index}-{view.tabs.tabText(index).replace('&', '')}")

    record = spanish_record()
    record.beat = "0111"  # problems to show: a beat outside the district, a class still to choose
    record.violations[0].offence_class = ""
    wizard = window.open_wizard(record)
    for step in range(len(wizard.pageIds())):
        wizard.go_to_step(step)
        wizard.refresh_problems()
        picture(wizard, f"wizard-{step + 1}-{wizard.currentPage().step_key}")
    wizard.dirty = False
    wizard.hide()

    for name, dialog in (("dialog-agent", AgentDialog(record.agents[0], 1)),
                         ("dialog-footage", FootageDialog(record.footage[0], 1, "America/Chicago")),
                         ("dialog-violation", ViolationDialog(record.violations[0], 1, default_catalogue(),
                                                              record.agents))):
        picture(dialog, name)
        dialog.hide()
    settings = window.open_settings()
    picture(settings, "settings")
    settings.reject()
    about = AboutDialog(window)
    picture(about, "about")
    about.hide()
    sign_in = SignInDialog(store)
    picture(sign_in, "sign-in")
    sign_in.hide()
    lock.lock()
    picture(lock.screen, "lock")
    lock.stop()
    window.hide()
    store.engine.dispose()


def place_on_screen(widget) -> None:
    """Where a window manager would put it: inside the available area, shrunk to it if larger."""
    area = widget.screen().availableGeometry()
    width, height = min(widget.width(), area.width()), min(widget.height(), area.height())
    widget.resize(width, height)
    widget.move(area.x() + (area.width() - width) // 2, area.y() + (area.height() - height) // 2)


if __name__ == "__main__":
    sys.exit(main())
