"""Hand-made incidents for link stories: each with its own agents, so only what a test sets is shared."""

from __future__ import annotations

import itertools
from datetime import timedelta

from intake_app.domain.records import Location, Vehicle
from intake_app.storage.links.decisions import decision_history, resolve_id

from ..factories import make_agent, make_incident

METRES_PER_DEGREE_LAT = 111_195.0
_serial = itertools.count(1)


def unique_agent(**overrides):
    """An agent whose badge, name and plate no other test incident has, unless overridden."""
    n = next(_serial)
    fields = {"badge": f"UNQ-{n:05d}", "name": f"Agent Uniq{n}x",
              "vehicle": Vehicle(plate=f"Q{n:06d}", plate_state="IL", make="Ford", model="Explorer", color="Black")}
    fields.update(overrides)
    return make_agent(**fields)


def plate_agent(plate: str, state: str = "IL"):
    """An agent known only by the car: no name, no badge."""
    return unique_agent(badge="", name="", vehicle=Vehicle(plate=plate, plate_state=state, make="Dodge",
                                                                  model="Durango", color="Grey"))


def incident_at(*, north_m: float = 0.0, minutes_later: float = 0.0, agents=None, district: int = 9, **overrides):
    """An incident placed `north_m` metres north of, and `minutes_later` after, the factory's incident (in another
    district: north of a point of that district's beat XX11, since coordinates decide the district)."""
    base = make_incident(agents=0)
    # The point the coordinates start from is in the story's district (coordinates derive district and beat).
    loc = make_incident(agents=0, district=district, beat=f"{district:02d}11").location
    inc = make_incident(agents=0, district=district, beat=f"{district:02d}11",
                        location=Location(loc.address, loc.latitude + north_m / METRES_PER_DEGREE_LAT, loc.longitude),
                        occurred_at=base.occurred_at + timedelta(minutes=minutes_later), **overrides)
    inc.agents = agents if agents is not None else [unique_agent()]
    for v in inc.violations:
        v.agent_ids = [inc.agents[0].id]
    return inc


def plate_seen_in_three_districts(store, actor, *, their_reporter: str):
    """Our district-9 record of plate ABC 1234, saved; and, imported as sync brings them, district 12's record
    three days later (spelled abc-1234, reported by `their_reporter`) and district 25's nine days later (ABC l234)."""
    mine = store.save(incident_at(district=9, agents=[plate_agent("ABC 1234")]), actor)
    theirs = incident_at(district=12, minutes_later=60 * 24 * 3, agents=[plate_agent("abc-1234")])
    theirs.report_number = "D012-2026-M3X-00007"
    theirs.reporting_party.name = their_reporter
    third = incident_at(district=25, minutes_later=60 * 24 * 9, agents=[plate_agent("ABC l234")])
    third.report_number = "D025-2026-P8R-00101"
    store.import_incidents([theirs, third], actor)
    return mine, theirs, third


def decisions_for(store, incident_id: str):
    """Every link decision on an incident, oldest first: what its audit and packet read (decision_history)."""
    with store.reading() as session:
        return decision_history(session, resolve_id(session, incident_id).id)
