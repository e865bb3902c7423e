"""Page 1: when, where and how the incident came to the station, the narrative, the supervisor.

The supervisor is whoever is signed in when the record is started (the audit trail and the packet must name
the person who actually entered it), shown read-only; a record that already names its supervisor keeps it,
so a reviewer's correction does not make the reviewer its supervisor."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QDoubleValidator
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit

from ...domain.actor import Actor
from ...domain.enums import Source
from ...domain.geography import DISTRICTS, locate
from ...domain.instants import LocalTimeError
from ...domain.records import DEFAULT_TIMEZONE, Supervisor
from ..common.vocabulary import vocabulary_label
from .common import (
    IncidentPage,
    datetime_edit,
    edit_time,
    enum_data,
    messages_for,
    select_or_keep,
    set_edit_time,
    show_problem_text,
    time_problems,
    time_row,
)

ZONES = (DEFAULT_TIMEZONE, "America/New_York", "America/Denver", "America/Los_Angeles", "UTC")


def _float_or_none(text: str) -> float | None:
    try:
        return float(text) if text.strip() else None
    except ValueError:
        return None


class DetailsPage(IncidentPage):
    step_key = "details"

    def __init__(self, signed_in: Callable[[], Actor], parent=None):
        super().__init__(QCoreApplication.translate("Wizard", "Incident details"), parent)
        self.setSubTitle(QCoreApplication.translate("Wizard", "Where and when it happened, and what was seen."))
        self._signed_in = signed_in
        self.district = QComboBox()
        self.district.addItem(QCoreApplication.translate("Wizard", "(choose)"), None)
        for d in DISTRICTS:
            self.district.addItem(QCoreApplication.translate("Wizard", "District %1").replace("%1", str(d)), d)
        self.beat = QLineEdit()
        self.beat.setPlaceholderText(QCoreApplication.translate("Wizard", "4 digits, e.g. 0912"))
        self.occurred = datetime_edit(optional=False)
        self.zone = QComboBox()
        for z in ZONES:
            self.zone.addItem(z, z)
        self.address = QLineEdit()
        self.latitude = QLineEdit()
        self.longitude = QLineEdit()
        for edit in (self.latitude, self.longitude):
            edit.setValidator(QDoubleValidator(-180.0, 180.0, 6))
            edit.setPlaceholderText(QCoreApplication.translate("Wizard", "optional"))
        self.source = QComboBox()
        self.source.addItem(QCoreApplication.translate("Wizard", "(choose)"), None)
        for s in Source:
            self.source.addItem(vocabulary_label(s), s)
        self.narrative = QPlainTextEdit()
        self.narrative.setTabChangesFocus(True)  # keyboard users must be able to leave the field
        self.narrative.setMinimumHeight(self.fontMetrics().lineSpacing() * 6)
        self.supervisor_name = QLineEdit()
        self.supervisor_star = QLineEdit()
        for edit in (self.supervisor_name, self.supervisor_star):
            edit.setReadOnly(True)  # not typed: a record must not name someone else as who entered it
            edit.setFrame(False)  # looks like text, not like a box waiting for input (keeps the palette)
            edit.setToolTip(QCoreApplication.translate("Wizard", "The user who is signed in and entering the record."))

        self.p_district = self.add_field(QCoreApplication.translate("Wizard", "Distri&ct:"), self.district, QCoreApplication.translate("Wizard", "District"), path="district")
        self.p_beat = self.add_field(QCoreApplication.translate("Wizard", "&Beat:"), self.beat, QCoreApplication.translate("Wizard", "Beat"), path="beat")
        self.p_occurred = self.add_field(QCoreApplication.translate("Wizard", "&Occurred at:"), time_row(self.occurred), QCoreApplication.translate("Wizard", "Occurred at (date and time)"), path="occurred_at")
        self.p_zone = self.add_field(QCoreApplication.translate("Wizard", "Time &zone:"), self.zone, QCoreApplication.translate("Wizard", "Time zone"), path="timezone")
        self.p_address = self.add_field(QCoreApplication.translate("Wizard", "&Address:"), self.address, QCoreApplication.translate("Wizard", "Address"), path="location.address")
        self.p_latitude = self.add_field(QCoreApplication.translate("Wizard", "Lat&itude:"), self.latitude, QCoreApplication.translate("Wizard", "Latitude"), path="location.latitude")
        self.p_longitude = self.add_field(QCoreApplication.translate("Wizard", "Lon&gitude:"), self.longitude, QCoreApplication.translate("Wizard", "Longitude"), path="location.longitude")
        self.p_source = self.add_field(QCoreApplication.translate("Wizard", "&Source:"), self.source, QCoreApplication.translate("Wizard", "Source"), path="source")
        self.p_narrative = self.add_field(QCoreApplication.translate("Wizard", "Na&rrative:"), self.narrative, QCoreApplication.translate("Wizard", "Narrative"), path="narrative")
        self.p_sup_name = self.add_field(QCoreApplication.translate("Wizard", "Supervisor na&me:"), self.supervisor_name, QCoreApplication.translate("Wizard", "Supervisor name"), path="supervisor.name")
        self.p_sup_star = self.add_field(QCoreApplication.translate("Wizard", "Supervisor s&tar:"), self.supervisor_star, QCoreApplication.translate("Wizard", "Supervisor star number"), path="supervisor.star")

        for signal in (self.district.currentIndexChanged, self.beat.textChanged, self.occurred.dateTimeChanged,
                       self.zone.currentIndexChanged, self.occurred.fold_choice.currentIndexChanged, self.address.textChanged, self.latitude.textChanged,
                       self.longitude.textChanged, self.source.currentIndexChanged, self.narrative.textChanged,
                       self.supervisor_name.textChanged, self.supervisor_star.textChanged):
            signal.connect(self.emit_changed)
        self._located_from: tuple[str, str] = ("", "")
        for edit in (self.latitude, self.longitude):
            edit.editingFinished.connect(self.derive_district_and_beat)

    def derive_district_and_beat(self) -> None:
        """Coordinates typed (or changed) fill the district and beat they fall in; both stay editable, and one
        typed later that disagrees with the coordinates is a problem the validator names. Outside the city or in
        no patrol district, the typed values stand."""
        coordinates = (self.latitude.text().strip(), self.longitude.text().strip())
        if coordinates == self._located_from:
            return  # the user left the field without changing it: a district chosen since stays as chosen
        lat, lon = _float_or_none(coordinates[0]), _float_or_none(coordinates[1])
        if lat is None or lon is None:
            return
        self._located_from = coordinates
        where = locate(lat, lon)
        if where is None or where.district is None:
            return
        self.district.setCurrentIndex(max(0, self.district.findData(where.district)))
        self.beat.setText(where.beat)

    def load(self, inc) -> None:
        self.district.setCurrentIndex(max(0, self.district.findData(inc.district)))
        self.beat.setText(inc.beat)
        select_or_keep(self.zone, inc.timezone)
        set_edit_time(self.occurred, inc.occurred_at, inc.timezone)
        self.address.setText(inc.location.address)
        self.latitude.setText("" if inc.location.latitude is None else str(inc.location.latitude))
        self.longitude.setText("" if inc.location.longitude is None else str(inc.location.longitude))
        self._located_from = (self.latitude.text().strip(), self.longitude.text().strip())
        self.source.setCurrentIndex(max(0, self.source.findData(inc.source)))
        self.narrative.setPlainText(inc.narrative)
        supervisor = inc.supervisor if inc.supervisor.star.strip() else self._signed_in()
        self.supervisor_name.setText(supervisor.name)
        self.supervisor_star.setText(supervisor.star)

    def store(self, inc) -> None:
        inc.district = self.district.currentData()
        inc.beat = self.beat.text().strip()
        inc.timezone = self.zone.currentData()
        try:
            inc.occurred_at = edit_time(self.occurred, inc.timezone)
        except LocalTimeError:
            pass  # not taken: the record keeps its time, and the field says why (time_problems)
        inc.location.address = self.address.text()
        inc.location.latitude = _float_or_none(self.latitude.text())
        inc.location.longitude = _float_or_none(self.longitude.text())
        inc.source = enum_data(Source, self.source)
        inc.narrative = self.narrative.toPlainText()
        inc.supervisor = Supervisor(self.supervisor_name.text().strip(), self.supervisor_star.text().strip())

    def time_problems(self):
        return time_problems(self.occurred, self.zone.currentData(), "occurred_at")

    def show_problems(self, problems) -> None:
        for problem_label, path, field in (
            (self.p_district, "district", self.district), (self.p_beat, "beat", self.beat),
            (self.p_occurred, "occurred_at", self.occurred), (self.p_zone, "timezone", self.zone),
            (self.p_address, "location.address", self.address), (self.p_latitude, "location.latitude", self.latitude),
            (self.p_longitude, "location.longitude", self.longitude), (self.p_source, "source", self.source),
            (self.p_narrative, "narrative", self.narrative),
            (self.p_sup_name, "supervisor.name", self.supervisor_name),
            (self.p_sup_star, "supervisor.star", self.supervisor_star),
        ):
            show_problem_text(problem_label, messages_for(problems, path), field)
