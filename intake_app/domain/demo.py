"""Synthetic incidents for demos and benchmarks: realistic in shape, fictional in every person.

Every record is flagged `is_demo` and its narrative starts with DEMO_MARK, so demo data can never be
mistaken for a real report (and the public release can leave it out).
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from . import enums, records
from .catalogue import Catalogue, default_catalogue
from .geography import DISTRICTS, default_beat_map, locate
from .instants import shifted
from .order_validation import rd_letters_for_year
from .workflow import has_felony

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


def demo_incident(rng: random.Random, *, now: datetime, catalogue: Catalogue | None = None) -> records.Incident:
    catalogue = catalogue or default_catalogue()
    district = rng.choice(DISTRICTS)
    # Elapsed-time arithmetic (instants.shifted): wall-clock arithmetic can land in the hour the clocks skip.
    occurred = shifted(now.astimezone(CHICAGO), -timedelta(minutes=rng.randint(60, 60 * 24 * 365))).replace(second=0, microsecond=0)
    agents = []
    for _ in range(rng.randint(1, 4)):
        known = rng.random() < 0.5
        make, model = rng.choice(MODELS)
        agents.append(records.Agent(
            agency=rng.choice(list(enums.Agency)),
            name=f"Demo Agent {rng.randint(1, 400)}" if known else "",
            badge=f"DEMO-{rng.randint(1000, 9999)}" if known else "",
            identified_by=enums.IdentifiedBy.BADGE_SEEN if known else rng.choice([enums.IdentifiedBy.VEHICLE_PLATE, enums.IdentifiedBy.PHOTO]),
            masked=rng.random() < 0.6,
            description=rng.choice(DESCRIPTIONS),
            vehicle=records.Vehicle(plate=f"DM{rng.randint(10000, 99999)}", plate_state=rng.choice(["IL", "IL", "IN", "TX"]),
                            make=make, model=model, color=rng.choice(COLORS)) if rng.random() < 0.7 else None,
        ))
    footage = []
    for _ in range(rng.randint(0, 3)):
        kind = rng.choice([enums.FootageKind.BODY_WORN, enums.FootageKind.BODY_WORN, enums.FootageKind.IN_CAR, enums.FootageKind.PHONE])
        start = shifted(occurred, timedelta(minutes=rng.randint(-5, 5)))
        footage.append(records.FootageItem(
            kind=kind, device_id=f"X{rng.randint(6000, 6999)}", start=start, end=shifted(start, timedelta(minutes=rng.randint(3, 40))),
            officer_star=str(rng.randint(1000, 19999)) if kind == enums.FootageKind.BODY_WORN else "",
            evidence_id=f"EVD-DEMO-{rng.randint(100000, 999999)}",
            preservation_status=rng.choice(list(enums.Preservation)),
            preservation_deadline=shifted(start, timedelta(days=90)),
        ))
    violations = []
    for statute in rng.sample(catalogue.statutes, rng.randint(1, 2)):
        violations.append(records.Violation(statute=statute.citation, offence_class=rng.choice(statute.classes),
                                    details="Described in the narrative.",
                                    agent_ids=[a.id for a in rng.sample(agents, rng.randint(1, len(agents)))]))
    beat = rng.choice(sorted(default_beat_map().beats_of(district)))
    address = f"{rng.randint(1, 79) * 100 + rng.randint(0, 99)} {rng.choice(STREETS)}"
    inc = records.Incident(
        district=district,
        beat=beat,
        occurred_at=occurred,
        location=records.Location(address, *_point_in(beat, rng.uniform(-1, 1), rng.uniform(-1, 1))),
        source=rng.choice(list(enums.Source)),
        reporting_party=_demo_party(rng),
        narrative=f"{DEMO_MARK} {rng.choice(NARRATIVES)}",
        supervisor=records.Supervisor(f"Demo Sgt. {rng.randint(1, 99)}", str(rng.randint(1000, 9999))),
        agents=agents, footage=footage, violations=violations, is_demo=True,
    )
    order = random.Random(f"{occurred.isoformat()} {district} {beat}")  # no draw from rng: seeds keep their records
    _order_facts(inc, order, catalogue)
    _advance(inc, rng, occurred)
    _felony_review(inc, order, catalogue, now)
    return inc


def _demo_party(rng: random.Random) -> records.ReportingParty | None:
    """Six records in ten have a reporting party, every part of it plainly synthetic: 'Demo' in the name and the
    street, a 555 phone number. It draws the same random numbers as before the address was added (the address
    reuses the name's number), so a seed still gives the same records."""
    if rng.random() >= 0.6:
        return None
    number = rng.randint(1, 9999)
    return records.ReportingParty(name=f"Demo Person {number}", phone=f"312-555-{rng.randint(0, 9999):04d}",
                          preferred_language=rng.choice(["en", "es", "es", "pl", "zh"]), consent_to_contact=True,
                          address=f"{number} W Demo Street (synthetic address)")


def _advance(inc: records.Incident, rng: random.Random, occurred: datetime) -> None:
    """Give demo records a plausible workflow position, with their history."""

    path = [enums.Status.IN_REVIEW, enums.Status.APPROVED, enums.Status.REFERRED if has_felony(inc) else enums.Status.RECORDED]
    steps = rng.choice([0, 1, 2, 3, 3, 3])
    at = shifted(occurred, timedelta(hours=2))
    # The supervisor submits; a (synthetic) lieutenant of the district decides. No random draw: a seed
    # still gives the same records.
    reviewer = (f"Demo Lt. {inc.district}", f"9{inc.district:03d}")
    for to in path[:steps]:
        by = (inc.supervisor.name, inc.supervisor.star) if to == enums.Status.IN_REVIEW else reviewer
        inc.history.append(records.StatusChange(inc.status, to, *by, at))
        inc.status = to
        at = shifted(at, timedelta(hours=rng.randint(1, 48)))


def demo_incidents(count: int, *, seed: int = 2026, now: datetime | None = None) -> list[records.Incident]:
    rng = random.Random(seed)
    now = now or datetime.now(CHICAGO)
    catalogue = default_catalogue()
    return [demo_incident(rng, now=now, catalogue=catalogue) for _ in range(count)]


# ---------------------------------------------------------------- what the order and CPD practice require

HOSPITALS = ("Mount Sinai Hospital", "Stroger Hospital", "Northwestern Memorial Hospital", "Saint Anthony Hospital")


def _point_in(beat: str, dx: float, dy: float) -> tuple[float, float]:
    """A point of the beat, moved a little (up to about 100 m) when that stays inside it."""
    lat, lon = default_beat_map().point_in(beat) or (41.8837, -87.6319)
    moved = (round(lat + dy * 0.001, 5), round(lon + dx * 0.001, 5))
    where = locate(*moved)
    return moved if where is not None and where.beat == beat else (lat, lon)


def _order_facts(inc: records.Incident, rng: random.Random, catalogue: Catalogue) -> None:

    occurred = inc.occurred_at
    assert occurred is not None
    inc.cpd_rd_number = f"{rd_letters_for_year(occurred.year)}{rng.randint(100000, 999999)}"
    inc.oemc_event_number = f"{occurred:%y%j}{rng.randint(10000, 99999)}"
    for agent in inc.agents:
        agent.visible_id_displayed, agent.body_camera_worn, agent.refused_to_identify = (
            rng.choice(list(enums.YesNoUnknown)) for _ in range(3))
        if agent.agency == enums.Agency.OTHER_FEDERAL:
            agent.agency_name = "Demo federal agency"
    body_worn = [f for f in inc.footage if f.kind == enums.FootageKind.BODY_WORN]
    if inc.source == enums.Source.OBSERVED:
        check = rng.choice([enums.CredentialCheck.REFUSED, enums.CredentialCheck.VERIFIED, enums.CredentialCheck.NO_SUPERVISOR_PRESENT]
                           if body_worn else [enums.CredentialCheck.NOT_ATTEMPTED, enums.CredentialCheck.NO_SUPERVISOR_PRESENT])
        inc.federal_supervisor = records.FederalSupervisor(
            agency=rng.choice([enums.Agency.ICE_ERO, enums.Agency.CBP_BORDER_PATROL]), credential_check=check,
            name=f"Demo Supervisor {rng.randint(1, 99)}" if check == enums.CredentialCheck.VERIFIED else "",
            badge=f"DEMO-S{rng.randint(100, 999)}" if check == enums.CredentialCheck.VERIFIED else "",
            not_attempted_reason="Agents left before a CPD member could approach" if check == enums.CredentialCheck.NOT_ATTEMPTED
            else "",
            checked_at=occurred + timedelta(minutes=5) if body_worn and check in (
                enums.CredentialCheck.REFUSED, enums.CredentialCheck.VERIFIED) else None,
            footage_id=body_worn[0].id if body_worn and check in (enums.CredentialCheck.REFUSED, enums.CredentialCheck.VERIFIED)
            else "")
    force = rng.random() < 0.4
    inc.use_of_force = enums.YesNoUnknown.YES if force else rng.choice([enums.YesNoUnknown.NO, enums.YesNoUnknown.UNKNOWN])
    if force:
        for item in body_worn:
            item.flagged_at, item.flag_reasons = occurred + timedelta(hours=1), [enums.FlagReason.USE_OF_FORCE]
            item.hold_form = "CPD-65.224"
        if rng.random() < 0.5:
            inc.injuries = [records.Injury(role=rng.choice(list(enums.InjuredRole)), description="Demo injury: bruising to the arm",
                                   severity=rng.choice([enums.InjurySeverity.MINOR, enums.InjurySeverity.SERIOUS]))]
            inc.medical = records.Medical(enums.YesNoUnknown.YES, occurred + timedelta(minutes=3), f"Ambulance {rng.randint(1, 80)}",
                                  enums.YesNoUnknown.YES, rng.choice(HOSPITALS))
        else:
            inc.medical = records.Medical(anyone_injured=enums.YesNoUnknown.NO)


def _felony_review(inc: records.Incident, rng: random.Random, catalogue: Catalogue, now: datetime) -> None:
    """A referred demo record may already have the CCSAO's decision (and a Touhy request)."""
    if inc.status != enums.Status.REFERRED or rng.random() < 0.3:
        return
    decided = (inc.history[-1].at + timedelta(days=rng.randint(1, 5))).date()
    if decided > now.date():
        return
    review = inc.felony_review
    review.asa_name, review.asa_unit = f"Demo ASA {rng.randint(1, 40)}", "Felony Review Unit"
    review.reference = f"FR-DEMO-{rng.randint(1000, 9999)}"
    reviewer = inc.history[-1]
    decision = rng.choice(list(enums.ReviewDecision))
    felony = next(v for v in inc.violations
                  if (statute := catalogue.get(v.statute)) is not None and v.offence_class in statute.classes)
    charges = [records.ApprovedCharge(felony.statute, felony.offence_class)] if decision == enums.ReviewDecision.CHARGES_APPROVED \
        else [records.ApprovedCharge("720 ILCS 5/12-3", "A")] if decision == enums.ReviewDecision.MISDEMEANOR else []
    review.steps.append(records.ReviewStep(decision, decided, charges, "", reviewer.by_name, reviewer.by_star, reviewer.at))
    if rng.random() < 0.4:
        review.touhy_requests.append(records.TouhyRequest(agency=enums.Agency.ICE_ERO, what="Agents' body camera video (demo)",
                                                  sent_on=decided, status=rng.choice(list(enums.TouhyStatus))))
