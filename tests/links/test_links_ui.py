"""A reviewer in the desktop app: the Links tab of an incident, and possible duplicates after a save."""

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt

from intake_app.domain.matching import CONFIRMED, DISMISSED, REJECTED, SAME_EVENT
from intake_app.domain.settings import StationSettings
from intake_app.storage.links.queries import confirmed_links_for_packet
from intake_app.ui.incidents.duplicates_prompt import DuplicatesPrompt
from intake_app.ui.links.links_tab import LinksTab
from intake_app.ui.shell.main_window import MainWindow
from tests.station_settings import set_up_station
from tests.sync_tasks import SyncTaskRunner

from .helpers import decisions_for, incident_at, plate_agent


@pytest.fixture
def window(qtbot, store, data_dir, tmp_path):
    QCoreApplication.setOrganizationName("IntakeTests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    set_up_station(store, StationSettings(district=9, supervisor_name="Lt. Ana Review", supervisor_star="880"))
    w = MainWindow(store, SyncTaskRunner(), data_dir=data_dir)
    qtbot.addWidget(w)
    w.show()
    return w


@pytest.fixture
def same_plate_in_three_districts(store, actor):
    mine = store.save(incident_at(district=9, agents=[plate_agent("ABC 1234")]), actor)
    others = []
    for district, days, typed, number in ((12, 3, "abc-1234", "D012-2026-M3X-00007"),
                                          (25, 9, "ABC l234", "D025-2026-P8R-00101")):
        inc = incident_at(district=district, minutes_later=60 * 24 * days, agents=[plate_agent(typed)])
        inc.report_number = number
        others.append(inc)
    store.import_incidents(others, actor)  # as sync brings them to headquarters
    return mine, others


def _links_tab(window, incident) -> LinksTab:
    window.open_incident(incident.id)
    view = window.tabs.currentWidget()
    index = next(i for i in range(view.tabs.count()) if view.tabs.tabText(i) == "Links")
    view.tabs.setCurrentIndex(index)
    return view.tabs.widget(index)


def _select(tab: LinksTab, report_number: str) -> None:
    row = next(r for r in range(tab.model.rowCount()) if tab.model.match_at(r).other.report_number == report_number)
    tab.table.selectRow(row)


def test_a_reviewer_sees_the_plate_in_two_other_districts_confirms_one_and_the_packet_lists_it(
        qtbot, window, store, same_plate_in_three_districts, tmp_path):
    mine, (d12, d25) = same_plate_in_three_districts
    tab = _links_tab(window, mine)

    assert tab.model.rowCount() == 2
    assert "2 linked or possibly linked incident(s), 0 confirmed" in tab.status.text()
    assert not tab.confirm_button.isEnabled()
    _select(tab, d12.report_number)
    tab.note.setText("Same grey Durango on both videos")
    qtbot.mouseClick(tab.confirm_button, Qt.MouseButton.LeftButton)

    assert "1 confirmed" in tab.status.text()
    assert [d.decision for d in decisions_for(store, mine.id)] == [CONFIRMED]
    assert decisions_for(store, mine.id)[0].actor_name == "Lt. Ana Review"
    assert [r.report_number for r in confirmed_links_for_packet(store, mine.id)] == [d12.report_number]
    tab.grab().save(str(tmp_path / "links_tab.png"))


def test_a_rejected_link_leaves_the_tab(qtbot, window, store, same_plate_in_three_districts):
    mine, (_d12, d25) = same_plate_in_three_districts
    tab = _links_tab(window, mine)
    _select(tab, d25.report_number)
    qtbot.mouseClick(tab.reject_button, Qt.MouseButton.LeftButton)

    assert [tab.model.match_at(r).other.report_number for r in range(tab.model.rowCount())] == ["D012-2026-M3X-00007"]
    assert decisions_for(store, mine.id)[0].decision == REJECTED


def test_an_incident_without_shared_identifiers_says_so(window, store, actor):
    lonely = store.save(incident_at(), actor)

    tab = _links_tab(window, lonely)

    assert tab.model.rowCount() == 0 and "No other incident shares" in tab.status.text()


def _draft(**where):
    """A draft as the wizard holds it. Source left unset: the wizard's source box hands back a plain str
    (reported to the lead), which a save cannot write yet."""
    return incident_at(source=None, **where)


def _prompt(wizard) -> DuplicatesPrompt | None:
    found = [p for p in wizard.findChildren(DuplicatesPrompt) if p.isVisible()]
    return found[-1] if found else None


def test_after_a_save_a_report_300_m_and_40_min_away_is_offered_and_linked_as_one_event(qtbot, window, store, actor):
    officer = store.save(incident_at(), actor)
    wizard = window.open_wizard(_draft(north_m=300, minutes_later=40))
    wizard.save_draft()

    prompt = _prompt(wizard)
    assert prompt is not None and len(prompt.rows) == 1
    assert officer.report_number in prompt.rows[0].text.text()
    qtbot.mouseClick(prompt.rows[0].link_button, Qt.MouseButton.LeftButton)

    [decision] = decisions_for(store, officer.id)
    assert (decision.kind, decision.decision) == (SAME_EVENT, CONFIRMED)
    assert "Linked as one event" in prompt.rows[0].text.text()
    assert store.count() == 2  # both reports stay


def test_a_dismissed_duplicate_is_not_offered_on_the_next_save(qtbot, window, store, actor):
    officer = store.save(incident_at(), actor)
    wizard = window.open_wizard(_draft(north_m=300, minutes_later=40))
    wizard.save_draft()
    prompt = _prompt(wizard)
    qtbot.mouseClick(prompt.rows[0].dismiss_button, Qt.MouseButton.LeftButton)
    prompt.close()

    wizard.save_draft()

    assert _prompt(wizard) is None
    assert decisions_for(store, officer.id)[0].decision == DISMISSED


def test_a_save_with_nothing_near_offers_nothing(window, store, actor):
    store.save(incident_at(), actor)
    wizard = window.open_wizard(_draft(north_m=3000, minutes_later=40))
    wizard.save_draft()

    assert _prompt(wizard) is None
