"""Once a station has users, a reviewer judges agent links; supervisors may link or dismiss duplicates."""

import pytest

from intake_app.domain.actor import Actor
from intake_app.domain.matching import AGENT_LINK, CONFIRMED, DISMISSED, SAME_EVENT
from intake_app.domain.roles import REVIEWER, SUPERVISOR
from intake_app.security.users import add_user, create_first_administrator, sign_in
from intake_app.storage.links.decisions import decide

from .helpers import decisions_for, incident_at, plate_agent


@pytest.fixture
def people(store):
    create_first_administrator(store, "1000", "Admin Alvarez", "admin correct horse")
    admin = sign_in(store, "1000", "admin correct horse")
    add_user(store, admin, "2231", "Sgt. Maria Test", SUPERVISOR, "sergeant battery staple")
    add_user(store, admin, "3100", "Lt. Ray Review", REVIEWER, "lieutenant blue river")
    return {"sgt": sign_in(store, "2231", "sergeant battery staple"), "lt": sign_in(store, "3100", "lieutenant blue river")}


@pytest.fixture
def pair(store, people):
    first = store.save(incident_at(agents=[plate_agent("ABC 1234")]), people["sgt"])
    second = store.save(incident_at(north_m=300, minutes_later=40, agents=[plate_agent("abc-1234")]), people["sgt"])
    return first, second


def test_a_reviewer_confirms_an_agent_link(store, people, pair):
    decide(store, pair[0].id, pair[1].id, AGENT_LINK, CONFIRMED, people["lt"])

    assert [d.actor_name for d in decisions_for(store, pair[0].id)] == ["Lt. Ray Review"]


def test_a_supervisor_cannot_confirm_an_agent_link_and_nothing_is_kept(store, people, pair):
    with pytest.raises(PermissionError, match="reviewer"):
        decide(store, pair[0].id, pair[1].id, AGENT_LINK, CONFIRMED, people["sgt"])

    assert decisions_for(store, pair[0].id) == []


def test_a_supervisor_may_dismiss_a_possible_duplicate(store, people, pair):
    decide(store, pair[0].id, pair[1].id, SAME_EVENT, DISMISSED, people["sgt"])

    assert [d.decision for d in decisions_for(store, pair[1].id)] == [DISMISSED]


def test_a_hand_made_actor_carries_no_rights(store, people, pair):
    with pytest.raises(PermissionError):
        decide(store, pair[0].id, pair[1].id, SAME_EVENT, CONFIRMED, Actor("Lt. Ray Review", "9999"))
