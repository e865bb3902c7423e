"""A camera item's preservation deadline is stored with the record on every save, from its start and the
station's retention; imported records are kept exactly as they came."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from intake_app.domain.enums import FootageKind, Preservation
from intake_app.domain.interchange import dumps
from intake_app.domain.settings import StationSettings
from tests.station_settings import set_up_station

from ..factories import make_footage, make_incident

CHICAGO = ZoneInfo("America/Chicago")
START = datetime(2026, 11, 2, 14, 30, tzinfo=CHICAGO)  # 20:30 UTC


def _without_deadlines(**kinds):
    """What the wizard hands to the store: footage typed in, no deadline on it."""
    inc = make_incident(footage=0)
    inc.footage = [make_footage(START, kind=kind, device_id=name) for name, kind in kinds.items()]
    return inc


def test_a_saved_body_worn_item_stores_a_deadline_90_days_after_its_start_in_utc(store, actor):
    saved = store.save(_without_deadlines(bwc=FootageKind.BODY_WORN), actor)
    stored = store.get(saved.id).footage[0]
    assert stored.preservation_deadline == datetime(2027, 1, 31, 20, 30, tzinfo=UTC)
    assert stored.preservation_deadline.utcoffset() == timedelta(0)


def test_a_station_retention_of_30_days_gives_start_plus_30(store, actor):
    set_up_station(store, StationSettings(district=9, retention_days=30))
    saved = store.save(_without_deadlines(car=FootageKind.IN_CAR), actor)
    assert store.get(saved.id).footage[0].preservation_deadline == START.astimezone(UTC) + timedelta(days=30)


def test_phone_video_gets_no_deadline_even_if_one_was_typed(store, actor):
    inc = _without_deadlines(phone=FootageKind.PHONE, bwc=FootageKind.BODY_WORN)
    inc.footage[0].preservation_deadline = START + timedelta(days=90)
    stored = store.get(store.save(inc, actor).id)
    assert stored.footage[0].preservation_deadline is None
    assert stored.footage[1].preservation_deadline is not None


def test_an_edited_start_moves_the_deadline_at_the_save(store, actor):
    saved = store.save(_without_deadlines(bwc=FootageKind.BODY_WORN), actor)
    saved.footage[0].start = START + timedelta(days=2)
    again = store.save(saved, actor)
    assert again.footage[0].preservation_deadline == START.astimezone(UTC) + timedelta(days=92)


def test_a_changed_retention_moves_unconfirmed_deadlines_at_the_next_save_but_not_preserved_ones(store, actor):
    inc = _without_deadlines(waiting=FootageKind.BODY_WORN, held=FootageKind.BODY_WORN)
    saved = store.save(inc, actor)
    saved.footage[1].preservation_status = Preservation.PRESERVED
    saved.footage[1].evidence_id = "EVD-2026-555"
    saved = store.save(saved, actor)
    set_up_station(store, StationSettings(district=9, retention_days=30))
    saved.narrative += " Second witness found."
    again = store.save(saved, actor)
    assert again.footage[0].preservation_deadline == START.astimezone(UTC) + timedelta(days=30)
    # The hold was made against the 90-day deadline: moving it now could make a timely hold look late.
    assert again.footage[1].preservation_deadline == START.astimezone(UTC) + timedelta(days=90)


def test_an_imported_record_is_stored_exactly_as_exported_deadline_or_not(store, actor):
    inc = _without_deadlines(bwc=FootageKind.BODY_WORN)
    inc.report_number = "D009-2026-K7Q-00042"
    [imported] = store.import_incidents([inc], actor)
    assert imported.footage[0].preservation_deadline is None
    assert dumps(store.get(inc.id)) == dumps(imported)


def test_the_packet_shows_the_stored_preserve_by_date(store, actor):
    from ..reports.helpers import packet_pdf, packet_text

    saved = store.save(_without_deadlines(bwc=FootageKind.BODY_WORN), actor)
    text = packet_text(packet_pdf(store.get(saved.id)))
    assert "deadline2027-01-3114:30" in text  # 90 days on, in the incident's Chicago time
