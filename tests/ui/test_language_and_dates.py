"""The interface language follows the settings or the system; dates show in the user's locale, Chicago time."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from intake_app.ui.common import i18n
from tests.ui.dates import format_date


@pytest.fixture
def english_afterwards(qapp):
    yield qapp
    i18n.install_language("en")


def test_an_explicit_setting_wins_over_the_system():
    assert i18n.resolve_language("es", QLocale("en_US")) == "es"
    assert i18n.resolve_language("en", QLocale("es_MX")) == "en"


def test_an_empty_setting_follows_the_system_language():
    assert i18n.resolve_language("", QLocale("es_MX")) == "es"
    assert i18n.resolve_language("", QLocale("en_GB")) == "en"


def test_a_system_language_we_do_not_have_falls_back_to_english():
    assert i18n.resolve_language("", QLocale("pl_PL")) == "en"


def test_spanish_translates_our_strings_and_qts_own_buttons(english_afterwards):
    assert i18n.install_language("es") == "es"
    assert QCoreApplication.translate("AboutDialog", "About") == "Acerca de"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancelar"


def test_switching_back_to_english_removes_the_spanish_texts(english_afterwards):
    i18n.install_language("es")
    i18n.install_language("en")
    assert QCoreApplication.translate("AboutDialog", "About") == "About"


def test_a_utc_time_is_shown_in_chicago_time_with_its_zone(english_afterwards):
    i18n.install_language("en")
    winter = datetime(2026, 11, 25, 14, 5, tzinfo=UTC)
    summer = datetime(2026, 7, 4, 14, 5, tzinfo=UTC)
    assert i18n.format_datetime(winter) == "11/25/2026 8:05\u202fAM CST" or i18n.format_datetime(winter) == "11/25/2026 8:05 AM CST"
    assert i18n.format_datetime(summer).endswith("9:05\u202fAM CDT") or i18n.format_datetime(summer).endswith("9:05 AM CDT")


def test_the_hour_repeated_when_clocks_fall_back_is_told_apart_by_its_zone(english_afterwards):
    i18n.install_language("en")
    before = i18n.format_datetime(datetime(2026, 11, 1, 6, 30, tzinfo=UTC))  # 1:30 AM daylight time
    after = i18n.format_datetime(datetime(2026, 11, 1, 7, 30, tzinfo=UTC))  # an hour later: 1:30 AM again
    assert before.replace("\u202f", " ") == "11/1/2026 1:30 AM CDT"
    assert after.replace("\u202f", " ") == "11/1/2026 1:30 AM CST"
    assert format_date(datetime(2026, 11, 1, 4, 59, tzinfo=UTC)) == "10/31/2026"  # still Saturday in Chicago


def test_in_spanish_dates_are_day_first_and_months_are_spanish(english_afterwards):
    i18n.install_language("es")
    moment = datetime(2026, 11, 25, 14, 5, tzinfo=UTC)
    assert format_date(moment) == "25/11/2026"
    assert "noviembre" in i18n.format_datetime(moment, long=True)


def test_a_time_without_a_zone_is_refused():
    with pytest.raises(ValueError):
        i18n.format_datetime(datetime(2026, 11, 25, 14, 5))


def test_without_a_system_locale_dates_are_written_year_first(english_afterwards):
    previous = QLocale()
    QLocale.setDefault(QLocale.c())
    try:
        assert i18n.format_datetime(datetime(2026, 11, 5, 14, 5, tzinfo=UTC)).startswith("2026-11-05 ")
    finally:
        QLocale.setDefault(previous)


def test_the_footage_list_writes_its_start_times_in_the_screens_one_date_format(qtbot, window):
    from datetime import UTC, datetime

    from intake_app.domain.records import FootageItem
    from intake_app.ui.common.i18n import format_datetime

    wizard = window.new_incident()
    for _ in range(3):
        wizard.next()
    page = wizard.currentPage()
    start = datetime(2026, 12, 6, 17, 40, tzinfo=UTC)
    page.items = [FootageItem(device_id="BWC-1", start=start)]
    page._fill()
    assert page.table.item(0, 3).text() == format_datetime(start)  # not "2026-12-06 11:40" beside "12/6/2026"
    wizard.dirty = False
