"""The Dashboard screen: the core's counts go in, the charts show them, each can be saved as PNG."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from intake_app.domain.enums import Status
from intake_app.reports.dashboard_data import load_dashboard
from intake_app.ui.dashboard.dashboard import DashboardScreen
from tests.factories import make_incident
from tests.release.conftest import stored_as
from tests.sync_tasks import SyncTaskRunner


def _bar_values(panel) -> list[tuple[str, float]]:
    (series,) = panel.chart.series()
    (bars,) = series.barSets()
    categories = [name.replace("<br>", " ") for name in panel.chart.axes()[0].categories()]  # as read
    return list(zip(categories, (bars.at(i) for i in range(bars.count())), strict=True))


def _store_with_incidents(store, actor):
    stored_as(store, actor, make_incident(district=9, beat="0911"), Status.REFERRED)
    stored_as(store, actor, make_incident(district=9, beat="0912"), Status.APPROVED)
    stored_as(store, actor, make_incident(district=12, beat="1212", felony=False), Status.RECORDED)
    stored_as(store, actor, make_incident(district=12, beat="1213"), Status.DRAFT)  # never counted


def test_the_charts_show_the_counts_of_released_incidents(qtbot, store, actor):
    _store_with_incidents(store, actor)
    screen = DashboardScreen(store, SyncTaskRunner())
    qtbot.addWidget(screen)
    screen.show()  # the first showing loads the data through the task runner

    assert screen.data is not None and screen.data.incidents == 3
    assert _bar_values(screen.panels["by_district"]) == [("9", 2.0), ("12", 1.0)]
    assert _bar_values(screen.panels["per_month"]) == [("2026-11", 3.0)]
    assert dict(_bar_values(screen.panels["by_agency"])) == {"ICE ERO": 3.0}
    assert dict(_bar_values(screen.panels["by_offence_class"])) == {"Class 3 felony": 2.0, "Class A misdemeanor": 1.0}
    assert dict(_bar_values(screen.panels["referral"])) == {"Felony alleged": 2.0, "Referred": 1.0}
    assert "50.0%" in screen.panels["referral"].chart.title()
    assert "DEMO" not in screen.status.text()


def test_demo_incidents_are_said_to_be_demo(qtbot, store, actor):
    stored_as(store, actor, make_incident(is_demo=True), Status.APPROVED)
    screen = DashboardScreen(store, SyncTaskRunner())
    qtbot.addWidget(screen)
    screen.show_data(load_dashboard(store))
    assert "Includes 1 DEMO incidents" in screen.status.text()


def test_save_as_png_writes_an_image_of_the_chart(qtbot, store, actor, tmp_path):
    _store_with_incidents(store, actor)
    screen = DashboardScreen(store, SyncTaskRunner())
    qtbot.addWidget(screen)
    screen.resize(1000, 900)
    screen.show()
    target = tmp_path / "by_district.png"
    assert screen.panels["by_district"].save_png(target)
    image = QImage(str(target))
    assert not image.isNull() and image.width() >= 300 and image.height() >= 200


def test_the_main_window_has_a_dashboard_tab(window):
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert "Dashboard" in titles


def test_count_axes_have_whole_number_ticks_with_room_above_the_largest_bar():
    from intake_app.ui.dashboard.dashboard import bar_chart, whole_number_axis

    assert whole_number_axis(0) == (1, 1) and whole_number_axis(1) == (2, 1) and whole_number_axis(3) == (4, 1)
    assert whole_number_axis(9) == (10, 2) and whole_number_axis(37) == (40, 5) and whole_number_axis(1234) == (1400, 200)
    for largest in (0, 1, 2, 3, 7, 13, 99, 250):
        chart = bar_chart("t", [("a", largest)])  # kept: the axes live as long as their chart
        [axis] = [a for a in chart.axes() if a.metaObject().className() == "QValueAxis"]
        top, ticks = axis.max(), axis.tickCount()
        assert top > largest and float(top).is_integer() and (top / (ticks - 1)).is_integer(), (largest, top, ticks)


def test_long_names_under_the_bars_are_wrapped_and_given_room_never_shortened(qtbot):
    from PySide6.QtGui import QFontMetrics

    from intake_app.ui.dashboard.dashboard import ChartPanel, bar_chart

    names = ["ICE ERO", "CBP Border Patrol", "HSI", "Federal Protective Service"]
    panel = ChartPanel("by_agency")
    qtbot.addWidget(panel)
    panel.set_chart(bar_chart("Incidents by agency involved", [(name, 3) for name in names]))
    [axis] = panel.chart.axes(Qt.Orientation.Horizontal)
    assert [label.replace("<br>", " ") for label in axis.categories()] == names  # every word is there
    assert "Federal<br>Protective<br>Service" in axis.categories()  # one word a line under its bar
    widest = max(QFontMetrics(axis.labelsFont()).horizontalAdvance(name) for name in names)
    assert panel.view.minimumWidth() >= len(names) * widest  # each bar's share holds its whole name
