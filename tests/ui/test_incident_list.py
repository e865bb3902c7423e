from datetime import UTC, datetime

from PySide6.QtCore import Qt

from intake_app.domain.enums import Status
from intake_app.storage.queries import IncidentSummary
from intake_app.ui.incident_table_model import COL_DEMO, COL_REPORT, HEADERS, IncidentTableModel
from tests.factories import make_incident


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
