"""Synthetic incidents for demos and benchmarks: realistic in shape, fictional in every person.

Every record is flagged `is_demo` and its narrative starts with DEMO_MARK, so demo data can never be
mistaken for a real report (and the public release can leave it out).
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from .catalogue import Catalogue, default_catalogue
from .enums import Agency, FootageKind, IdentifiedBy, Preservation, Source, Status
from .geography import DISTRICTS
from .instants import shifted
from .records import (
    Agent,
    FootageItem,
    Incident,
    Location,
    ReportingParty,
    StatusChange,
    Supervisor,
    Vehicle,
    Violation,
)

DEMO_MARK = "[DEMO DATA - fictional]"
CHICAGO = ZoneInfo("America/Chicago")
STREETS = ("N State St", "S Michigan Ave", "W Cermak Rd", "S Ashland Ave", "W 26th St", "N Milwaukee Ave",
           "W Belmont Ave", "S Pulaski Rd", "W North Ave", "S Halsted St", "W 47th St", "N Clark St")
COLORS = ("Black", "White", "Grey", "Silver", "Dark blue")
MODELS = (("Ford", "Explorer"), ("Chevrolet", "Tahoe"), ("Dodge", "Durango"), ("Ford", "Expedition"), ("GMC", "Yukon"))
DESCRIPTIONS = ("Masked, tactical vest, no visible name tape", "Plain clothes, grey hoodie, badge on belt",
                "Vest marked POLICE, face covering", "Olive uniform, Border Patrol patch")
NARRATIVES = (
    "Officers responding to a call observed agents detain a person outside a business without identifying themselves.",
    "A resident reported that agents forced entry into a residential building without showing a warrant.",
    "Witnesses reported an agent struck a bystander who was recording the arrest on a phone.",
    "Agents in an unmarked vehicle blocked a street and deployed a chemical irritant near a school at dismissal time.",
)


def demo_incident(rng: random.Random, *, now: datetime, catalogue: Catalogue | None = None) -> Incident:
    catalogue = catalogue or default_catalogue()
    district = rng.choice(DISTRICTS)
    # Elapsed-time arithmetic (instants.shifted): wall-clock arithmetic can land in the hour the clocks skip.
    occurred = shifted(now.astimezone(CHICAGO), -timedelta(minutes=rng.randint(60, 60 * 24 * 365))).replace(second=0, microsecond=0)
    agents = []
    for _ in range(rng.randint(1, 4)):
        known = rng.random() < 0.5
        make, model = rng.choice(MODELS)
        agents.append(Agent(
            agency=rng.choice(list(Agency)),
            name=f"Demo Agent {rng.randint(1, 400)}" if known else "",
            badge=f"DEMO-{rng.randint(1000, 9999)}" if known else "",
            identified_by=IdentifiedBy.BADGE_SEEN if known else rng.choice([IdentifiedBy.VEHICLE_PLATE, IdentifiedBy.PHOTO]),
            masked=rng.random() < 0.6,
            description=rng.choice(DESCRIPTIONS),
            vehicle=Vehicle(plate=f"DM{rng.randint(10000, 99999)}", plate_state=rng.choice(["IL", "IL", "IN", "TX"]),
                            make=make, model=model, color=rng.choice(COLORS)) if rng.random() < 0.7 else None,
        ))
    footage = []
    for _ in range(rng.randint(0, 3)):
        kind = rng.choice([FootageKind.BODY_WORN, FootageKind.BODY_WORN, FootageKind.IN_CAR, FootageKind.PHONE])
        start = shifted(occurred, timedelta(minutes=rng.randint(-5, 5)))
        footage.append(FootageItem(
            kind=kind, device_id=f"X{rng.randint(6000, 6999)}", start=start, end=shifted(start, timedelta(minutes=rng.randint(3, 40))),
            officer_star=str(rng.randint(1000, 19999)) if kind == FootageKind.BODY_WORN else "",
            evidence_id=f"EVD-DEMO-{rng.randint(100000, 999999)}",
            preservation_status=rng.choice(list(Preservation)),
            preservation_deadline=shifted(start, timedelta(days=90)),
        ))
    violations = []
    for statute in rng.sample(catalogue.statutes, rng.randint(1, 2)):
        violations.append(Violation(statute=statute.citation, offence_class=rng.choice(statute.classes),
                                    details="Described in the narrative.",
                                    agent_ids=[a.id for a in rng.sample(agents, rng.randint(1, len(agents)))]))
    inc = Incident(
        district=district,
        beat=f"{district:02d}{rng.randint(1, 35):02d}",
        occurred_at=occurred,
        location=Location(f"{rng.randint(1, 79) * 100 + rng.randint(0, 99)} {rng.choice(STREETS)}",
                          round(rng.uniform(41.70, 41.98), 5), round(rng.uniform(-87.80, -87.58), 5)),
        source=rng.choice(list(Source)),
        reporting_party=_demo_party(rng),
        narrative=f"{DEMO_MARK} {rng.choice(NARRATIVES)}",
        supervisor=Supervisor(f"Demo Sgt. {rng.randint(1, 99)}", str(rng.randint(1000, 9999))),
        agents=agents, footage=footage, violations=violations, is_demo=True,
    )
    _advance(inc, rng, occurred)
    return inc


def _demo_party(rng: random.Random) -> ReportingParty | None:
    """Six records in ten have a reporting party, every part of it plainly synthetic: 'Demo' in the name and the
    street, a 555 phone number. It draws the same random numbers as before the address was added (the address
    reuses the name's number), so a seed still gives the same records."""
    if rng.random() >= 0.6:
        return None
    number = rng.randint(1, 9999)
    return ReportingParty(name=f"Demo Person {number}", phone=f"312-555-{rng.randint(0, 9999):04d}",
                          preferred_language=rng.choice(["en", "es", "es", "pl", "zh"]), consent_to_contact=True,
                          address=f"{number} W Demo Street (synthetic address)")


def _advance(inc: Incident, rng: random.Random, occurred: datetime) -> None:
    """Give demo records a plausible workflow position, with their history."""
    from .workflow import has_felony

    path = [Status.IN_REVIEW, Status.APPROVED, Status.REFERRED if has_felony(inc) else Status.RECORDED]
    steps = rng.choice([0, 1, 2, 3, 3, 3])
    at = shifted(occurred, timedelta(hours=2))
    # The supervisor submits; a (synthetic) lieutenant of the district decides. No random draw: a seed
    # still gives the same records.
    reviewer = (f"Demo Lt. {inc.district}", f"9{inc.district:03d}")
    for to in path[:steps]:
        by = (inc.supervisor.name, inc.supervisor.star) if to == Status.IN_REVIEW else reviewer
        inc.history.append(StatusChange(inc.status, to, *by, at))
        inc.status = to
        at = shifted(at, timedelta(hours=rng.randint(1, 48)))


def demo_incidents(count: int, *, seed: int = 2026, now: datetime | None = None) -> list[Incident]:
    rng = random.Random(seed)
    now = now or datetime.now(CHICAGO)
    catalogue = default_catalogue()
    return [demo_incident(rng, now=now, catalogue=catalogue) for _ in range(count)]
