"""Hand-made incidents for link stories: each with its own agents, so only what a test sets is shared."""

from __future__ import annotations

import itertools
from datetime import timedelta

from intake_app.domain.records import Location, Vehicle

from ..factories import make_agent, make_incident, point_in_beat

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
    loc = base.location
    latitude, longitude = (loc.latitude, loc.longitude) if district == 9 else point_in_beat(f"{district:02d}11")
    inc = make_incident(agents=0, district=district, beat=f"{district:02d}11",
                        location=Location(loc.address, latitude + north_m / METRES_PER_DEGREE_LAT, longitude),
                        occurred_at=base.occurred_at + timedelta(minutes=minutes_later), **overrides)
    inc.agents = agents if agents is not None else [unique_agent()]
    for v in inc.violations:
        v.agent_ids = [inc.agents[0].id]
    return inc
