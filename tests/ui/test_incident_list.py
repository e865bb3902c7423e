from datetime import UTC, datetime

from PySide6.QtCore import Qt

from intake_app.domain.enums import Status
from intake_app.storage.queries import IncidentSummary
from intake_app.ui.common import i18n
from intake_app.ui.incidents.incident_table_model import (
    COL_ADDRESS,
    COL_DEMO,
    COL_REPORT,
    HEADERS,
    IncidentTableModel,
)
from intake_app.ui.shell.main_window import MainWindow
from tests.factories import make_incident
from tests.sync_tasks import SyncTaskRunner


def summary(number: str, day: int, demo=False) -> IncidentSummary:
    return IncidentSummary(number, number, Status.DRAFT, 9, "0912", datetime(2026, 5, day, tzinfo=UTC),
                           "1 Main St", 1, datetime(2026, 5, day, tzinfo=UTC), 1, demo)


def test_the_list_model_holds_the_rows_given_and_sorts_them(qtbot):
    model = IncidentTableModel()
    model.set_rows([summary("D009-2026-AAA-00002", 2), summary("D009-2026-AAA-00001", 1, demo=True)])
    assert model.rowCount() == 2 and model.columnCount() == len(HEADERS)
    model.sort(COL_REPORT, Qt.SortOrder.AscendingOrder)
    assert model.index(0, COL_REPORT).data() == "D009-2026-AAA-00001"
    assert model.index(0, COL_DEMO).data() == "DEMO"


def test_the_list_never_shows_the_reporting_partys_name(qtbot, window, station, actor):
    incident = make_incident()
    incident.reporting_party.name = "Hidden Person Zq"
    station.save(incident, actor)
    window.incidents.refresh()
    model = window.incidents.model
    texts = [str(model.index(r, c).data()) for r in range(model.rowCount()) for c in range(model.columnCount())]
    assert model.rowCount() == 1 and not any("Hidden Person Zq" in t for t in texts)


def widest_rows() -> list[IncidentSummary]:
    """One row per status, numbered and not, each field at its widest form, in both of Chicago's zones."""
    rows = []
    for n, status in enumerate(Status):
        moment = datetime(2026, 10 if n % 2 else 12, 28, 4 if n % 3 else 16, 58, tzinfo=UTC)
        rows.append(IncidentSummary(f"id-{n}", "D888-8888-WWW-88888" if n % 2 else "", status, 25, "2533", moment,
                                    "4021 W Witness Ln", 188, moment, 1, True))
    return rows


def test_every_column_is_wide_enough_for_its_widest_value_and_its_header(qtbot, window):
    screen = window.incidents
    screen.model.set_rows(widest_rows())
    header = screen.table.horizontalHeader()
    for col in range(screen.model.columnCount()):
        if not screen.model.widest_texts(col):
            continue  # the address: it stretches
        width = screen.table.columnWidth(col)
        # What Qt would need to show every value and the header (with its sort arrow) without cutting them.
        assert screen.table.sizeHintForColumn(col) <= width, (col, screen.model.headerData(col, Qt.Orientation.Horizontal))
        assert header.sectionSizeHint(col) <= width, col


def test_in_spanish_the_columns_fit_the_longer_words(qtbot, station, data_dir):
    i18n.install_language("es")
    try:
        window = MainWindow(station, SyncTaskRunner(), data_dir=data_dir)
        qtbot.addWidget(window)
        screen = window.incidents
        assert screen.model.widest_texts(COL_REPORT)[1] == "(aún sin número)"  # measured in Spanish
        screen.model.set_rows(widest_rows())
        for col in range(screen.model.columnCount()):
            if screen.model.widest_texts(col):
                assert screen.table.sizeHintForColumn(col) <= screen.table.columnWidth(col), col
    finally:
        i18n.install_language("en")


def test_in_a_narrow_window_the_address_keeps_its_width_and_the_table_scrolls_sideways(qtbot, window):
    screen = window.incidents
    screen.model.set_rows(widest_rows())
    window.show()
    qtbot.waitExposed(window)
    least = 20 * screen.table.fontMetrics().averageCharWidth()  # "4021 W Witness Ln" and more
    window.resize(700, 600)  # 200% text on a 1366x768 screen leaves 683 points
    qtbot.waitUntil(lambda: screen.table.columnWidth(COL_ADDRESS) >= least)
    assert screen.table.horizontalScrollBar().maximum() > 0
    window.resize(1600, 700)  # room again: the address takes what the others leave
    qtbot.waitUntil(lambda: screen.table.columnWidth(COL_ADDRESS) > least)
    assert screen.table.horizontalScrollBar().maximum() == 0
