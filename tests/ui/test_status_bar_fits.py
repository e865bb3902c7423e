"""At an 800-pixel-wide main window in Spanish the status bar's texts (incident count, sync state, who is signed
in) do not fit side by side: the sync state and the signed-in user give way, each that is shortened ends in "…"
and its tooltip carries the whole text, so nothing is silently cut; the short count is shown whole."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLabel

from intake_app.domain.actor import Actor
from intake_app.domain.roles import REVIEWER
from intake_app.security.session import Session
from intake_app.ui.common.elided_label import ElidedLabel
from intake_app.ui.security.security_feature import install_signed_in
from intake_app.ui.shell.main_window import MainWindow
from tests.sync_tasks import SyncTaskRunner

from .test_everything_in_spanish import spanish  # noqa: F401 (fixture)

NOT_CONNECTED_ES = "Sincronización: sin conexión a un servidor (Sincronización > Inscribir esta computadora)"


def status_labels(window) -> list[ElidedLabel]:
    return window.statusBar().findChildren(ElidedLabel)


def elided(label: ElidedLabel) -> bool:
    """Shortened: what Qt paints (QLabel's own text) is not the whole text the label was given."""
    return QLabel.text(label) != label.text()


def test_the_spanish_status_bar_at_800_px_elides_with_the_whole_text_in_the_tooltip(
        spanish, station, data_dir, qtbot):  # noqa: F811
    window = MainWindow(station, SyncTaskRunner(), data_dir=data_dir,
                        session=Session(Actor("Tte. Ana Revisora", "7001", REVIEWER)))
    qtbot.addWidget(window)
    window.show()
    lock = install_signed_in(window, idle_minutes=60)
    window.resize(800, 720)
    qtbot.waitUntil(lambda: any(label.text() == NOT_CONNECTED_ES for label in status_labels(window)))
    QApplication.processEvents()
    labels = status_labels(window)
    assert len(labels) == 2 and window.width() == 800
    count = window.count_label
    assert count.fontMetrics().horizontalAdvance(count.text()) <= count.contentsRect().width()
    shortened = [label for label in labels if elided(label)]
    assert shortened, "at 800 px in Spanish the texts do not fit: one at least is shortened"
    for label in labels:
        shown = QLabel.text(label)
        assert label.fontMetrics().horizontalAdvance(shown) <= label.contentsRect().width()
        if elided(label):
            assert shown.endswith("…") and label.text() in label.toolTip()
        else:
            assert shown == label.text()
    lock.stop()


def test_a_wide_window_shows_the_status_texts_whole(spanish, window, qtbot):  # noqa: F811
    window.resize(1600, 720)
    qtbot.waitUntil(lambda: any(label.text() == NOT_CONNECTED_ES for label in status_labels(window)))
    QApplication.processEvents()
    assert [elided(label) for label in status_labels(window)] == [False]  # nobody signed in: the sync state
    assert all(label.toolTip() == "" for label in status_labels(window))
