"""Date and time inputs are written as every screen writes dates: the locale's short format, in English and
Spanish, the same way the record view shows the record's times."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QLocale

from intake_app.ui.common import i18n
from tests.ui.dates import format_date

from ..factories import make_incident

OCCURRED = datetime(2026, 12, 6, 17, 40, tzinfo=UTC)  # 11:40 in Chicago


@pytest.fixture
def spanish(qapp):
    i18n.install_language("es")
    yield
    i18n.install_language("en")


def spanish_short_format() -> str:
    locale = QLocale()  # the interface's Spanish locale (es_US unless the system's is Spanish)
    assert locale.language() == QLocale.Language.Spanish
    day = locale.dateFormat(QLocale.FormatType.ShortFormat).replace("yyyy", "yy").replace("yy", "yyyy")
    return f"{day} {locale.timeFormat(QLocale.FormatType.ShortFormat)}"


def occurred_line(view) -> str:
    return next(line for line in view.summary.toPlainText().splitlines() if line.startswith("Fecha y hora del hecho"))


def test_in_spanish_the_wizards_time_inputs_use_the_spanish_short_format(spanish, window):
    wizard = window.open_wizard(make_incident(occurred_at=OCCURRED))
    details, scene = wizard.pages[0], next(p for p in wizard.pages if p.step_key == "scene")
    assert details.occurred.displayFormat() == spanish_short_format()
    assert scene.fs_time.displayFormat() == spanish_short_format()
    assert details.occurred.text().startswith("6/12/2026 11:40")


def test_in_spanish_the_wizard_writes_a_time_as_the_record_view_shows_it(spanish, window, station, actor, qtbot):
    stored = station.save(make_incident(occurred_at=OCCURRED), actor)
    window.open_incident(stored.id)
    qtbot.waitUntil(lambda: window.tabs.count() > 1 and window.tabs.currentIndex() > 0)
    shown = occurred_line(window.tabs.currentWidget())
    typed = window.open_wizard(stored).pages[0].occurred.text()
    assert shown.endswith(f"{typed} CST"), (shown, typed)


def test_in_english_the_time_inputs_use_the_english_short_format(window):
    i18n.install_language("en")
    wizard = window.open_wizard(make_incident(occurred_at=OCCURRED))
    assert wizard.pages[0].occurred.text().replace("\u202f", " ") == "12/6/2026 11:40 AM"


def test_the_footage_dialogs_times_use_the_locales_format(spanish, qtbot):
    from intake_app.ui.wizard.footage_page import FootageDialog

    dialog = FootageDialog(make_incident().footage[0], 1, "America/Chicago")
    qtbot.addWidget(dialog)
    assert dialog.start.displayFormat() == dialog.end.displayFormat() == spanish_short_format()


def test_in_spanish_the_incident_lists_date_filters_use_the_short_date_the_list_shows(spanish, window):
    day_format = spanish_short_format().split(" ")[0]
    assert window.incidents.date_from.displayFormat() == window.incidents.date_to.displayFormat() == day_format
    assert format_date(OCCURRED) == "6/12/2026"


def test_in_spanish_a_time_the_clocks_skipped_is_named_in_the_spanish_format(spanish, window):
    from datetime import datetime as wall_clock

    from intake_app.ui.wizard.common import time_problems

    wizard = window.open_wizard(make_incident(occurred_at=OCCURRED))
    edit = wizard.pages[0].occurred
    edit.setDateTime(edit.dateTime().fromString("2026-03-08 02:20", "yyyy-MM-dd HH:mm"))
    [problem] = time_problems(edit, "America/Chicago", "occurred_at")
    assert problem.params["time"] == i18n.format_wall(wall_clock(2026, 3, 8, 2, 20))
    assert problem.params["time"].startswith("8/3/2026 2:20")
    wizard.dirty = False
