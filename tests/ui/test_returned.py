"""A record the lieutenant returned is not just another draft: it says "Returned", the wizard shows the
reviewer's comment on every page, and the sergeant is told when she signs in."""

from PySide6.QtWidgets import QLabel

from intake_app.security.review import return_for_changes
from intake_app.security.users import sign_in

from .test_review_story import LT_PASS, SGT_PASS, signed_in_window, submitted_by_sergeant

COMMENT = "Add the agent's vehicle color"


def returned_record(qtbot, store, data_dir):
    summary = submitted_by_sergeant(qtbot, store, data_dir)
    return_for_changes(store, summary.id, sign_in(store, "3100", LT_PASS), COMMENT)
    return summary


def test_the_sergeant_is_told_at_sign_in_what_came_back_and_why(qtbot, store, data_dir):
    summary = returned_record(qtbot, store, data_dir)
    window = signed_in_window(qtbot, store, data_dir, "2231", SGT_PASS)
    qtbot.waitUntil(lambda: getattr(window, "returns_notice", None) is not None, timeout=5000)
    notice = window.returns_notice
    assert "returned 1 record(s) to you" in notice.text()
    assert summary.report_number in notice.informativeText() and COMMENT in notice.informativeText()
    assert "Lt. Ray Review" in notice.informativeText()


def test_another_supervisor_is_not_told_of_the_sergeants_return(qtbot, store, data_dir):
    returned_record(qtbot, store, data_dir)
    window = signed_in_window(qtbot, store, data_dir, "2400", "other shift passphrase")
    on_screen = []
    window.when_on_screen(lambda: on_screen.append(True))
    qtbot.waitUntil(lambda: on_screen == [True], timeout=5000)
    assert getattr(window, "returns_notice", None) is None


def test_the_wizard_shows_the_reviewers_comment_on_every_page_and_the_view_says_returned(qtbot, store, data_dir):
    summary = returned_record(qtbot, store, data_dir)
    window = signed_in_window(qtbot, store, data_dir, "2231", SGT_PASS)
    window.open_incident(summary.id)
    view = window.tabs.currentWidget()
    assert any("Returned" in label.text() for label in view.findChildren(QLabel))
    wizard = window.open_wizard(store.get(summary.id))
    for page_id in wizard.pageIds():
        [banner] = [b for b in wizard.page(page_id).findChildren(QLabel, "returned_banner")]
        assert COMMENT in banner.text() and "Lt. Ray Review (star 3100)" in banner.text()


def test_the_incident_list_says_returned_for_the_record_the_reviewer_sent_back(qtbot, store, data_dir):
    from intake_app.ui.incidents.incident_table_model import COL_STATUS

    summary = returned_record(qtbot, store, data_dir)
    window = signed_in_window(qtbot, store, data_dir, "2231", SGT_PASS)
    model = window.incidents.model
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=5000)
    assert model.index(0, 0).data() == summary.report_number
    assert model.index(0, COL_STATUS).data() == "Returned"
