"""The interface language (English or Spanish) and locale-aware dates and times.

The language follows StationSettings.language ("" = the system's, "en", "es"). Our strings come from
resources/translations/intake_<lang>.qm; Qt's own (wizard buttons, standard dialogs) from Qt's qtbase_<lang>.qm.
Times are stored in UTC with their zone; they are shown in Chicago time, written the user's locale's way.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import cast
from zoneinfo import ZoneInfo

from PySide6 import QtCore
from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QDateTime,
    QLibraryInfo,
    QLocale,
    QTime,
    QTimeZone,
    QTranslator,
)

from ...paths import resource_path

# Qt's own, typed as it behaves: it hands back its text (PySide6's stubs say `object`, so every title or header
# marked with it failed the type check). Imported from here under the same name, which lupdate looks for.
QT_TRANSLATE_NOOP: Callable[[str, str], str] = QtCore.QT_TRANSLATE_NOOP  # type: ignore[assignment]

SUPPORTED = ("en", "es")
DEFAULT = "en"
STATION_ZONE = ZoneInfo("America/Chicago")
# Chicago's conventions when the user picks a language their system does not use (dates as month/day).
LOCALE_FOR = {"en": "en_US", "es": "es_US"}
_installed: list[QTranslator] = []
_current = DEFAULT


def resolve_language(setting: str, system: QLocale | None = None) -> str:
    """The language to show: the setting when it names one we have, else the system's, else English."""
    if setting in SUPPORTED:
        return setting
    spoken = (system or QLocale.system()).name().split("_")[0]
    return spoken if spoken in SUPPORTED else DEFAULT


def ui_locale(language: str, system: QLocale | None = None) -> QLocale:
    system = system or QLocale.system()
    if system.name().split("_")[0] == language:
        return system  # e.g. es_MX stays es_MX
    return QLocale(LOCALE_FOR.get(language, LOCALE_FOR[DEFAULT]))


def install_language(setting: str = "", app: QCoreApplication | None = None) -> str:
    """Load the translations for the chosen language (replacing earlier ones); returns the language used.
    Call before the windows are built: widgets read their texts when they are made."""
    global _current
    app = app or cast(QCoreApplication, QCoreApplication.instance())  # the process's application
    language = resolve_language(setting)
    _current = language
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    QLocale.setDefault(ui_locale(language))
    if language == DEFAULT:
        return language
    ours = QTranslator(app)
    if ours.load(str(resource_path("translations", f"intake_{language}.qm"))):
        app.installTranslator(ours)
        _installed.append(ours)
    qt_own = QTranslator(app)
    if qt_own.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    return language


def current_language() -> str:
    """The language of the interface now (for texts that come with their own translations, e.g. statutes)."""
    return _current


def _station_time(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise ValueError("naive datetime: times are stored with their zone")
    return moment.astimezone(STATION_ZONE)


def _qdatetime(moment: datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(_station_time(moment).timestamp()), QTimeZone(b"America/Chicago"))


def _qdate_qtime(local: datetime) -> tuple[QDate, QTime]:
    """A Chicago time (from _station_time, converted by Python's zoneinfo) as Qt's date and time on the wall
    clock: Qt's own time-zone database is read only for the long format, which names the zone (its first use
    takes 2.3 ms, in the first paint of the incident list; start-up)."""
    return QDate(local.year, local.month, local.day), QTime(local.hour, local.minute, local.second)


def _date_format(locale: QLocale) -> str:
    """The locale's short date, always with a four-digit year (records outlive the century's ambiguity).
    Without a locale (LANG unset: Qt's C locale writes "5 11 2026") the unambiguous ISO form."""
    if locale.language() == QLocale.Language.C:
        return "yyyy-MM-dd"
    fmt = locale.dateFormat(QLocale.FormatType.ShortFormat)
    return fmt if "yyyy" in fmt else fmt.replace("yy", "yyyy")


def date_input_format() -> str:
    """The display format of a date input: the same short date the screens write (the day part of format_datetime)."""
    return _date_format(QLocale())


def datetime_input_format() -> str:
    """The display format of a date-time input: the screens' date and time (format_datetime), without the zone
    (the record's zone is chosen beside it)."""
    locale = QLocale()
    return f"{_date_format(locale)} {locale.timeFormat(QLocale.FormatType.ShortFormat)}"


def format_datetime(moment: datetime | None, *, long: bool = False) -> str:
    """A stored (UTC, zone-aware) time as the user reads it: Chicago time, locale's format, zone abbreviation."""
    if moment is None:
        return ""
    locale = QLocale()
    if long:
        return locale.toString(_qdatetime(moment), QLocale.FormatType.LongFormat)
    local = _station_time(moment)
    day, time = _qdate_qtime(local)
    text = f"{locale.toString(day, _date_format(locale))} {locale.toString(time, QLocale.FormatType.ShortFormat)}"
    return f"{text} {local.tzname()}"


def format_in_zone(moment: datetime, zone) -> str:
    """A time in a record's own zone, written as format_datetime writes station times."""
    local = moment.astimezone(zone)
    locale = QLocale()
    day, time = _qdate_qtime(local)
    return f"{locale.toString(day, _date_format(locale))} {locale.toString(time, QLocale.FormatType.ShortFormat)} {local.tzname()}"


def format_wall(wall: datetime) -> str:
    """A wall-clock time with no zone (one the clocks skipped or passed twice), written as the inputs show it."""
    locale = QLocale()
    day, time = _qdate_qtime(wall)
    return f"{locale.toString(day, _date_format(locale))} {locale.toString(time, QLocale.FormatType.ShortFormat)}"
