"""Every link decision is in the audit trail of both incidents, with who and why."""

from intake_app.domain.actor import Actor
from intake_app.domain.matching import AGENT_LINK, CONFIRMED, DISMISSED, REJECTED, SAME_EVENT
from intake_app.security.audit import entries_for
from intake_app.storage.links.decisions import decide

from .helpers import incident_at, plate_agent

REVIEWER = Actor("Lt. Ana Review", "880")


def _link_entries(store, incident_id):
    return [e for e in entries_for(store, incident_id) if e.action.startswith("link_")]


def test_a_confirmed_link_is_audited_on_both_incidents(store, actor):
    first = store.save(incident_at(agents=[plate_agent("ABC 1234")]), actor)
    second = store.save(incident_at(agents=[plate_agent("abc-1234")]), actor)

    decide(store, first.id, second.id, AGENT_LINK, CONFIRMED, REVIEWER, "same Durango")

    [on_first] = _link_entries(store, first.id)
    [on_second] = _link_entries(store, second.id)
    assert (on_first.action, on_first.actor_name, on_first.actor_star) == ("link_confirmed", "Lt. Ana Review", "880")
    assert second.report_number in on_first.new_value and "same Durango" in on_first.new_value
    assert first.report_number in on_second.new_value


def test_rejections_and_dismissals_are_audited_too(store, actor):
    first = store.save(incident_at(agents=[plate_agent("ABC 1234")]), actor)
    second = store.save(incident_at(north_m=300, minutes_later=40, agents=[plate_agent("ABC 1234")]), actor)

    decide(store, first.id, second.id, AGENT_LINK, REJECTED, REVIEWER)
    decide(store, first.id, second.id, SAME_EVENT, DISMISSED, REVIEWER)

    assert [e.action for e in _link_entries(store, second.id)] == ["link_rejected", "link_dismissed"]
