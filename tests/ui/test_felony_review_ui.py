"""After the referral a reviewer records the CCSAO's decisions from the incident view: only the decisions that
may follow the last one are offered, and each is saved as a new version the record's summary shows."""

from __future__ import annotations

from intake_app.domain.enums import ReviewDecision, Status
from intake_app.security.session import Session
from intake_app.ui.incidents.incident_tabs import IncidentContext
from intake_app.ui.incidents.incident_view import IncidentView
from intake_app.ui.review.felony_review_feature import DecisionDialog, record
from tests.sync_tasks import SyncTaskRunner

from ..order_story import refused_credentials_story


def referred(store, actor):
    saved = store.save(refused_credentials_story(), actor)
    for to in (Status.IN_REVIEW, Status.APPROVED, Status.REFERRED):
        saved = store.change_status(saved.id, to, actor)
    return saved


def choose(dialog: DecisionDialog, decision: ReviewDecision) -> None:
    dialog.decision.setCurrentIndex(dialog.decision.findData(decision))


def test_the_decline_then_the_misdemeanor_are_recorded_from_the_incident_view(qtbot, store, actor):
    ctx = IncidentContext(store, SyncTaskRunner(), referred(store, actor), Session(actor))
    first = DecisionDialog(ctx)
    qtbot.addWidget(first)
    assert first.decision.count() == len(ReviewDecision)
    choose(first, ReviewDecision.DECLINED)
    first.asa_name.setText("ASA Jane Prosecutor")
    record(ctx, **first.values())

    second = DecisionDialog(ctx)
    qtbot.addWidget(second)
    offered = [second.decision.itemData(i) for i in range(second.decision.count())]
    assert offered == [ReviewDecision.MISDEMEANOR, ReviewDecision.CONTINUING]
    choose(second, ReviewDecision.MISDEMEANOR)
    second.charge.setCurrentIndex(second.charge.findData("720 ILCS 5/12-3"))
    second.charge_class.setText("a")
    record(ctx, **second.values())

    stored = store.get(ctx.incident.id)
    assert [s.decision for s in stored.felony_review.steps] == [ReviewDecision.DECLINED, ReviewDecision.MISDEMEANOR]
    assert stored.felony_review.steps[1].charges[0].offence_class == "A"
    view = IncidentView(IncidentContext(store, SyncTaskRunner(), stored, Session(actor)))
    qtbot.addWidget(view)
    text = view.summary.toPlainText()
    assert "Felony review: ASA ASA Jane Prosecutor" in text and "Downgraded to misdemeanor" in text
    assert "CPD RD number: JK123456" in text and "transported to Mount Sinai Hospital" in text
