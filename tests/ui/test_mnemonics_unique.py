"""Each Alt+letter does one thing on the screen it is pressed on: the main window on each of its tabs, an incident
open, every wizard page (with the wizard's own buttons), and the dialogs (agent, footage, violation, lock screen,
approve and sign, users)."""


from intake_app.ui.review.approve_dialog import ApproveDialog
from intake_app.ui.security.users_dialog import UsersDialog
from intake_app.ui.wizard.agents_page import AgentDialog
from intake_app.ui.wizard.footage_page import FootageDialog
from intake_app.ui.wizard.violations_page import ViolationDialog

from .mnemonics import clashes
from .test_review_story import LT_PASS, SGT_PASS, signed_in_window, submitted_by_sergeant, users


def test_every_tab_of_the_main_window_and_an_open_incident_have_unique_mnemonics(qtbot, store, data_dir):
    submitted_by_sergeant(qtbot, store, data_dir)
    window = signed_in_window(qtbot, store, data_dir, "3100", LT_PASS)
    [summary] = store.list()
    window.open_incident(summary.id)
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        qtbot.wait(10)
        assert clashes(window) == {}, window.tabs.tabText(index)


def test_every_wizard_page_has_unique_mnemonics_with_the_wizards_buttons(qtbot, store, data_dir):
    users(store)
    window = signed_in_window(qtbot, store, data_dir, "2231", SGT_PASS)
    wizard = window.new_incident()
    for step in range(len(wizard.pageIds())):
        wizard.go_to_step(step)
        assert clashes(wizard) == {}, wizard.currentPage().title()
    wizard.dirty = False


def test_the_row_dialogs_have_unique_mnemonics(qtbot, store, data_dir):
    users(store)
    window = signed_in_window(qtbot, store, data_dir, "2231", SGT_PASS)
    wizard = window.new_incident()
    record = wizard.current_incident()
    from intake_app.domain.records import Agent, FootageItem, Violation

    for dialog in (AgentDialog(Agent(), 1), FootageDialog(FootageItem(), 1, "America/Chicago"),
                   ViolationDialog(Violation(), 1, store.catalogue, [Agent()])):
        qtbot.addWidget(dialog)
        dialog.show()
        assert clashes(dialog) == {}, dialog.windowTitle()
    assert record is not None
    wizard.dirty = False


def test_the_lock_screen_approve_and_users_dialogs_have_unique_mnemonics(qtbot, store, data_dir):
    submitted_by_sergeant(qtbot, store, data_dir)
    window = signed_in_window(qtbot, store, data_dir, "1000", "admin correct horse")
    lock = window.idle_lock
    lock.lock()
    for other in (False, True):
        lock.screen.ask_for_another_user(other)
        assert clashes(lock.screen) == {}
    [summary] = store.list()
    approve = ApproveDialog(store, window.runner, store.get(summary.id), window.actor(), window)
    qtbot.addWidget(approve)
    approve.show()
    assert clashes(approve) == {}
    admin = UsersDialog(store, window.actor(), window, runner=window.runner)
    qtbot.addWidget(admin)
    admin.show()
    assert clashes(admin) == {}
