"""Which status may follow which, and what each step requires. Each step records who and when."""

from __future__ import annotations

import copy
from collections.abc import Sequence
from datetime import UTC, date, datetime

from .actor import Actor
from .catalogue import Catalogue, is_felony_class
from .enums import ReviewDecision, Status
from .order_validation import FINAL_DECISIONS, NEXT_DECISIONS
from .problems import Problem, ValidationError
from .records import ApprovedCharge, Incident, ReviewStep, StatusChange
from .settings import StationSettings
from .validation import validate

TRANSITIONS: dict[Status, tuple[Status, ...]] = {
    Status.DRAFT: (Status.IN_REVIEW,),
    Status.IN_REVIEW: (Status.DRAFT, Status.APPROVED),  # back to draft = returned with a comment
    Status.APPROVED: (Status.REFERRED, Status.RECORDED),
    Status.REFERRED: (Status.CLOSED,),
    Status.RECORDED: (Status.CLOSED,),
    Status.CLOSED: (),
}

# Approved records and every later status are read-only: a change is a correction with a reason.
LOCKED = (Status.APPROVED, Status.REFERRED, Status.RECORDED, Status.CLOSED)


class WorkflowError(ValueError):
    pass


def has_felony(incident: Incident) -> bool:
    return any(is_felony_class(v.offence_class) for v in incident.violations)


def transition(
    incident: Incident,
    to: Status,
    actor: Actor,
    *,
    comment: str = "",
    now: datetime | None = None,
    catalogue: Catalogue | None = None,
    settings: StationSettings | None = None,
) -> Incident:
    """A copy of the incident in its new status, with the step recorded (`settings`: the station's RD and OEMC
    number patterns). Raises WorkflowError or ValidationError."""
    if to not in TRANSITIONS[incident.status]:
        raise WorkflowError(f"An incident that is {incident.status.value} cannot become {to.value}")
    if to == Status.REFERRED and not has_felony(incident):
        raise WorkflowError("Only an incident with at least one felony can be referred to CCSAO")
    if to == Status.RECORDED and has_felony(incident):
        raise WorkflowError("An incident with a felony must be referred to CCSAO, not recorded")
    if incident.status == Status.REFERRED and to == Status.CLOSED and not review_is_final(incident):
        raise WorkflowError("A referred incident is closed after the felony review's decision (declined, charges "
                            "approved or downgraded to a misdemeanor); record it first")
    if incident.status == Status.IN_REVIEW and to == Status.DRAFT and not comment.strip():
        raise WorkflowError("Returning an incident needs a comment for the supervisor")
    if not actor.name.strip() or not actor.star.strip():
        raise WorkflowError("Set your name and star number (Settings) before changing a status")
    if to != Status.DRAFT:
        problems: list[Problem] = validate(incident, catalogue=catalogue, now=now, settings=settings)
        if problems:
            raise ValidationError(problems)
    moved = copy.deepcopy(incident)
    moved.history.append(
        StatusChange(incident.status, to, actor.name, actor.star, now or datetime.now(UTC), comment.strip())
    )
    moved.status = to
    return moved


# ---------------------------------------------------------------- after the referral: the felony review
# CCSAO reviews independently: it may decline, approve charges, downgrade to a misdemeanor, keep a continuing
# investigation or take the case to a grand jury. Each decision is a new step of the record's felony review.

def may_request_touhy(status: Status) -> bool:
    """Touhy requests ask a federal agency for evidence for the CCSAO's review, so there is one only after the
    referral: the core's refusal and the incident view's action both ask here."""
    return status == Status.REFERRED


def review_is_final(incident: Incident) -> bool:
    return incident.felony_review.decision in FINAL_DECISIONS


def next_decisions(incident: Incident) -> tuple[ReviewDecision, ...]:
    """The decisions that may be recorded now (none before the referral)."""

    if incident.status != Status.REFERRED:
        return ()
    current = incident.felony_review.decision
    allowed = NEXT_DECISIONS[current] if current is not None else frozenset(ReviewDecision)
    return tuple(d for d in ReviewDecision if d in allowed)


def record_review_step(
    incident: Incident, decision: ReviewDecision, actor: Actor, *, decided_on: date, charges: Sequence[ApprovedCharge] = (),
    comment: str = "", asa_name: str | None = None, asa_unit: str | None = None, reference: str | None = None,
    now: datetime | None = None, catalogue: Catalogue | None = None,
) -> Incident:
    """A copy with the felony review's decision added (and the reviewing ASA / reference set when given).
    Raises WorkflowError (wrong status, a decision that cannot follow the last) or ValidationError."""
    if incident.status != Status.REFERRED:
        raise WorkflowError(f"Only a referred incident has a felony review (this one is {incident.status.value})")
    if decision not in next_decisions(incident):
        current = incident.felony_review.decision
        raise WorkflowError(f"{decision.value} cannot follow {current.value if current else 'the referral'}")
    if not actor.name.strip() or not actor.star.strip():
        raise WorkflowError("Set your name and star number (Settings) before recording a decision")
    moved = copy.deepcopy(incident)
    review = moved.felony_review
    if asa_name is not None:
        review.asa_name = asa_name.strip()
    if asa_unit is not None:
        review.asa_unit = asa_unit.strip()
    if reference is not None:
        review.reference = reference.strip()
    review.steps.append(ReviewStep(decision, decided_on, [copy.copy(c) for c in charges], comment.strip(),
                                   actor.name, actor.star, now or datetime.now(UTC)))
    problems = [p for p in validate(moved, catalogue=catalogue, now=now) if p.path.startswith("felony_review")]
    if problems:
        raise ValidationError(problems)
    return moved
