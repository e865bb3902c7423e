"""Hooks the felony review into the incident view: after the referral, "Record felony review decision…" asks for
the CCSAO's decision (the decisions that may follow the last one only), the reviewing ASA, the date and any charges
approved or filed, and saves it as a new version (audited, synced). The record's summary shows the review."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
)

from ...domain.enums import ReviewDecision, Status
from ..common.i18n import QT_TRANSLATE_NOOP, date_input_format
from ..common.vocabulary import vocabulary_label
from ..incidents.incident_tabs import IncidentContext, register_incident_action

CONTEXT = "FelonyReview"


class DecisionDialog(QDialog):
    def __init__(self, ctx: IncidentContext):
        from ...domain.workflow import next_decisions

        super().__init__(ctx.parent)
        inc, catalogue = ctx.incident, ctx.store.catalogue
        self.setWindowTitle(QCoreApplication.translate("FelonyReview", "Felony review decision"))
        form = QFormLayout(self)
        self.decision = QComboBox()
        for d in next_decisions(inc):
            self.decision.addItem(vocabulary_label(d), d)
        self.decided_on = QDateEdit(QDate.currentDate())
        self.decided_on.setCalendarPopup(True)
        self.decided_on.setDisplayFormat(date_input_format())  # the locale's, as every screen writes dates
        review = inc.felony_review
        self.asa_name = QLineEdit(review.asa_name)
        self.asa_unit = QLineEdit(review.asa_unit or "Felony Review Unit")
        self.reference = QLineEdit(review.reference)
        self.charge = QComboBox()
        self.charge.addItem(QCoreApplication.translate("FelonyReview", "(no charge)"), "")
        for s in catalogue.statutes:
            self.charge.addItem(f"{s.citation} \u2014 {s.title}", s.citation)
        self.charge_class = QLineEdit()
        self.charge_class.setPlaceholderText(QCoreApplication.translate("FelonyReview", "e.g. A or 3"))
        self.comment = QLineEdit()
        for text, field, name in (
                (QT_TRANSLATE_NOOP("FelonyReview", "&Decision:"), self.decision, QT_TRANSLATE_NOOP("FelonyReview", "Decision")),
                (QT_TRANSLATE_NOOP("FelonyReview", "Decided &on:"), self.decided_on, QT_TRANSLATE_NOOP("FelonyReview", "Decision date")),
                (QT_TRANSLATE_NOOP("FelonyReview", "Reviewing &ASA:"), self.asa_name, QT_TRANSLATE_NOOP("FelonyReview", "Reviewing ASA")),
                (QT_TRANSLATE_NOOP("FelonyReview", "ASA &unit:"), self.asa_unit, QT_TRANSLATE_NOOP("FelonyReview", "ASA unit")),
                (QT_TRANSLATE_NOOP("FelonyReview", "&Reference:"), self.reference, QT_TRANSLATE_NOOP("FelonyReview", "Felony review reference")),
                (QT_TRANSLATE_NOOP("FelonyReview", "C&harge approved or filed:"), self.charge, QT_TRANSLATE_NOOP("FelonyReview", "Charge")),
                (QT_TRANSLATE_NOOP("FelonyReview", "Charge c&lass:"), self.charge_class, QT_TRANSLATE_NOOP("FelonyReview", "Charge class")),
                (QT_TRANSLATE_NOOP("FelonyReview", "&Comment:"), self.comment, QT_TRANSLATE_NOOP("FelonyReview", "Comment"))):
            label = QLabel(QCoreApplication.translate(CONTEXT, text))
            label.setBuddy(field)
            field.setAccessibleName(QCoreApplication.translate(CONTEXT, name))
            form.addRow(label, field)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> dict:
        from ...domain.records import ApprovedCharge

        citation = self.charge.currentData() or ""
        charges = [ApprovedCharge(citation, self.charge_class.text().strip().upper() or "")] if citation else []
        return {"decision": ReviewDecision(self.decision.currentData()), "decided_on": self.decided_on.date().toPython(),
                "asa_name": self.asa_name.text(), "asa_unit": self.asa_unit.text(), "reference": self.reference.text(),
                "charges": charges, "comment": self.comment.text()}


def ask_decision(ctx: IncidentContext) -> None:
    from ...domain.workflow import next_decisions

    inc = ctx.incident
    if inc.status != Status.REFERRED or not next_decisions(inc):
        QMessageBox.information(ctx.parent, QCoreApplication.translate("FelonyReview", "Felony review decision"),
                                QCoreApplication.translate("FelonyReview", "A felony review decision is recorded for a referred incident whose review is "
                                   "not final."))
        return
    dialog = DecisionDialog(ctx)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    record(ctx, **dialog.values())


def record(ctx: IncidentContext, *, decision: ReviewDecision, decided_on: date, **values) -> None:
    from ...reports.felony_review import record_decision

    incident_id, actor, store = ctx.incident.id, ctx.actor(), ctx.store

    def failed(exc: BaseException) -> None:
        QMessageBox.warning(ctx.parent, QCoreApplication.translate("FelonyReview", "Felony review decision"), QCoreApplication.translate("FelonyReview", "Not recorded: %1").replace("%1", str(exc)))

    def done(inc) -> None:
        ctx.incident = inc

    ctx.runner.run(lambda: record_decision(store, incident_id, actor, decision, decided_on=decided_on, **values),
                   done, failed)


def touhy_unavailable(incident) -> str:
    from ...domain.workflow import may_request_touhy

    if may_request_touhy(incident.status):
        return ""
    return QCoreApplication.translate("FelonyReview", "Touhy requests are recorded after the referral to CCSAO.")


def ask_touhy(ctx: IncidentContext) -> None:
    """The Touhy requests for federal evidence: those sent, their status, and a new one (a referred incident)."""
    reason = touhy_unavailable(ctx.incident)
    if reason:
        QMessageBox.information(ctx.parent, QCoreApplication.translate("FelonyReview", "Touhy requests"), reason)
        return
    from .touhy_dialog import TouhyDialog

    TouhyDialog(ctx).exec()


def install_ui(window) -> None:
    register_incident_action(QT_TRANSLATE_NOOP("IncidentView", "Re&cord felony review decision…"), ask_decision)
    register_incident_action(QT_TRANSLATE_NOOP("IncidentView", "&Touhy requests…"), ask_touhy, touhy_unavailable)
