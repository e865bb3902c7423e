"""The Links tab's table model shows what a reviewer needs to judge a link, from rows handed to it."""

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt

from intake_app.domain.matching import AGENT_LINK, CONFIRMED, Match, OtherIncident, Shared
from intake_app.ui.links.links_model import (
    COL_DISTRICT,
    COL_REPORT,
    COL_SHARED,
    COL_STATUS,
    COL_STRENGTH,
    LinksModel,
)

OTHER = OtherIncident("id-2", "D012-2026-M3X-00007", 12, datetime(2026, 11, 5, 14, 30, tzinfo=ZoneInfo("America/Chicago")),
                      "in_review")
PLATE = Shared("plate", "ABC1234", "IL", "ABC 1234 (IL)", "abc-1234 (IL)")


def _cell(model, row, col):
    return model.data(model.index(row, col), Qt.DisplayRole)


def test_a_row_shows_report_district_strength_status_and_what_is_shared(qapp):
    model = LinksModel()
    model.set_rows([Match(OTHER, AGENT_LINK, 0.9, (PLATE,), decision=CONFIRMED)])

    assert model.rowCount() == 1
    assert _cell(model, 0, COL_REPORT) == "D012-2026-M3X-00007"
    assert _cell(model, 0, COL_DISTRICT) == "12"
    assert _cell(model, 0, COL_STRENGTH) == "strong (0.90)"
    assert _cell(model, 0, COL_STATUS) == "confirmed"
    assert _cell(model, 0, COL_SHARED) == "plate abc-1234 (IL) (this report: ABC 1234 (IL))"


def test_an_undecided_match_is_shown_as_suggested(qapp):
    model = LinksModel()
    model.set_rows([Match(OTHER, AGENT_LINK, 0.6, (PLATE,))])

    assert _cell(model, 0, COL_STATUS) == "suggested"
    assert _cell(model, 0, COL_STRENGTH) == "medium (0.60)"
