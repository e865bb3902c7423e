"""How strongly two incidents are tied, and what the store's link queries hand back. No database here.

A plate in the same state is close to proof of the same vehicle; a badge number nearly so; a name
is weaker (people share names, witnesses mishear them). Independent clues combine as
1 - prod(1 - w): two weak clues make a stronger one, and nothing reaches 1.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from .identifiers import BADGE, NAME, PLATE

AGENT_LINK, SAME_EVENT = "agent", "event"
LINK_KINDS = (AGENT_LINK, SAME_EVENT)
CONFIRMED, REJECTED, DISMISSED = "confirmed", "rejected", "dismissed"
DECISIONS = (CONFIRMED, REJECTED, DISMISSED)
# Decisions that take a pair off every list of suggestions for good.
CLOSING = (REJECTED, DISMISSED)

WEIGHTS = {
    (PLATE, True): 0.9,  # same plate, same state
    (PLATE, False): 0.6,  # same plate, one side gave no state
    (BADGE, True): 0.8,
    (NAME, True): 0.5,  # two or more words after folding
    (NAME, False): 0.2,  # a single word ("Rodriguez")
}
# Being at the same place and time is evidence of the same event, not of the same agent.
PROXIMITY_WEIGHT = 0.5


@dataclass(frozen=True)
class Shared:
    """One identifier two incidents have in common, as typed on each side."""

    kind: str
    value: str  # canonical key
    state: str
    here: str
    there: str

    @property
    def weight(self) -> float:
        if self.kind == PLATE:
            return WEIGHTS[(PLATE, bool(self.state))]
        if self.kind == NAME:
            return WEIGHTS[(NAME, " " in self.value)]
        return WEIGHTS[(BADGE, True)]

    def describe(self) -> str:
        label = {PLATE: "plate", BADGE: "badge", NAME: "name"}[self.kind]
        return f"{label} {self.there}" if self.here == self.there else f"{label} {self.there} (this report: {self.here})"


def combined_score(weights: list[float]) -> float:
    remaining = 1.0
    for w in weights:
        remaining *= 1.0 - w
    return round(1.0 - remaining, 3)


def strength_label(score: float) -> str:
    if score >= 0.8:
        return "strong"
    if score >= 0.5:
        return "medium"
    return "weak"


@dataclass(frozen=True)
class OtherIncident:
    """What a link shows of the other incident: never its reporting party."""

    id: str
    report_number: str
    district: int | None
    occurred_at: datetime | None
    status: str
    latitude: float | None = None
    longitude: float | None = None


@dataclass(frozen=True)
class Match:
    other: OtherIncident
    kind: str  # AGENT_LINK or SAME_EVENT
    score: float
    shared: tuple[Shared, ...] = ()
    distance_m: float | None = None
    minutes_apart: float | None = None
    decision: str | None = None  # None = suggested, not yet decided; CONFIRMED once a reviewer said so

    @property
    def strength(self) -> str:
        return strength_label(self.score)

    def reasons(self) -> list[str]:
        said = [s.describe() for s in self.shared]
        if self.distance_m is not None and self.minutes_apart is not None:
            said.append(f"{self.distance_m:.0f} m and {self.minutes_apart:.0f} min apart")
        return said


@dataclass(frozen=True)
class DuplicateRules:
    """When a newly saved incident may describe the same event as another (Linked incidents defaults)."""

    distance_m: float = 500.0
    window: timedelta = timedelta(hours=2)
    # A shared plate or badge offers a duplicate too, within this window (None: at any time). Not unlimited
    # by default: the same car a month later is a pattern (an agent link), not the same event.
    identifier_window: timedelta | None = timedelta(hours=24)


@dataclass(frozen=True)
class LinkDecision:
    incident_a: str
    incident_b: str
    kind: str
    decision: str
    actor_name: str
    actor_star: str
    decided_at: datetime
    note: str = ""
    shared: tuple[str, ...] = field(default_factory=tuple)
    station: str = ""  # where it was taken when it came by sync ("district 9", "headquarters"); "" = here


@dataclass(frozen=True)
class LinkedIncidentRow:
    """One line of the referral packet's "linked incidents" section."""

    report_number: str
    occurred_at: datetime | None
    district: int | None
    kind: str
    shared: tuple[str, ...]


EARTH_RADIUS_M = 6_371_008.8


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle (haversine) distance; at city scale it is exact to well under a metre."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(a))


def degree_box(lat: float, metres: float) -> tuple[float, float]:
    """Half-widths in degrees of latitude and longitude that contain every point within `metres`."""
    dlat = math.degrees(metres / EARTH_RADIUS_M)
    dlon = dlat / max(math.cos(math.radians(lat)), 1e-6)
    return dlat * 1.01, dlon * 1.01  # a margin for float32 rounding in the R*Tree


def ordered_pair(a: str, b: str) -> tuple[str, str]:
    """A link is between two incidents, not from one to the other: stored once, smaller id first."""
    return (a, b) if a < b else (b, a)
