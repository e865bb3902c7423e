"""The preservation alert list is read from the footage projection (never the records' JSON): soonest deadline
first, a page at a time, with the count of every waiting item; deadlines follow the station's retention at once."""

import re
from datetime import UTC, datetime, timedelta

from sqlalchemy import event

from intake_app.domain.enums import FootageKind, Preservation
from intake_app.domain.settings import StationSettings
from intake_app.storage.opening import open_store
from intake_app.storage.preservation_queries import alert_page
from tests.station_settings import set_up_station

from ..factories import make_footage, make_incident

START = datetime(2026, 11, 2, 20, 30, tzinfo=UTC)
NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


def _recorded(store, actor, *starts, kind=FootageKind.BODY_WORN):
    inc = make_incident(footage=0)
    inc.footage = [make_footage(s, kind=kind, device_id=f"BWC-{i}", officer_star=f"44{i:02d}",
                                evidence_id=f"EVD-{i}") for i, s in enumerate(starts)]
    return store.save(inc, actor)


def test_the_list_shows_what_identifies_each_item_without_opening_the_record(store, actor):
    saved = _recorded(store, actor, START)
    [alert] = alert_page(store).alerts
    assert (alert.incident_id, alert.report_number, alert.footage_id, alert.position) == \
        (saved.id, saved.report_number, saved.footage[0].id, 0)
    assert (alert.kind, alert.device_id, alert.officer_star, alert.evidence_id, alert.status) == \
        (FootageKind.BODY_WORN, "BWC-0", "4400", "EVD-0", Preservation.NOT_REQUESTED)
    assert alert.deadline == START + timedelta(days=90)


def test_a_page_holds_the_soonest_deadlines_and_the_counts_cover_every_item(store, actor):
    _recorded(store, actor, START, START - timedelta(days=80))  # deadlines: Jan 31, Nov 12 (overdue on NOW)
    _recorded(store, actor, START - timedelta(days=10), START - timedelta(days=100))  # Jan 21, Oct 3 (overdue)
    _recorded(store, actor, START, kind=FootageKind.PHONE)  # never listed: phone video is not purged
    page = alert_page(store, limit=2, now=NOW)
    assert [a.deadline for a in page.alerts] == [START - timedelta(days=10), START + timedelta(days=10)]
    assert (page.total, page.overdue) == (4, 2)


def test_a_changed_retention_shows_in_the_list_before_any_record_is_saved_again(store, actor):
    saved = _recorded(store, actor, START)
    set_up_station(store, StationSettings(district=9, retention_days=30))
    assert alert_page(store).alerts[0].deadline == START + timedelta(days=30)
    assert store.get(saved.id).footage[0].preservation_deadline == START + timedelta(days=90)  # until its next save


def test_an_imported_record_without_deadlines_is_listed_with_one_computed(store, actor):
    inc = make_incident()
    inc.footage[0].preservation_deadline = None
    store.import_incidents([inc], actor)
    assert store.get(inc.id).footage[0].preservation_deadline is None  # the record stays as imported
    assert alert_page(store).alerts[0].deadline == inc.footage[0].start.astimezone(UTC) + timedelta(days=90)


def test_items_without_a_start_are_listed_by_a_deadline_given_elsewhere_or_last(store, actor):
    dated = _recorded(store, actor, START)
    imported = make_incident()
    imported.footage[0].start = imported.footage[0].end = None
    imported.footage[0].preservation_deadline = START  # set by the station it came from, before "dated"'s deadline
    unknown = make_incident()
    unknown.footage[0].start = unknown.footage[0].end = None
    store.import_incidents([imported, unknown], actor)
    alerts = alert_page(store).alerts
    assert [a.incident_id for a in alerts] == [imported.id, dated.id, unknown.id]
    assert alerts[0].deadline == START and alerts[2].deadline is None


def test_preserved_items_leave_the_list_and_the_count(store, actor):
    saved = _recorded(store, actor, START, START)
    done = saved.footage[0]
    done.preservation_status, done.evidence_id = Preservation.PRESERVED, "EVD-2026-9"
    store.save(saved, actor)
    page = alert_page(store, now=NOW)
    assert [a.position for a in page.alerts] == [1] and page.total == 1


def test_every_statement_of_the_alert_list_walks_the_waiting_items_index(store, actor):
    _recorded(store, actor, START)
    statements = []
    event.listen(store.engine, "before_cursor_execute",
                 lambda _c, _cur, sql, params, _ctx, _many: statements.append((sql, params)))
    alert_page(store, limit=10, now=NOW)
    footage_reads = [(sql, p) for sql, p in statements if "FROM incident_footage" in sql]
    assert len(footage_reads) >= 5
    with store.engine.connect() as conn:
        plans = [" | ".join(r[3] for r in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql, params))
                 for sql, params in footage_reads]
    perishable = [plan for (sql, _p), plan in zip(footage_reads, plans, strict=True) if "pod_camera" in sql]
    awaiting = [plan for (sql, _p), plan in zip(footage_reads, plans, strict=True) if "pod_camera" not in sql]
    assert all("USING INDEX ix_footage_awaiting" in plan for plan in awaiting), awaiting
    # POD and private cameras: a search through their own partial index, a kind at a time, never a walk over
    # every footage row nor over every "requested" item of ix_footage_deadline (body-worn ones included: 300 ms
    # at 100,000 incidents).
    searched = re.compile(r"SEARCH incident_footage USING (COVERING )?INDEX ix_footage_perishable \(kind=\?")
    assert len(perishable) == 4 and all(searched.match(plan) for plan in perishable), perishable
    plans = awaiting
    # The page itself comes in index order, stopping at the page size: no sort of every waiting item.
    assert "TEMP B-TREE" not in plans[0], plans[0]


def test_a_store_from_before_the_projection_columns_gets_them_filled_at_upgrade(store, actor, data_dir, attacker_shell):
    saved = _recorded(store, actor, START)
    store.engine.dispose()
    # The store as the previous release left it: no alert columns, no index, revision 0006 not applied.
    attacker_shell.execute("DROP INDEX ix_footage_awaiting")
    for column in ("start", "evidence_id", "officer_star", "device_id"):
        attacker_shell.execute(f"ALTER TABLE incident_footage DROP COLUMN {column}")
    attacker_shell.execute("DELETE FROM alembic_version WHERE version_num = '0006_footage_alerts'")
    attacker_shell.execute("PRAGMA user_version = 0")
    reopened = open_store(data_dir)
    try:
        [alert] = alert_page(reopened).alerts
        assert (alert.incident_id, alert.device_id, alert.officer_star, alert.evidence_id) == \
            (saved.id, "BWC-0", "4400", "EVD-0")
        assert alert.deadline == START + timedelta(days=90)
    finally:
        reopened.engine.dispose()


def test_the_index_condition_names_exactly_the_kinds_the_domain_says_are_purged():
    from intake_app.domain.preservation import PURGED_AFTER_RETENTION
    from intake_app.storage.tables import AWAITING_PRESERVATION

    kinds = re.search(r"kind IN \(([^)]*)\)", AWAITING_PRESERVATION).group(1)
    assert {k.strip(" '") for k in kinds.split(",")} == {k.value for k in PURGED_AFTER_RETENTION}


def _camera(store, actor, kind, device, status=Preservation.NOT_REQUESTED, start=START):
    inc = make_incident(footage=0)
    inc.footage = [make_footage(start, kind=kind, device_id=device)]
    inc.footage[0].preservation_status = status
    return store.save(inc, actor)


def test_a_private_camera_marked_requested_is_listed_by_its_kinds_retention(store, actor):
    dated = _recorded(store, actor, START)
    _camera(store, actor, FootageKind.PRIVATE, "Corner store DVR", Preservation.REQUESTED)
    page = alert_page(store, now=NOW)
    assert [a.device_id for a in page.alerts] == ["Corner store DVR", "BWC-0"]
    # Its owner's recorder overwrites within the private-camera retention of Settings (7 days by default).
    days = StationSettings().footage_retention_days[FootageKind.PRIVATE.value]
    assert page.alerts[0].deadline == START.astimezone(UTC) + timedelta(days=days)
    assert page.alerts[1].incident_id == dated.id
    assert page.total == 2


def test_pod_and_private_cameras_not_yet_asked_for_are_listed_soonest_deadline_first(store, actor):
    _recorded(store, actor, START)  # body-worn: 90 days
    _camera(store, actor, FootageKind.POD, "POD 1122", start=START - timedelta(days=10))  # 30 days: Nov 22
    _camera(store, actor, FootageKind.PRIVATE, "Laundromat camera")  # 7 days: Nov 9
    page = alert_page(store, now=NOW)
    assert [a.device_id for a in page.alerts] == ["Laundromat camera", "POD 1122", "BWC-0"]
    assert page.alerts[1].deadline == START + timedelta(days=20)
    assert [a.status for a in page.alerts[:2]] == [Preservation.NOT_REQUESTED] * 2


def test_pod_and_private_cameras_past_their_kinds_retention_are_counted_overdue(store, actor):
    _recorded(store, actor, START)  # in time on NOW
    _camera(store, actor, FootageKind.POD, "POD 1122")  # Dec 2: in time
    _camera(store, actor, FootageKind.PRIVATE, "Laundromat camera")  # Nov 9: overdue
    page = alert_page(store, now=NOW)
    assert (page.total, page.overdue) == (3, 1)


def test_preserved_pod_footage_and_phone_video_are_not_listed(store, actor):
    _camera(store, actor, FootageKind.POD, "POD 1122", Preservation.PRESERVED)
    _camera(store, actor, FootageKind.PHONE, "Witness phone")
    page = alert_page(store, now=NOW)
    assert (page.alerts, page.total, page.overdue) == ([], 0, 0)


def test_a_changed_pod_retention_shows_in_the_list_before_the_record_is_saved_again(store, actor):
    _camera(store, actor, FootageKind.POD, "POD 1122")
    set_up_station(store, StationSettings(district=9, footage_retention_days={"pod_camera": 14,
                                                                            "private_business_camera": 7}))
    [alert] = alert_page(store).alerts
    assert alert.deadline == START + timedelta(days=14)


def test_the_pod_and_private_index_condition_names_the_kinds_the_list_reads_one_at_a_time():
    from intake_app.storage.preservation_queries import PERISHABLE_KINDS
    from intake_app.storage.tables import PERISHABLE_AWAITING

    kinds = re.search(r"kind IN \(([^)]*)\)", PERISHABLE_AWAITING).group(1)
    assert {k.strip(" '") for k in kinds.split(",")} == {k.value for k in PERISHABLE_KINDS}
