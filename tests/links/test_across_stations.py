"""Headquarters imports records from every district (as sync does) and sees links between districts."""

import copy

from intake_app.domain.matching import AGENT_LINK, CONFIRMED
from intake_app.storage.links.decisions import decide
from intake_app.storage.links.queries import confirmed_links_for_packet, links_for

from .helpers import incident_at, plate_agent, plate_seen_in_three_districts


def test_the_same_plate_in_two_districts_is_linked_after_import(store, actor):
    district_9 = incident_at(district=9, agents=[plate_agent("ABC 1234")])
    district_9.report_number = "D009-2026-K7Q-00042"
    district_12 = incident_at(district=12, minutes_later=60 * 24 * 3, agents=[plate_agent("abc-1234")])
    district_12.report_number = "D012-2026-M3X-00007"
    district_25 = incident_at(district=25, minutes_later=60 * 24 * 9, agents=[plate_agent("ABC l234")])
    district_25.report_number = "D025-2026-P8R-00101"

    store.import_incidents([district_9], actor)
    store.import_incidents([district_12, district_25], actor)

    matches = links_for(store, "D009-2026-K7Q-00042")
    assert {(m.other.report_number, m.other.district) for m in matches} == {
        ("D012-2026-M3X-00007", 12), ("D025-2026-P8R-00101", 25)}


def test_a_reviewer_confirms_one_cross_district_link_and_the_packet_lists_only_that_one(store, actor):
    mine, theirs, _ = plate_seen_in_three_districts(store, actor, their_reporter="Other Station Reporter")

    decide(store, mine.id, "D012-2026-M3X-00007", AGENT_LINK, CONFIRMED, actor)

    [row] = confirmed_links_for_packet(store, mine.id)
    assert (row.report_number, row.district, row.occurred_at) == ("D012-2026-M3X-00007", 12, theirs.occurred_at)
    assert row.shared == ("plate abc-1234 (IL) (this report: ABC 1234 (IL))",)
    assert "Other Station Reporter" not in repr(row)


def test_records_pulled_by_sync_are_linked_across_districts(store, actor):
    """The sync client's own write path (apply_remote), not only import: new records and newer versions."""
    from intake_app.sync.apply_step import apply_remote

    mine = store.save(incident_at(district=9, agents=[plate_agent("ABC 1234")]), actor)
    theirs = incident_at(district=12, minutes_later=60 * 24 * 3, agents=[plate_agent("XYZ 9876")])
    theirs.report_number, theirs.version = "D012-2026-M3X-00007", 1
    theirs.created_at = theirs.updated_at = theirs.occurred_at  # as the other station saved it
    apply_remote(store, [theirs])
    assert links_for(store, mine.id) == []

    newer = copy.deepcopy(theirs)
    newer.version = 2
    newer.agents[0].vehicle.plate = "abc-1234"  # the other station corrected the plate
    apply_remote(store, [newer])

    [match] = links_for(store, mine.id)
    assert (match.other.report_number, match.other.district) == ("D012-2026-M3X-00007", 12)
