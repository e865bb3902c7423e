"""Which incidents are tied to which: shared agent identifiers, and possible duplicates of one event.

Everything runs over whatever the local store holds, so after sync a headquarters store finds
links between districts the same way a station finds them within its own.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Row, column, select, table
from sqlalchemy.orm import Session

from ...domain.identifiers import BADGE, PLATE, identifiers_of
from ...domain.interchange import from_dict
from ...domain.matching import (
    AGENT_LINK,
    CLOSING,
    CONFIRMED,
    PROXIMITY_WEIGHT,
    SAME_EVENT,
    DuplicateRules,
    LinkedIncidentRow,
    Match,
    OtherIncident,
    Shared,
    combined_score,
    degree_box,
    distance_m,
    ordered_pair,
)
from ...domain.records import Incident
from ..chunks import chunked
from ..repository import IncidentStore
from ..tables import IncidentRow
from .decisions import current_decisions, resolve_id
from .index import minutes
from .tables import PLACE_INDEX, IdentifierRow, IncidentPlaceRow

IDENTS = IdentifierRow.__table__
INCIDENTS = IncidentRow.__table__
PLACES = IncidentPlaceRow.__table__
PLACE_TABLE = table(PLACE_INDEX, *(column(c) for c in ("id", "min_lat", "max_lat", "min_lon", "max_lon", "min_t", "max_t")))
_OTHER_COLUMNS = (INCIDENTS.c.id, INCIDENTS.c.report_number, INCIDENTS.c.district, INCIDENTS.c.occurred_at,
                  INCIDENTS.c.status, INCIDENTS.c.latitude, INCIDENTS.c.longitude)


def _other(row: Row[*tuple[Any, ...]]) -> OtherIncident:
    when = row.occurred_at.replace(tzinfo=UTC) if row.occurred_at else None
    return OtherIncident(row.id, row.report_number or "", row.district, when, row.status, row.latitude, row.longitude)


def _others(session: Session, ids: Iterable[str]) -> dict[str, OtherIncident]:
    found: dict[str, OtherIncident] = {}
    for chunk in chunked(ids):
        for row in session.execute(select(*_OTHER_COLUMNS).where(INCIDENTS.c.id.in_(chunk))):
            found[row.id] = _other(row)
    return found


def _states_agree(kind: str, mine: str, theirs: str) -> bool:
    """A plate from Illinois is not the same plate from Indiana; an unknown state does not rule it out."""
    return kind != PLATE or not mine or not theirs or mine == theirs


def _shared_with(session: Session, incident: Incident, kinds: Collection[str] | None = None) -> dict[str, list[Shared]]:
    """Other incidents sharing an identifier with `incident` (saved or not), and what they share."""
    shared: dict[str, list[Shared]] = defaultdict(list)
    for ident in identifiers_of(incident):
        if kinds is not None and ident.kind not in kinds:
            continue
        rows = session.execute(select(IDENTS.c.incident_id, IDENTS.c.state, IDENTS.c.display)
                               .where(IDENTS.c.kind == ident.kind, IDENTS.c.value == ident.value,
                                      IDENTS.c.incident_id != incident.id))
        for r in rows:
            if _states_agree(ident.kind, ident.state, r.state):
                state = ident.state if ident.state == r.state else ""
                shared[r.incident_id].append(Shared(ident.kind, ident.value, state, ident.display, r.display))
    return shared


def _proximity(incident: Incident, other: OtherIncident, rules: DuplicateRules) -> tuple[float, float] | None:
    """(metres, minutes) apart when both have a place and a time, else None."""
    loc = incident.location
    lat, lon, at = loc.latitude, loc.longitude, incident.occurred_at
    if lat is None or lon is None or at is None or other.latitude is None or other.longitude is None \
            or other.occurred_at is None:
        return None
    metres = distance_m(lat, lon, other.latitude, other.longitude)
    mins = abs((at - other.occurred_at).total_seconds()) / 60.0
    return metres, mins


def _proximity_weight(metres: float, mins: float, rules: DuplicateRules) -> float:
    closeness = 1.0 - (metres / rules.distance_m + mins / (rules.window.total_seconds() / 60.0)) / 2.0
    return PROXIMITY_WEIGHT * (0.6 + 0.4 * max(closeness, 0.0))


def links_for(store: IncidentStore, ref: str, *, limit: int = 200) -> list[Match]:
    """Incidents sharing a badge, name or plate with this one (strongest first), and every confirmed link.
    Pairs a reviewer rejected are left out."""
    with store.reading() as session:
        row = resolve_id(session, ref)
        incident_id = row.id
        incident = from_dict(json.loads(row.record_json))
        shared = _shared_with(session, incident)
        decided = current_decisions(session, incident_id)
        confirmed_events = [other for (other, kind), d in decided.items() if kind == SAME_EVENT and d.decision == CONFIRMED]
        others = _others(session, set(shared) | set(confirmed_events))
    matches = []
    for other_id, common in shared.items():
        decision = decided.get((other_id, AGENT_LINK))
        if (decision and decision.decision in CLOSING) or other_id not in others:
            continue
        matches.append(Match(others[other_id], AGENT_LINK, combined_score([s.weight for s in common]), tuple(common),
                             decision=decision.decision if decision else None))
    rules = DuplicateRules()
    for other_id in confirmed_events:
        if other_id not in others:
            continue
        apart = _proximity(incident, others[other_id], rules)
        weights = [s.weight for s in shared.get(other_id, [])]
        if apart:
            weights.append(_proximity_weight(*apart, rules))
        matches.append(Match(others[other_id], SAME_EVENT, combined_score(weights), tuple(shared.get(other_id, [])),
                             apart[0] if apart else None, apart[1] if apart else None, CONFIRMED))
    matches.sort(key=lambda m: (m.decision != CONFIRMED, -m.score, m.other.report_number))
    return matches[:limit]


def _near(session: Session, incident: Incident, rules: DuplicateRules) -> list[OtherIncident]:
    """Incidents inside the box around the incident's place and time, through the R*Tree."""
    loc = incident.location
    if loc.latitude is None or loc.longitude is None or incident.occurred_at is None:
        return []
    dlat, dlon = degree_box(loc.latitude, rules.distance_m)
    t, w = minutes(incident.occurred_at), rules.window.total_seconds() / 60.0 + 1.0
    r = PLACE_TABLE
    stmt = (select(*_OTHER_COLUMNS)
            .select_from(r.join(PLACES, PLACES.c.place_id == r.c.id).join(INCIDENTS, INCIDENTS.c.id == PLACES.c.incident_id))
            .where(r.c.min_lat <= loc.latitude + dlat, r.c.max_lat >= loc.latitude - dlat,
                   r.c.min_lon <= loc.longitude + dlon, r.c.max_lon >= loc.longitude - dlon,
                   r.c.min_t <= t + w, r.c.max_t >= t - w, INCIDENTS.c.id != incident.id))
    rows = session.execute(stmt)
    return [_other(r) for r in rows]


def duplicate_candidates(store: IncidentStore, incident: Incident, rules: DuplicateRules | None = None) -> list[Match]:
    """Incidents that may describe the same event as `incident` (saved or about to be): within the distance
    AND the time window, or sharing a plate or badge within the identifier window. Pairs already linked as
    one event, or dismissed, are not offered again."""
    with store.reading() as session:
        return _candidates(session, incident, rules or DuplicateRules())


def _candidates(session: Session, incident: Incident, rules: DuplicateRules) -> list[Match]:
    near = {o.id: o for o in _near(session, incident, rules)}
    shared = _shared_with(session, incident, kinds=(PLATE, BADGE))
    decided = current_decisions(session, incident.id)
    others = {**_others(session, set(shared) - set(near)), **near}
    found = []
    for other_id, other in others.items():
        if (other_id, SAME_EVENT) in decided:
            continue
        apart = _proximity(incident, other, rules)
        close = apart is not None and apart[0] <= rules.distance_m and apart[1] <= rules.window.total_seconds() / 60
        common = shared.get(other_id, [])
        if common and not close and rules.identifier_window is not None:
            if incident.occurred_at is None or other.occurred_at is None or \
                    abs(incident.occurred_at - other.occurred_at) > rules.identifier_window:
                common = []
        if not close and not common:
            continue
        weights = [s.weight for s in common] + ([_proximity_weight(*apart, rules)] if close and apart else [])
        found.append(Match(other, SAME_EVENT, combined_score(weights), tuple(common),
                           apart[0] if apart else None, apart[1] if apart else None))
    found.sort(key=lambda m: (-m.score, m.other.report_number))
    return found


def confirmed_links_for_packet(store: IncidentStore, ref: str) -> list[LinkedIncidentRow]:
    """The referral packet's "linked incidents": report number, date, district and shared identifiers of
    each confirmed link. Nothing of the other incidents' reporting parties or narratives."""
    rows = []
    for m in links_for(store, ref, limit=10_000):
        if m.decision != CONFIRMED:
            continue
        said = tuple(s.describe() for s in m.shared)
        if m.kind == SAME_EVENT and m.distance_m is not None:
            said += (f"same event ({m.distance_m:.0f} m, {m.minutes_apart:.0f} min apart)",)
        elif m.kind == SAME_EVENT:
            said += ("same event",)
        rows.append(LinkedIncidentRow(m.other.report_number, m.other.occurred_at, m.other.district, m.kind, said))
    rows.sort(key=lambda r: (r.occurred_at or datetime.min.replace(tzinfo=UTC), r.report_number))
    return rows


@dataclass(frozen=True)
class CandidatePair:
    """Two stored incidents that may describe one event (for `intake duplicates`)."""

    a: OtherIncident
    b: OtherIncident
    match: Match  # seen from `a`: match.other is `b`


def duplicate_pairs(store: IncidentStore, *, since: datetime | None = None,
                    rules: DuplicateRules | None = None) -> list[CandidatePair]:
    """Every undecided pair of possible duplicates where at least one incident occurred at or after `since`."""
    rules = rules or DuplicateRules()
    since_naive = since.astimezone(UTC).replace(tzinfo=None) if since else None
    with store.reading() as session:
        stmt = select(INCIDENTS.c.record_json)
        if since_naive is not None:
            stmt = stmt.where(INCIDENTS.c.occurred_at >= since_naive)
        # One candidate search per incident: each is an R*Tree probe plus a few index lookups.
        seen: set[tuple[str, str]] = set()
        pairs = []
        for raw in session.scalars(stmt).all():
            inc = from_dict(json.loads(raw))
            me = OtherIncident(inc.id, inc.report_number, inc.district, inc.occurred_at, inc.status.value,
                               inc.location.latitude, inc.location.longitude)
            for m in _candidates(session, inc, rules):
                key = ordered_pair(inc.id, m.other.id)
                if key not in seen:
                    seen.add(key)
                    pairs.append(CandidatePair(me, m.other, m))
    pairs.sort(key=lambda p: (-p.match.score, p.a.report_number, p.b.report_number))
    return pairs
