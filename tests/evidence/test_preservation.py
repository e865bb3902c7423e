"""Body-worn and in-car footage must be preserved before the retention period ends: deadlines and the alert list."""

from datetime import UTC, datetime, timedelta

import pytest

from intake_app.domain.enums import FlagReason, FootageKind, Preservation
from intake_app.domain.preservation import (
    PreservationError,
    deadline_for,
    set_preservation,
    with_deadlines,
)
from intake_app.domain.settings import StationSettings
from intake_app.security import audit
from intake_app.storage.preservation_queries import alert_page, mark_preservation
from tests.station_settings import set_up_station

from ..factories import make_footage, make_incident

START = datetime(2026, 11, 2, 20, 30, tzinfo=UTC)


def test_a_body_worn_recording_must_be_preserved_within_90_days_by_default():
    assert deadline_for(make_footage(START)) == START + timedelta(days=90)


def test_the_station_can_set_another_retention():
    item = make_footage(START, kind=FootageKind.IN_CAR)
    assert deadline_for(item, retention_days=30) == START + timedelta(days=30)


def test_phone_video_and_items_without_a_start_get_no_deadline():
    assert deadline_for(make_footage(START, kind=FootageKind.PHONE)) is None
    unknown = make_footage(START)
    unknown.start = None
    assert deadline_for(unknown) is None


def test_with_deadlines_sets_every_camera_items_deadline():
    inc = make_incident(footage=2)
    inc.footage[1].kind = FootageKind.PHONE
    done = with_deadlines(inc, 60)
    assert done.footage[0].preservation_deadline == inc.footage[0].start.astimezone(UTC) + timedelta(days=60)
    assert done.footage[1].preservation_deadline is None


# ---------------------------------------------------------------- flags (50 ILCS 706/10-20) and other cameras

def test_a_flagged_recording_is_kept_two_years_from_the_flag():
    item = make_footage(START, flagged_at=START + timedelta(days=3), flag_reasons=[FlagReason.USE_OF_FORCE])
    assert deadline_for(item) == START + timedelta(days=3 + 730)


def test_before_a_flag_the_90_day_date_is_the_date_to_flag_by():
    item = make_footage(START)
    assert deadline_for(item) == START + timedelta(days=90)
    item.flagged_at, item.flag_reasons = START + timedelta(days=89), [FlagReason.USE_OF_FORCE]
    assert deadline_for(item) == START + timedelta(days=89 + 730)  # flagged in time: the 90-day date is gone


def test_pod_and_private_cameras_get_the_retention_of_their_kind_from_the_settings():
    assert deadline_for(make_footage(START, kind=FootageKind.POD)) == START + timedelta(days=30)
    assert deadline_for(make_footage(START, kind=FootageKind.PRIVATE)) == START + timedelta(days=7)
    station = StationSettings(footage_retention_days={"pod_camera": 14})
    assert deadline_for(make_footage(START, kind=FootageKind.POD), settings=station) == START + timedelta(days=14)
    assert deadline_for(make_footage(START, kind=FootageKind.PRIVATE), settings=station) is None


def test_a_store_save_gives_a_flagged_item_its_flag_deadline(store, actor):
    inc = make_incident()
    inc.footage[0].flagged_at, inc.footage[0].flag_reasons = inc.occurred_at, [FlagReason.USE_OF_FORCE]
    saved = store.save(inc, actor)
    assert saved.footage[0].preservation_deadline == inc.occurred_at.astimezone(UTC) + timedelta(days=730)
    [alert] = alert_page(store).alerts
    assert alert.deadline == saved.footage[0].preservation_deadline


def _incident_with_start(store, actor, start):
    inc = make_incident()
    inc.footage[0].start = start
    inc.footage[0].end = start + timedelta(minutes=10)
    return store.save(with_deadlines(inc), actor)


def test_the_alert_list_shows_the_soonest_deadline_first(store, actor):
    later = _incident_with_start(store, actor, START)
    sooner = _incident_with_start(store, actor, START - timedelta(days=20))
    middle = _incident_with_start(store, actor, START - timedelta(days=5))
    assert [a.incident_id for a in alert_page(store).alerts] == [sooner.id, middle.id, later.id]
    assert alert_page(store).alerts[0].deadline == START + timedelta(days=70)


def test_preserved_items_leave_the_alert_list_and_the_change_is_audited(store, actor):
    inc = _incident_with_start(store, actor, START)
    item = inc.footage[0]
    mark_preservation(store, inc.id, item.id, Preservation.REQUESTED, actor)
    [alert] = alert_page(store).alerts
    assert alert.status == Preservation.REQUESTED
    mark_preservation(store, inc.id, item.id, Preservation.PRESERVED, actor, evidence_id="EVD-2026-777")
    assert alert_page(store).alerts == []
    changes = {(e.field_path, e.new_value) for e in audit.entries_for(store, inc.id)}
    assert ("footage[0].preservation_status", "requested") in changes
    assert ("footage[0].preservation_status", "preserved") in changes
    assert ("footage[0].evidence_id", "EVD-2026-777") in changes


def test_preserved_needs_the_evidence_management_id():
    inc = make_incident()
    inc.footage[0].evidence_id = ""
    with pytest.raises(PreservationError, match=r"footage\[0\].evidence_id"):
        set_preservation(inc, inc.footage[0].id, Preservation.PRESERVED)


def test_an_alert_carries_the_rd_and_oemc_numbers_a_hold_request_finds_the_footage_by(store, actor):
    inc = make_incident()
    inc.cpd_rd_number, inc.oemc_event_number = "JK123456", "2630604512"
    store.save(inc, actor)
    [alert] = alert_page(store).alerts
    assert (alert.cpd_rd_number, alert.oemc_event_number, alert.flagged) == ("JK123456", "2630604512", False)


def test_the_alert_screen_says_an_unflagged_recordings_deadline_is_the_date_to_flag_by(store, actor, qtbot):
    from intake_app.ui.evidence.preservation_screen import HEADERS, PreservationModel

    store.save(make_incident(), actor)
    model = PreservationModel()
    model.set_rows(alert_page(store).alerts)
    assert model.data(model.index(0, HEADERS.index("Deadline is"))) == "the date to flag by (else purged)"


def test_damaged_retention_settings_fall_back_to_the_defaults():
    station = StationSettings(footage_retention_days="thirty", flagged_retention_days="2y")
    assert deadline_for(make_footage(START, kind=FootageKind.POD), settings=station) == START + timedelta(days=30)
    flagged = make_footage(START, flagged_at=START, flag_reasons=[FlagReason.USE_OF_FORCE])
    assert deadline_for(flagged, settings=station) == START + timedelta(days=730)


def test_marking_footage_requested_records_the_stations_hold_form_for_its_kind(store, actor):
    set_up_station(store, StationSettings(district=9, hold_forms={"body_worn_camera": "CPD-11.940 (S03-14)"}))
    inc = _incident_with_start(store, actor, START)
    mark_preservation(store, inc.id, inc.footage[0].id, Preservation.REQUESTED, actor)
    assert store.get(inc.id).footage[0].hold_form == "CPD-11.940 (S03-14)"
    changes = {(e.field_path, e.new_value) for e in audit.entries_for(store, inc.id)}
    assert ("footage[0].hold_form", "CPD-11.940 (S03-14)") in changes


def test_a_hold_form_the_item_names_already_is_kept_when_it_is_marked_requested(store, actor):
    inc = make_incident()
    inc.footage[0].hold_form = "CPD-65.224"
    saved = store.save(inc, actor)
    set_up_station(store, StationSettings(district=9, hold_forms={"body_worn_camera": "Another form"}))
    mark_preservation(store, saved.id, saved.footage[0].id, Preservation.REQUESTED, actor)
    assert store.get(saved.id).footage[0].hold_form == "CPD-65.224"


def test_a_kind_without_a_hold_form_in_the_settings_is_requested_without_one(store, actor):
    inc = make_incident(footage=0)
    inc.footage = [make_footage(START, kind=FootageKind.PRIVATE, device_id="Corner store DVR")]
    saved = store.save(inc, actor)
    mark_preservation(store, saved.id, saved.footage[0].id, Preservation.REQUESTED, actor)
    stored = store.get(saved.id).footage[0]
    assert (stored.preservation_status, stored.hold_form) == (Preservation.REQUESTED, "")
