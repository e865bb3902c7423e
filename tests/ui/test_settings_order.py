"""In Settings the station sets the patterns of CPD RD and OEMC event numbers and how long POD and private cameras
keep footage; a pattern the validator refuses keeps the dialog open and says which setting is wrong."""

from PySide6.QtWidgets import QDialogButtonBox


def save(dialog) -> None:
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()


def test_the_number_patterns_and_camera_retention_set_in_settings_are_saved(qtbot, window, station):
    dialog = window.open_settings()
    dialog.oemc_pattern.setText(r"^\d{10}$")
    dialog.kind_retention["pod_camera"].setValue(14)
    dialog.kind_retention["private_business_camera"].setValue(0)  # "no scheduled purge"
    save(dialog)
    saved = station.settings()
    assert saved.oemc_event_number_pattern == r"^\d{10}$"
    assert saved.footage_retention_days == {"pod_camera": 14}


def test_the_dialog_shows_the_settings_in_force(qtbot, window, station):
    dialog = window.open_settings()
    assert dialog.rd_pattern.text() == station.settings().rd_number_pattern
    assert dialog.kind_retention["private_business_camera"].value() == 7
    assert dialog.kind_retention["pod_camera"].value() == 30
    dialog.reject()


def test_a_broken_pattern_keeps_the_dialog_open_naming_the_setting(qtbot, window, station):
    dialog = window.open_settings()
    dialog.rd_pattern.setText("^[A-Z{2")
    save(dialog)
    assert dialog.isVisible()
    assert "RD number pattern" in dialog.problems.text() and "not a valid pattern" in dialog.problems.text()
    assert station.settings().rd_number_pattern != "^[A-Z{2"
    dialog.reject()
