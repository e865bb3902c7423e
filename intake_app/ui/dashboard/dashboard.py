"""The Dashboard screen: charts of the incidents a release would hold, each savable as PNG.

Data comes from the core (reports.dashboard_data) through the task runner; this module only draws it.
The query covers every released incident, so it runs when the screen is first shown, not at start-up.
"""

from __future__ import annotations

import html
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...reports.dashboard_data import DashboardData, load_dashboard
from ..shell.startup import StoreHandle, store_handle

if TYPE_CHECKING:
    from ...storage.repository import IncidentStore
    from ..common.tasks import TaskRunner


def _pct(share: float) -> str:
    return f"{share * 100:.1f}%"


def whole_number_axis(largest: int, most_ticks: int = 8) -> tuple[int, int]:
    """(top, step) of a count axis: a step of 1, 2 or 5 times a power of ten, at most `most_ticks` steps, and a top
    that is a whole number of steps with room above the largest bar."""
    step = 1
    while True:
        for factor in (1, 2, 5):
            candidate = step * factor
            top = (largest // candidate + 1) * candidate
            if top // candidate <= most_ticks:
                return top, candidate
        step *= 10


def wrapped_label(name: str, width: int = 12) -> str:
    """A category name on lines of at most `width` characters (a longer word keeps its own line), as Qt's rich
    text, which the chart's axis labels draw."""
    return "<br>".join(html.escape(line) for line in textwrap.wrap(name, width, break_long_words=False)) or " "


def bar_chart(title: str, pairs: list[tuple[str, int]], *, horizontal_labels: bool = True) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    chart.legend().hide()
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    bars = QBarSet(title)
    bars.append([float(n) for _, n in pairs])
    bars.setLabelColor(Qt.GlobalColor.black)  # the default is white, invisible outside the bar
    series = QBarSeries()
    series.append(bars)
    series.setLabelsVisible(len(pairs) <= 16)
    series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
    chart.addSeries(series)
    categories = QBarCategoryAxis()
    # Qt elides a name wider than its bar's share of the axis ("CBP Border P...", "20..."), upright ones too
    # ("Class A mis..."): names of a few words go on lines of their own under the bar; many short ones
    # (months) stand upright.
    upright = not horizontal_labels or len(pairs) > 8
    categories.append([name if upright else wrapped_label(name) for name, _ in pairs])
    if upright:
        categories.setLabelsAngle(-90)
    chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(categories)
    values = QValueAxis()
    top, step = whole_number_axis(max([n for _, n in pairs] + [0]))
    values.setRange(0, top)
    values.setTickCount(top // step + 1)  # ticks on whole counts only: never 0, 0, 1, 1 for a maximum of 1
    values.setLabelFormat("%d")
    chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(values)
    return chart


def room_for_labels(chart: QChart) -> int:
    """The width at which no name under the bars is elided: each bar's share of the axis holds its widest line."""
    for axis in chart.axes(Qt.Orientation.Horizontal):
        if isinstance(axis, QBarCategoryAxis) and axis.labelsAngle() == 0 and axis.count():
            metrics = QFontMetrics(axis.labelsFont())
            # Measured as one line: Qt's elision of a label weighs its whole text, whatever its line breaks.
            widest = max(metrics.horizontalAdvance(html.unescape(name.replace("<br>", " ")))
                         for name in axis.categories())
            return axis.count() * (widest + 2 * metrics.averageCharWidth() + 16) + 12 * metrics.averageCharWidth()
    return 0


class ChartPanel(QWidget):
    """One chart with its Save as PNG button."""

    def __init__(self, key: str, parent=None):
        super().__init__(parent)
        self.key = key
        self.view = QChartView()
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumSize(420, 280)
        self.save_button = QPushButton(self.tr("Save as PNG…"))
        self.save_button.clicked.connect(self._ask_and_save)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)

    @property
    def chart(self) -> QChart:
        return self.view.chart()

    def set_chart(self, chart: QChart) -> None:
        old = self.view.chart()
        self.view.setChart(chart)
        self.view.setMinimumWidth(max(420, room_for_labels(chart)))
        if old is not None:
            old.deleteLater()

    def save_png(self, path: Path) -> bool:
        return self.view.grab().save(str(path), "PNG")

    def _ask_and_save(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save chart as PNG"), f"{self.key}.png",
                                              self.tr("PNG images (*.png)"))
        if name:
            if not name.lower().endswith(".png"):
                name += ".png"
            if not self.save_png(Path(name)):
                self.parent_status(self.tr("Could not write {0}").format(name))

    def parent_status(self, text: str) -> None:
        screen = self.parent()
        while screen is not None and not isinstance(screen, DashboardScreen):
            screen = screen.parent()
        if screen is not None:
            screen.status.setText(text)


CHARTS = ("per_month", "by_district", "by_agency", "by_offence_class", "referral", "footage")


class DashboardScreen(QWidget):
    def __init__(self, store: IncidentStore | StoreHandle, runner: TaskRunner, parent: QWidget | None = None):
        """Its tab is in the first window: opened at once, it may be built before the store is open."""
        super().__init__(parent)
        self._store, self._runner = store_handle(store), runner
        self._loaded_once = False
        self.data: DashboardData | None = None
        self.status = QLabel(self.tr("Loading…"))
        self.status.setWordWrap(True)
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(self.status, 1)
        top.addWidget(self.refresh_button)
        grid_host = QWidget()
        grid = QGridLayout(grid_host)
        self.panels: dict[str, ChartPanel] = {}
        for i, key in enumerate(CHARTS):
            panel = ChartPanel(key)
            self.panels[key] = panel
            grid.addWidget(panel, i // 2, i % 2)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(grid_host)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._loaded_once:
            self.refresh()

    def refresh(self) -> None:
        self._loaded_once = True
        self.refresh_button.setEnabled(False)
        self.status.setText(self.tr("Loading…"))
        handle = self._store
        self._runner.run(lambda: load_dashboard(handle.store), self.show_data, self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.refresh_button.setEnabled(True)
        self.status.setText(self.tr("Could not load the dashboard: {0}").format(exc))

    def show_data(self, data: DashboardData) -> None:
        self.data = data
        self.refresh_button.setEnabled(True)
        text = self.tr("{0} incidents approved, referred or recorded (drafts and reviews not counted).").format(
            data.incidents)
        if data.demo_incidents:
            text += " " + self.tr("Includes {0} DEMO incidents (synthetic data).").format(data.demo_incidents)
        # Demo figures must never be mistaken for real ones, on screen or in a saved chart.
        self.status.setStyleSheet("color: #a00000; font-weight: bold;" if data.demo_incidents else "")
        self.status.setText(text)
        demo = self.tr(" (DEMO DATA)") if data.demo_incidents else ""
        p = self.panels
        p["per_month"].set_chart(bar_chart(self.tr("Incidents per month") + demo, data.per_month, horizontal_labels=False))
        p["by_district"].set_chart(bar_chart(self.tr("Incidents by district") + demo, data.by_district))
        p["by_agency"].set_chart(bar_chart(self.tr("Incidents by agency involved") + demo, data.by_agency))
        p["by_offence_class"].set_chart(bar_chart(self.tr("Incidents by offence class alleged") + demo,
                                                  data.by_offence_class))
        p["referral"].set_chart(bar_chart(
            self.tr("Felony allegations referred to CCSAO: {0}").format(_pct(data.referral_rate)) + demo,
            [(self.tr("Felony alleged"), data.felony_alleged), (self.tr("Referred"), data.referred)]))
        p["footage"].set_chart(bar_chart(
            self.tr("Camera footage preserved on time: {0}").format(_pct(data.preserved_on_time_rate)) + demo,
            [(self.tr("Needing a hold"), data.footage_with_deadline),
             (self.tr("Preserved on time"), data.footage_preserved_on_time)]))

