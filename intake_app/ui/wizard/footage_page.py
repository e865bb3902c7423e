"""Page 4: references to footage (body-worn, in-car, POD, private cameras, phone video)."""

from __future__ import annotations

import copy
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QLineEdit,
    QPushButton,
    QWizardPage,
)

from ...domain.enums import FootageKind, Preservation
from ...domain.instants import LocalTimeError
from ...domain.records import FootageItem, Incident
from ...domain.validation import validate
from ..common.domain_text import problem_line
from ..common.flow_layout import with_button
from ..common.i18n import QT_TRANSLATE_NOOP, format_datetime
from ..common.vocabulary import vocabulary_label
from ..evidence.hash_progress import apply_hash, attach_hashing
from .common import (
    datetime_edit,
    edit_time,
    enum_data,
    incident_wizard_of,
    required_name,
    set_edit_time,
    time_problems,
)
from .list_page import ListPage
from .order_fields import FootageOrderFields
from .row_dialog import RowDialog
from .time_field import with_now_button


class FootageDialog(RowDialog):
    def __init__(self, item: FootageItem, number: int, zone: str, parent=None, runner=None):
        super().__init__(QCoreApplication.translate("Wizard", "Footage %1").replace("%1", str(number)), parent)
        self.item, self.zone = item, zone
        self.kind = QComboBox()
        for k in FootageKind:
            self.kind.addItem(vocabulary_label(k), k)
        self.device_id = QLineEdit()
        self.officer_star = QLineEdit()
        self.start = datetime_edit(optional=True)
        self.end = datetime_edit(optional=True)
        self.evidence_id = QLineEdit()
        self.file_path = QLineEdit()
        browse = QPushButton(QCoreApplication.translate("Wizard", "&Attach file…"))
        browse.clicked.connect(self._browse)
        file_row = with_button(self.file_path, browse)
        self.preservation = QComboBox()
        for p in Preservation:
            self.preservation.addItem(vocabulary_label(p), p)
        self.add_field(QCoreApplication.translate("Wizard", "&Kind:"), self.kind, QCoreApplication.translate("Wizard", "Footage kind"))
        self.add_field(QCoreApplication.translate("Wizard", "&Device or camera ID:"), self.device_id, QCoreApplication.translate("Wizard", "Device or camera ID"))
        self.add_field(QCoreApplication.translate("Wizard", "Officer s&tar:"), self.officer_star, QCoreApplication.translate("Wizard", "Officer star number"))
        self.start.suggest = self._near_the_incident
        self.end.suggest = lambda: (self.start.dateTime() if not self.start.is_empty() else self._near_the_incident())
        self.add_field(QCoreApplication.translate("Wizard", "&Start:"), with_now_button(self.start),
                       QCoreApplication.translate("Wizard", "Start time"), path="footage[].start")
        self.add_field(QCoreApplication.translate("Wizard", "&End:"), with_now_button(self.end),
                       QCoreApplication.translate("Wizard", "End time"), path="footage[].end")
        self.start.setAccessibleName(required_name(QCoreApplication.translate("Wizard", "Start time")))
        self.end.setAccessibleName(required_name(QCoreApplication.translate("Wizard", "End time")))
        self.add_field(QCoreApplication.translate("Wizard", "E&vidence ID:"), self.evidence_id, QCoreApplication.translate("Wizard", "Evidence-management ID"))
        self.add_field(QCoreApplication.translate("Wizard", "Local &file:"), file_row, QCoreApplication.translate("Wizard", "Local file path"))
        self.file_path.setAccessibleName(QCoreApplication.translate("Wizard", "Local file path"))
        self.hashing = attach_hashing(self, runner)
        self.add_field(QCoreApplication.translate("Wizard", "&Preservation:"), self.preservation, QCoreApplication.translate("Wizard", "Preservation status"))
        self.order = FootageOrderFields(self, item, zone)  # the Body Camera Act's flag and the hold form

        self.kind.setCurrentIndex(max(0, self.kind.findData(item.kind)))
        self.device_id.setText(item.device_id)
        self.officer_star.setText(item.officer_star)
        self.start.zone_name = self.end.zone_name = zone
        set_edit_time(self.start, item.start, zone)
        set_edit_time(self.end, item.end, zone)
        self.evidence_id.setText(item.evidence_id)
        self.file_path.setText(item.file_path)
        self.preservation.setCurrentIndex(max(0, self.preservation.findData(item.preservation_status)))
        for edit in (self.device_id, self.officer_star, self.evidence_id, self.file_path):
            edit.textChanged.connect(self._check)
        for time_edit in (self.start, self.end):
            time_edit.dateTimeChanged.connect(self._check)
            time_edit.fold_choice.currentIndexChanged.connect(self._check)
        self.kind.currentIndexChanged.connect(self._check)
        self._check()
        self.fit()

    def _near_the_incident(self) -> QDateTime:
        """The incident's own time (footage usually starts about then), else this minute."""
        page = self.parent()  # the footage page, or none (a dialog of its own)
        wizard = incident_wizard_of(page) if isinstance(page, QWizardPage) else None
        # As typed on page 1 so far, not as the record was when the wizard opened.
        occurred = wizard.current_incident().occurred_at if wizard is not None else None
        if occurred is None:
            return QDateTime.currentDateTime()
        local = occurred.astimezone(ZoneInfo(self.zone))  # the wall clock of the record's zone, as the field shows it
        return QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, QCoreApplication.translate("Wizard", "Footage file"))
        if path:
            self.file_path.setText(path)
            if self.hashing is not None:
                self.hashing.start(path)

    def result_item(self) -> FootageItem:
        item = self.item
        item.kind = enum_data(FootageKind, self.kind)
        item.device_id = self.device_id.text().strip()
        item.officer_star = self.officer_star.text().strip()
        for name, edit in (("start", self.start), ("end", self.end)):
            try:
                setattr(item, name, edit_time(edit, self.zone))
            except LocalTimeError:
                pass  # not taken: the item keeps its time, and the dialog says why (time_problems)
        item.evidence_id = self.evidence_id.text().strip()
        if item.file_path != self.file_path.text().strip():
            item.sha256, item.file_size, item.file_mtime, item.hashed_at = "", None, None, None  # another file
        item.file_path = self.file_path.text().strip()
        apply_hash(self.hashing, item)
        item.preservation_status = enum_data(Preservation, self.preservation)
        return self.order.apply(item)

    def typed_time_problems(self):
        return time_problems(self.start, self.zone, "footage[0].start") + time_problems(self.end, self.zone, "footage[0].end")

    def _check(self) -> None:
        typed = self.typed_time_problems()
        paths = {p.path for p in typed}
        problems = typed + [p for p in validate(Incident(footage=[self.result_item_preview()])) if p.path not in paths]
        self.show_messages([problem_line(p, within_row=True) for p in problems if p.path.startswith("footage[0]")])

    def accept(self) -> None:
        if self.typed_time_problems():  # a time that stands for no single instant is never taken silently
            self.reveal()
            self._check()
            return
        super().accept()

    def result_item_preview(self) -> FootageItem:
        original, self.item = self.item, copy.deepcopy(self.item)
        try:
            return self.result_item()
        finally:
            self.item = original


class FootagePage(ListPage):
    step_key = "footage"
    attribute = "footage"
    noun = QT_TRANSLATE_NOOP("Wizard", "footage")
    item_type = FootageItem
    headers = (QT_TRANSLATE_NOOP("Wizard", "Kind"), QT_TRANSLATE_NOOP("Wizard", "Device"),
               QT_TRANSLATE_NOOP("Wizard", "Officer star"), QT_TRANSLATE_NOOP("Wizard", "Start"),
               QT_TRANSLATE_NOOP("Wizard", "Evidence ID"), QT_TRANSLATE_NOOP("Wizard", "Preservation"))

    def __init__(self, parent=None):
        super().__init__(QCoreApplication.translate("Wizard", "Footage references"), parent)
        self.setSubTitle(QCoreApplication.translate("Wizard", "Where the video is. The app never copies or moves the video itself."))

    def row_values(self, f: FootageItem) -> list[str]:
        start = format_datetime(f.start)  # the screens' one date format (the locale's), as the lists show it
        return [vocabulary_label(f.kind), f.device_id, f.officer_star, start, f.evidence_id, vocabulary_label(f.preservation_status)]

    def dialog_for(self, item: FootageItem, number: int) -> FootageDialog:
        wizard = incident_wizard_of(self)
        return FootageDialog(item, number, wizard.incident.timezone, self, wizard.runner)
