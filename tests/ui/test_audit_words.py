"""The History tab says what changed in words, in the user's language, numbered as the screens number rows:
"Footage 1, Evidence ID", "Draft" -> "In review", never `footage[0].evidence_id` or `in_review`."""

from intake_app.domain.enums import Status
from intake_app.ui.common import i18n
from intake_app.ui.incidents.audit_history import HistoryTab
from tests.sync_tasks import SyncTaskRunner

from ..factories import make_incident


def history_rows(qtbot, store, incident_id):
    tab = HistoryTab(store, SyncTaskRunner(), incident_id)
    qtbot.addWidget(tab)
    return [[tab.model.index(r, c).data() for c in range(7)] for r in range(tab.model.rowCount())]


def changed_record(store, actor):
    saved = store.save(make_incident(), actor)
    saved.footage[0].evidence_id = "EVD-2026-77"
    saved = store.save(saved, actor)
    store.change_status(saved.id, Status.IN_REVIEW, actor)
    return saved


def test_fields_and_coded_values_are_in_words_and_numbered_from_one(qtbot, store, actor):
    saved = changed_record(store, actor)
    rows = history_rows(qtbot, store, saved.id)
    assert any(r[3] == "Footage 1, Evidence ID" and r[5] == "EVD-2026-77" for r in rows)
    assert any(r[4] == "Draft" and r[5] == "In review" for r in rows)
    assert not any("[" in (r[3] or "") or r[5] == "in_review" for r in rows)


def test_the_history_is_in_spanish_for_a_spanish_user(qtbot, store, actor):
    saved = changed_record(store, actor)
    i18n.install_language("es")
    try:
        rows = history_rows(qtbot, store, saved.id)
    finally:
        i18n.install_language("en")
    assert any(r[3] == "Grabación 1, ID de evidencia" for r in rows)
    assert any(r[4] == "Borrador" and r[5] == "En revisión" for r in rows)
