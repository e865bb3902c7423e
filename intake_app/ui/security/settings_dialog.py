"""Settings: the station's district, its footage retention (body-worn and in-car; POD and private cameras), the
patterns of CPD RD and OEMC event numbers, and the interface language (kept in the encrypted
store) and the data
folder (kept by intake_app.paths in a small config file, used at the next start by the app and the CLI).
A new language shows from the next start (see ui/restart.py for why); the main window offers to restart. No supervisor here:
records name the user who is signed in (review and station security), never a name typed once into a shared PC's settings."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from ...domain.geography import DISTRICTS
from ...domain.order_validation import MAX_KIND_RETENTION_DAYS, PER_KIND_RETENTION
from ...domain.settings import StationSettings
from ...domain.validation import validate_settings
from ...paths import preferred_data_dir as chosen_data_dir
from ...paths import remember_data_dir
from ..common.domain_text import problem_line
from ..common.flow_layout import with_button
from ..shell.branding import window_title

# Each language named in itself, so a user who cannot read the current language still finds theirs.
LANGUAGE_NAMES = (("en", "English"), ("es", "Español"))


class SettingsDialog(QDialog):
    def __init__(self, settings: StationSettings, data_dir: Path, parent=None):
        super().__init__(parent)
        self.setWindowTitle(window_title(self.tr("Settings")))
        self._settings = settings
        self.district = QComboBox()
        self.district.addItem(self.tr("(choose)"), None)
        for d in DISTRICTS:
            self.district.addItem(self.tr("District %1").replace("%1", str(d)), d)
        self.district.setCurrentIndex(max(0, self.district.findData(settings.district)))
        # Body-worn and in-car footage is purged this many days after recording unless a hold is made: the
        # preservation deadlines (and their alert list) follow it.
        self.retention = QSpinBox()
        self.retention.setRange(1, 3650)
        self.retention.setValue(settings.retention_days)
        # What the order and CPD practice require: the patterns RD and OEMC numbers must match (to be checked
        # with CPD and OEMC, hence settings), and how long POD and private cameras keep footage.
        self.rd_pattern = QLineEdit(settings.rd_number_pattern)
        self.oemc_pattern = QLineEdit(settings.oemc_event_number_pattern)
        self.kind_retention: dict[str, QSpinBox] = {}
        per_kind = settings.footage_retention_days if isinstance(settings.footage_retention_days, dict) else {}
        for kind in PER_KIND_RETENTION:
            spin = QSpinBox()
            spin.setRange(0, MAX_KIND_RETENTION_DAYS)
            spin.setSpecialValueText(self.tr("no scheduled purge"))  # 0: the kind is left out of the setting
            days = per_kind.get(kind)
            spin.setValue(days if isinstance(days, int) and not isinstance(days, bool) and days > 0 else 0)
            self.kind_retention[kind] = spin
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #b00020")
        self.problems.setAccessibleName(self.tr("Problems"))
        self.problems.hide()
        self.language = QComboBox()
        self.language.addItem(self.tr("Follow the system"), "")
        for code, name in LANGUAGE_NAMES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.data_dir = QLineEdit(str(chosen_data_dir() or data_dir))
        self.data_dir.setReadOnly(True)
        browse = QPushButton(self.tr("C&hange…"))
        browse.clicked.connect(self._browse)
        folder = with_button(self.data_dir, browse)

        form = QFormLayout()
        for text, field, name in ((self.tr("Station &district:"), self.district, self.tr("Station district")),
                                  (self.tr("Footage &retention (days):"), self.retention,
                                   self.tr("Footage retention in days")),
                                  (self.tr("&POD camera retention (days):"), self.kind_retention["pod_camera"],
                                   self.tr("POD camera retention in days")),
                                  (self.tr("Pri&vate camera retention (days):"),
                                   self.kind_retention["private_business_camera"],
                                   self.tr("Private or business camera retention in days")),
                                  (self.tr("RD n&umber pattern:"), self.rd_pattern, self.tr("RD number pattern")),
                                  (self.tr("O&EMC event number pattern:"), self.oemc_pattern,
                                   self.tr("OEMC event number pattern")),
                                  (self.tr("&Language:"), self.language, self.tr("Language")),
                                  (self.tr("Data &folder:"), self.data_dir, self.tr("Data folder"))):
            label = QLabel(text)
            label.setBuddy(field)
            field.setAccessibleName(name)
            form.addRow(label, folder if field is self.data_dir else field)
        note = QLabel(self.tr("A new language or data folder is used from the next start of the app."))
        note.setWordWrap(True)
        form.addRow("", note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problems)
        layout.addWidget(buttons)
        self._initial_dir = self.data_dir.text()

    def _browse(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Data folder"), self.data_dir.text())
        if path:
            self.data_dir.setText(path)

    def result_settings(self) -> StationSettings:
        per_kind = {k: v for k, v in (self._settings.footage_retention_days or {}).items()
                    if k not in PER_KIND_RETENTION}
        per_kind.update({kind: spin.value() for kind, spin in self.kind_retention.items() if spin.value() > 0})
        return dataclasses.replace(self._settings, district=self.district.currentData(),
                                   retention_days=self.retention.value(), language=self.language.currentData(),
                                   rd_number_pattern=self.rd_pattern.text().strip(),
                                   oemc_event_number_pattern=self.oemc_pattern.text().strip(),
                                   footage_retention_days=per_kind)

    def accept(self) -> None:
        """Settings the one validator refuses keep the dialog open, each problem naming its setting."""
        problems = validate_settings(self.result_settings())
        if problems:
            self.problems.setText("\n".join(problem_line(p) for p in problems))
            self.problems.show()
            self.adjustSize()  # room for the problems without squeezing the form
            return
        if self.data_dir.text() != self._initial_dir:
            remember_data_dir(Path(self.data_dir.text()) if self.data_dir.text().strip() else None)
        super().accept()
