"""A supervisor switches the interface to Spanish in Settings. The choice is saved in the station's settings
and shows from the next start; Settings says so and offers to restart now. A restart never loses an open
incident: the window closes as the user would close it (asking to save), and only then starts again."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QMessageBox

from intake_app.ui.shell import restart as restart_module


class Launches:
    """Records what would be started instead of starting a second app during the tests."""

    def __init__(self, monkeypatch):
        self.commands: list[tuple[str, list[str]]] = []
        self.quits = 0
        monkeypatch.setattr(restart_module, "start_detached", lambda program, args: self.commands.append((program, args)))
        monkeypatch.setattr(restart_module, "quit_app", self.quit)

    def quit(self) -> None:
        self.quits += 1


@pytest.fixture
def launches(monkeypatch):
    return Launches(monkeypatch)


def choose_language(window, code: str):
    dialog = window.open_settings()
    dialog.language.setCurrentIndex(dialog.language.findData(code))
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    return dialog


def test_settings_names_each_language_in_itself_and_saves_the_choice(qtbot, window, station):
    dialog = window.open_settings()
    names = [dialog.language.itemText(i) for i in range(dialog.language.count())]
    assert names[1:] == ["English", "Español"]
    assert any("language or data folder is used from the next start" in label.text()
               for label in dialog.findChildren(QLabel))
    dialog.reject()
    choose_language(window, "es")
    qtbot.waitUntil(lambda: station.settings().language == "es")


def test_a_new_language_is_offered_a_restart_which_starts_the_app_again(qtbot, window, station, launches):
    choose_language(window, "es")
    qtbot.waitUntil(lambda: getattr(window, "restart_offer", None) is not None)
    offer = window.restart_offer
    assert "next start" in offer.text()
    offer.buttons()[0].click()  # Restart now
    assert launches.commands == [(sys.executable, ["-m", "intake_app", *sys.argv[1:]])]
    assert launches.quits == 1 and not window.isVisible()


def test_later_keeps_the_window_open_and_starts_nothing(qtbot, window, station, launches):
    choose_language(window, "es")
    qtbot.waitUntil(lambda: getattr(window, "restart_offer", None) is not None)
    later = next(b for b in window.restart_offer.buttons()
                 if window.restart_offer.buttonRole(b) == QMessageBox.ButtonRole.RejectRole)
    later.click()
    assert launches.commands == [] and window.isVisible()
    assert station.settings().language == "es"  # still used from the next start


def test_saving_settings_without_a_new_language_offers_no_restart(qtbot, window, station):
    dialog = window.open_settings()
    dialog.district.setCurrentIndex(dialog.district.findData(12))
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: station.settings().district == 12)
    assert getattr(window, "restart_offer", None) is None


def test_a_restart_waits_for_an_open_incident_and_is_called_off_if_the_user_cancels(qtbot, window, launches,
                                                                                     monkeypatch):
    wizard = window.new_incident()
    wizard.dirty = True
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *_a, **_k: QMessageBox.StandardButton.Cancel))
    assert restart_module.restart(window) is False
    assert launches.commands == [] and window.isVisible() and wizard.isVisible()


def test_the_bundle_restarts_its_own_program_with_the_same_options(monkeypatch):
    monkeypatch.setattr(sys, "argv", ["/opt/intake/Intake", "--data-dir", "/srv/intake"])
    monkeypatch.setattr(sys, "executable", "/opt/intake/Intake")
    assert restart_module.relaunch_command(frozen=True) == ("/opt/intake/Intake", ["--data-dir", "/srv/intake"])
    assert restart_module.relaunch_command(frozen=False) == (
        "/opt/intake/Intake", ["-m", "intake_app", "--data-dir", "/srv/intake"])
