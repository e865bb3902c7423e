"""Screens that stay true: after an edit, a resubmit or a review step, the open incident tab shows the new
version (so Edit starts from it, not from a stale copy that the store would refuse), and the list, the
Dashboard and the review queue follow, whoever made the change."""

from intake_app.domain.enums import Status
from intake_app.security.review import return_for_changes
from intake_app.security.users import sign_in

from .test_review_story import LT_PASS, SGT_PASS, signed_in_window, submit_new_incident, users


def test_an_open_incident_tab_shows_the_new_version_after_an_edit_and_edit_starts_from_it(qtbot, store, data_dir):
    users(store)
    window = signed_in_window(qtbot, store, data_dir, "2231", SGT_PASS)
    wizard = window.new_incident()
    wizard.save_draft()
    [summary] = store.list()
    window.open_incident(summary.id)
    first_view = window.tabs.currentWidget()
    window.tabs.setCurrentIndex(0)  # the sergeant goes back to the list
    wizard.pages[0].narrative.setPlainText("Corrected narrative")
    wizard.save_draft()
    qtbot.waitUntil(lambda: window.open_incident_views() == [summary.id]
                    and window.tabs.widget(window.tabs.count() - 1) is not first_view, timeout=3000)
    view = window.tabs.widget(window.tabs.count() - 1)
    assert "Corrected narrative" in view.summary.toPlainText()
    assert view.context.incident.version == store.get(summary.id).version
    assert window.tabs.currentIndex() == 0  # the refresh did not pull her away from the list
    wizard.dirty = False
    wizard.done(0)
    view.edit_requested.emit(summary.id)
    window.wizard.pages[0].narrative.setPlainText("Edited again")
    window.wizard.save_draft()
    assert store.get(summary.id).narrative == "Edited again"  # no "changed elsewhere"


def test_the_review_queue_and_the_list_follow_a_change_made_elsewhere(qtbot, store, data_dir):
    users(store)
    lieutenant = signed_in_window(qtbot, store, data_dir, "3100", LT_PASS)
    queue = lieutenant.review_queue
    assert queue.items.rowCount() == 0
    sergeant = signed_in_window(qtbot, store, data_dir, "2231", SGT_PASS)
    submit_new_incident(qtbot, sergeant)
    qtbot.waitUntil(lambda: queue.items.rowCount() == 1, timeout=3000)
    assert lieutenant.tabs.tabText(lieutenant.tabs.indexOf(queue)) == "Review &queue (1)"
    [summary] = store.list()
    return_for_changes(store, summary.id, sign_in(store, "3100", LT_PASS), "Add the plate")
    qtbot.waitUntil(lambda: queue.items.rowCount() == 0, timeout=3000)
    qtbot.waitUntil(lambda: sergeant.incidents.model.rowCount() == 1
                    and sergeant.incidents.model.row_at(0).status == Status.DRAFT, timeout=3000)


def test_the_dashboard_counts_a_record_submitted_after_it_was_opened(qtbot, store, data_dir):
    users(store)
    window = signed_in_window(qtbot, store, data_dir, "2231", SGT_PASS)
    dashboard = window.tabs.widget(next(i for i in range(window.tabs.count())
                                        if window.tabs.tabText(i) == "Dashboard"))
    window.tabs.setCurrentWidget(dashboard)  # built when first shown
    qtbot.waitUntil(lambda: window.dashboard is not None, timeout=3000)
    refreshed = []
    original = window.dashboard.refresh
    window.dashboard.refresh = lambda: (refreshed.append(True), original())
    submit_new_incident(qtbot, window)
    qtbot.waitUntil(lambda: refreshed != [], timeout=3000)
