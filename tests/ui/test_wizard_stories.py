from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import QWizard

from intake_app.domain.enums import Agency, CredentialCheck, IdentifiedBy, Status, YesNoUnknown
from intake_app.domain.wizard_flow import STEPS

from .helpers import with_dialog

CHICAGO = ZoneInfo("America/Chicago")
LEFT = Qt.MouseButton.LeftButton


def tick(qtbot, box) -> None:
    """Tick a checkbox from the keyboard, as a user tabbing through the form does."""
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert box.isChecked()


def qdt(moment: datetime) -> QDateTime:
    return QDateTime(QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute))


def fill_details(qtbot, page):
    page.district.setCurrentIndex(page.district.findData(9))
    qtbot.keyClicks(page.beat, "0912")
    page.occurred.setDateTime(qdt(datetime.now(CHICAGO) - timedelta(hours=3)))
    qtbot.keyClicks(page.address, "3510 S Michigan Ave")
    page.source.setCurrentIndex(page.source.findText("Observed by CPD"))
    qtbot.keyClicks(page.narrative, "Two masked agents detained a man at the bus stop.")


def details_then_a_present_party(qtbot, wizard):
    """The details page filled, Next, and "reporting party present" ticked: returns the party page."""
    fill_details(qtbot, wizard.currentPage())
    wizard.next()
    rp = wizard.currentPage()
    tick(qtbot, rp.present)
    return rp


def add_row(qtbot, page, fill) -> None:
    """Add on a list page (agents, footage, violations), `fill(qtbot, dialog)` in the dialog it opens, then OK."""
    with_dialog(qtbot, lambda dialog: fill(qtbot, dialog))
    qtbot.mouseClick(page.add_button, LEFT)


def fill_agent(qtbot, d):
    d.agency.setCurrentIndex(d.agency.findData(Agency.ICE_ERO))
    qtbot.keyClicks(d.badge, "E-4471")
    d.identified_by.setCurrentIndex(d.identified_by.findData(IdentifiedBy.BADGE_SEEN))
    tick(qtbot, d.masked)
    qtbot.keyClicks(d.description, "Tall, grey jacket")
    qtbot.keyClicks(d.plate, "ABC1234")
    qtbot.keyClicks(d.plate_state, "IL")
    qtbot.keyClicks(d.make, "Ford")


def fill_footage(qtbot, d):
    qtbot.keyClicks(d.device_id, "BWC-1001")
    qtbot.keyClicks(d.officer_star, "4410")
    start = datetime.now(CHICAGO) - timedelta(hours=3)
    d.start.setDateTime(qdt(start))
    d.end.setDateTime(qdt(start + timedelta(minutes=20)))
    qtbot.keyClicks(d.evidence_id, "EVD-2026-1")


def fill_violation(qtbot, d):
    qtbot.keyClicks(d.search, "battery")
    d.statutes.setCurrentRow(0)
    if d.offence_class.currentData() == "":
        d.offence_class.setCurrentIndex(1)
    qtbot.keyClicks(d.details, "Pushed the man to the ground.")
    tick(qtbot, d.agent_boxes[0])


def fill_scene(qtbot, page):
    """The order's questions: the federal supervisor refused the credential check on camera; a man was hurt."""
    qtbot.keyClicks(page.rd, "jk123456")
    page.check.setCurrentIndex(page.check.findData(CredentialCheck.REFUSED))
    page.fs_agency.setCurrentIndex(page.fs_agency.findData(Agency.ICE_ERO))
    page.fs_time.setDateTime(qdt(datetime.now(CHICAGO) - timedelta(hours=3)))
    page.fs_footage.setCurrentIndex(1)
    page.force.setCurrentIndex(page.force.findData(YesNoUnknown.YES))
    page.injured.setCurrentIndex(page.injured.findData(YesNoUnknown.YES))
    qtbot.mouseClick(page.add_injury, LEFT)
    page.injuries.item(0, 2).setText("Cut to the forehead")
    qtbot.keyClicks(page.hospital, "Mount Sinai Hospital")


def fill_the_rest(qtbot, wizard) -> None:
    """From the agents page to the review page: an agent, a footage item, the order's questions, a violation."""
    add_row(qtbot, wizard.currentPage(), fill_agent)
    wizard.next()
    add_row(qtbot, wizard.currentPage(), fill_footage)
    wizard.next()
    fill_scene(qtbot, wizard.currentPage())
    wizard.next()
    add_row(qtbot, wizard.currentPage(), fill_violation)
    wizard.next()


def test_a_supervisor_fills_every_page_and_submits_for_review(qtbot, window, station):
    wizard = window.new_incident()
    rp = details_then_a_present_party(qtbot, wizard)
    rp.name.setText("Jos\u00e9 Ram\u00edrez")  # non-ASCII is set directly (see PLATFORM.md)
    qtbot.keyClicks(rp.phone, "312-555-0100")
    qtbot.keyClicks(rp.address, "1500 S Western Ave Apt 3")
    wizard.next()
    fill_the_rest(qtbot, wizard)
    assert wizard.problems() == []
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), LEFT)

    assert not wizard.isVisible(), wizard.last_message
    [stored] = [station.get(s.id) for s in station.list()]
    assert stored.status == Status.IN_REVIEW
    assert stored.beat == "0912" and stored.reporting_party.name == "Jos\u00e9 Ram\u00edrez"
    assert stored.reporting_party.address == "1500 S Western Ave Apt 3"
    assert stored.agents[0].vehicle.plate == "ABC1234" and stored.agents[0].masked
    assert stored.footage[0].device_id == "BWC-1001"
    assert stored.violations[0].agent_ids == [stored.agents[0].id]
    assert stored.cpd_rd_number == "JK123456"
    assert stored.federal_supervisor.credential_check == CredentialCheck.REFUSED
    assert stored.federal_supervisor.footage_id == stored.footage[0].id
    assert stored.injuries[0].description == "Cut to the forehead"
    assert stored.medical.transported_to == "Mount Sinai Hospital"


def test_save_draft_with_an_invalid_beat_keeps_it_and_names_the_problem(qtbot, window, station):
    wizard = window.new_incident()
    page = wizard.currentPage()
    qtbot.keyClicks(page.beat, "77")
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CustomButton1), LEFT)

    [summary] = station.list()
    assert station.get(summary.id).beat == "77"
    wizard.refresh_problems()
    assert page.p_beat.isVisibleTo(page) and page.p_beat.text()
    assert "beat" in page.beat.toolTip().lower() or page.p_beat.text() == page.beat.toolTip()


def test_submit_is_blocked_and_a_problem_leads_back_to_its_page(qtbot, window, station):
    wizard = window.new_incident()
    for _ in range(len(STEPS) - 1):
        wizard.next()
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), LEFT)

    review = wizard.currentPage()
    assert wizard.isVisible() and station.list() == []
    assert review.problem_buttons
    violation = next(b for b in review.problem_buttons if "violations" in b.text())
    qtbot.mouseClick(violation, LEFT)
    assert wizard.currentId() == next(i for i, s in enumerate(STEPS) if s.key == "violations")


def test_done_means_enter_close_reopen_and_find_it_by_plate(qtbot, window, station, data_dir):
    from intake_app.storage.opening import open_store
    from intake_app.ui.shell.main_window import MainWindow
    from tests.sync_tasks import SyncTaskRunner

    wizard = window.new_incident()
    fill_details(qtbot, wizard.currentPage())
    wizard.next()
    wizard.next()
    add_row(qtbot, wizard.currentPage(), fill_agent)  # plate typed as ABC1234
    wizard.next()
    add_row(qtbot, wizard.currentPage(), fill_footage)
    wizard.next()
    scene = wizard.currentPage()
    scene.check.setCurrentIndex(scene.check.findData(CredentialCheck.NO_SUPERVISOR_PRESENT))
    wizard.next()
    add_row(qtbot, wizard.currentPage(), fill_violation)
    wizard.next()
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), LEFT)
    assert not wizard.isVisible(), wizard.last_message
    window.close()
    station.engine.dispose()

    narrative = b"Two masked agents detained a man at the bus stop."
    assert all(narrative not in p.read_bytes() for p in data_dir.rglob("*") if p.is_file())

    reopened = open_store(data_dir)
    again = MainWindow(reopened, SyncTaskRunner(), data_dir=data_dir)
    try:
        again.show()
        qtbot.keyClicks(again.incidents.search, "ABC 1234")
        qtbot.waitUntil(lambda: again.incidents.model.rowCount() == 1, timeout=3000)
        found = reopened.get(again.incidents.model.row_at(0).id)
        assert found.status == Status.IN_REVIEW and found.agents[0].vehicle.plate == "ABC1234"
    finally:
        again.close()
        reopened.engine.dispose()


def test_editing_a_violation_and_pressing_ok_keeps_its_statute_and_class(qtbot):
    from intake_app.domain.catalogue import default_catalogue
    from intake_app.ui.wizard.violations_page import ViolationDialog

    from ..factories import make_incident

    incident = make_incident()  # aggravated battery, class 3 of 3, 2, 1, X
    dialog = ViolationDialog(incident.violations[0], 1, default_catalogue(), incident.agents)
    qtbot.addWidget(dialog)
    assert dialog.offence_class.currentData() == "3"
    edited = dialog.result_item()
    assert (edited.statute, edited.offence_class) == ("720 ILCS 5/12-3.05", "3")


def test_a_statute_of_several_classes_leaves_the_class_to_the_supervisor_and_one_of_one_class_gives_it(qtbot):
    from intake_app.domain.catalogue import default_catalogue
    from intake_app.domain.records import Violation
    from intake_app.ui.wizard.violations_page import ViolationDialog

    several = ViolationDialog(Violation(statute="720 ILCS 5/12-3.05"), 1, default_catalogue(), [])
    qtbot.addWidget(several)
    assert several.offence_class.count() == 5 and several.offence_class.currentData() == ""  # "(choose)"
    assert several.result_item().offence_class == ""  # nothing picked silently
    one = ViolationDialog(Violation(statute="720 ILCS 5/9-2"), 1, default_catalogue(), [])
    qtbot.addWidget(one)
    assert one.offence_class.count() == 1 and one.result_item().offence_class == "1"

