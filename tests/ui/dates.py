"""A station date written as the app's inputs show it: the day part of `format_datetime`, for tests that check
the day a moment falls on in the station's zone and the locale's date order. Test code: the app writes no date
without its time."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QLocale

from intake_app.ui.common.i18n import _date_format, _qdate_qtime, _station_time


def format_date(moment: datetime | None) -> str:
    if moment is None:
        return ""
    locale = QLocale()
    return locale.toString(_qdate_qtime(_station_time(moment))[0], _date_format(locale))
