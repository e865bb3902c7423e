"""A reviewer opens an incident and sees the other incidents that share an agent's badge, name or plate."""

import pytest

from intake_app.domain.actor import Actor
from intake_app.domain.matching import AGENT_LINK, CONFIRMED, REJECTED
from intake_app.storage.links.decisions import LinkError, decide
from intake_app.storage.links.queries import links_for

from .helpers import decisions_for, incident_at, plate_agent, unique_agent

REVIEWER = Actor("Lt. Ana Review", "880")


def _ids(matches):
    return {m.other.id for m in matches}


def test_a_plate_typed_three_ways_links_the_three_incidents(store, actor):
    first = store.save(incident_at(agents=[plate_agent("ABC 1234")]), actor)
    second = store.save(incident_at(minutes_later=60 * 24 * 30, agents=[plate_agent("abc-1234")]), actor)
    third = store.save(incident_at(minutes_later=60 * 24 * 60, agents=[plate_agent("ABC l234")]), actor)

    assert _ids(links_for(store, first.id)) == {second.id, third.id}
    assert _ids(links_for(store, third.report_number)) == {first.id, second.id}


def test_the_same_plate_from_another_state_is_not_a_link(store, actor):
    illinois = store.save(incident_at(agents=[plate_agent("ABC 1234", "IL")]), actor)
    store.save(incident_at(agents=[plate_agent("ABC 1234", "IN")]), actor)

    assert links_for(store, illinois.id) == []


def test_a_plate_without_a_state_is_a_weaker_link(store, actor):
    known = store.save(incident_at(agents=[plate_agent("ABC 1234", "IL")]), actor)
    same_state = store.save(incident_at(agents=[plate_agent("ABC-1234", "IL")]), actor)
    no_state = store.save(incident_at(agents=[plate_agent("abc1234", "")]), actor)

    scores = {m.other.id: m.score for m in links_for(store, known.id)}
    assert scores[same_state.id] > scores[no_state.id] > 0


def test_a_shared_badge_and_name_is_strong_and_says_what_is_shared(store, actor):
    first = store.save(incident_at(agents=[unique_agent(badge="ERO-4471", name="John Doe")]), actor)
    second = store.save(incident_at(agents=[unique_agent(badge="ero 4471", name="Doe, John")]), actor)

    [match] = links_for(store, first.id)
    assert match.other.id == second.id and match.kind == AGENT_LINK
    assert match.strength == "strong"
    assert {s.kind for s in match.shared} == {"badge", "name"}
    assert "badge ero 4471 (this report: ERO-4471)" in match.reasons()


def test_a_shared_surname_alone_is_weak(store, actor):
    first = store.save(incident_at(agents=[unique_agent(name="Rodriguez", badge="", vehicle=None,
                                                        description="Tall")]), actor)
    store.save(incident_at(agents=[unique_agent(name="rodriguez", badge="", vehicle=None, description="Short")]), actor)

    [match] = links_for(store, first.id)
    assert match.strength == "weak"


def test_an_edit_that_removes_the_plate_removes_the_link(store, actor):
    first = store.save(incident_at(agents=[plate_agent("ABC 1234")]), actor)
    second = store.save(incident_at(agents=[plate_agent("ABC 1234")]), actor)
    second.agents[0].vehicle.plate = "XYZ 9876"
    store.save(second, actor)

    assert links_for(store, first.id) == []


def test_a_deleted_draft_leaves_no_link_behind(store, actor):
    first = store.save(incident_at(agents=[plate_agent("ABC 1234")]), actor)
    draft = store.save(incident_at(agents=[plate_agent("ABC 1234")]), actor)
    store.delete_draft(draft.id, actor)

    assert links_for(store, first.id) == []


def test_a_confirmed_link_is_listed_as_confirmed_on_both_sides(store, actor):
    first = store.save(incident_at(agents=[plate_agent("ABC 1234")]), actor)
    second = store.save(incident_at(agents=[plate_agent("ABC 1234")]), actor)
    decide(store, first.id, second.report_number, AGENT_LINK, CONFIRMED, REVIEWER, "same grey Durango")

    assert [m.decision for m in links_for(store, first.id)] == [CONFIRMED]
    assert [m.decision for m in links_for(store, second.id)] == [CONFIRMED]


def test_a_rejected_link_is_not_offered_again(store, actor):
    first = store.save(incident_at(agents=[plate_agent("ABC 1234")]), actor)
    second = store.save(incident_at(agents=[plate_agent("ABC 1234")]), actor)
    decide(store, second.id, first.id, AGENT_LINK, REJECTED, REVIEWER, "different car, plate misread")
    store.save(store.get(second.id), actor)  # a later edit re-indexes the record

    assert links_for(store, first.id) == []
    assert links_for(store, second.id) == []


def test_decisions_are_kept_with_who_when_and_why_and_both_records_stay(store, actor):
    first = store.save(incident_at(agents=[plate_agent("ABC 1234")]), actor)
    second = store.save(incident_at(agents=[plate_agent("ABC 1234")]), actor)
    decide(store, first.id, second.id, AGENT_LINK, REJECTED, REVIEWER, "looked again")
    decide(store, first.id, second.id, AGENT_LINK, CONFIRMED, REVIEWER, "photo shows the same car")

    history = decisions_for(store, second.id)
    assert [d.decision for d in history] == [REJECTED, CONFIRMED]
    assert history[-1].actor_name == "Lt. Ana Review" and history[-1].note == "photo shows the same car"
    assert history[-1].shared == ("plate ABC 1234 (IL)",)
    assert store.get(first.id) == first and store.get(second.id) == second


def test_an_incident_cannot_be_linked_to_itself(store, actor):
    first = store.save(incident_at(), actor)
    with pytest.raises(LinkError, match="itself"):
        decide(store, first.id, first.report_number, AGENT_LINK, CONFIRMED, REVIEWER)
