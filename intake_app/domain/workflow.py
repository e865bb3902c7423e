"""Which status may follow which, and what each step requires. Each step records who and when."""

from __future__ import annotations

import copy
from datetime import UTC, datetime

from .actor import Actor
from .catalogue import Catalogue, is_felony_class
from .enums import Status
from .problems import Problem, ValidationError
from .records import Incident, StatusChange
from .validation import validate

TRANSITIONS: dict[Status, tuple[Status, ...]] = {
    Status.DRAFT: (Status.IN_REVIEW,),
    Status.IN_REVIEW: (Status.DRAFT, Status.APPROVED),  # back to draft = returned with a comment
    Status.APPROVED: (Status.REFERRED, Status.RECORDED),
    Status.REFERRED: (Status.CLOSED,),
    Status.RECORDED: (Status.CLOSED,),
    Status.CLOSED: (),
}


class WorkflowError(ValueError):
    pass


def has_felony(incident: Incident) -> bool:
    return any(is_felony_class(v.offence_class) for v in incident.violations)


def allowed_next(incident: Incident) -> tuple[Status, ...]:
    nexts = TRANSITIONS[incident.status]
    if incident.status == Status.APPROVED:
        return (Status.REFERRED,) if has_felony(incident) else (Status.RECORDED,)
    return nexts


def transition(
    incident: Incident,
    to: Status,
    actor: Actor,
    *,
    comment: str = "",
    now: datetime | None = None,
    catalogue: Catalogue | None = None,
) -> Incident:
    """A copy of the incident in its new status, with the step recorded. Raises WorkflowError or ValidationError."""
    if to not in TRANSITIONS[incident.status]:
        raise WorkflowError(f"An incident that is {incident.status.value} cannot become {to.value}")
    if to == Status.REFERRED and not has_felony(incident):
        raise WorkflowError("Only an incident with at least one felony can be referred to CCSAO")
    if to == Status.RECORDED and has_felony(incident):
        raise WorkflowError("An incident with a felony must be referred to CCSAO, not recorded")
    if incident.status == Status.IN_REVIEW and to == Status.DRAFT and not comment.strip():
        raise WorkflowError("Returning an incident needs a comment for the supervisor")
    if not actor.name.strip() or not actor.star.strip():
        raise WorkflowError("Set your name and star number (Settings) before changing a status")
    if to != Status.DRAFT:
        problems: list[Problem] = validate(incident, catalogue=catalogue, now=now)
        if problems:
            raise ValidationError(problems)
    moved = copy.deepcopy(incident)
    moved.history.append(
        StatusChange(incident.status, to, actor.name, actor.star, now or datetime.now(UTC), comment.strip())
    )
    moved.status = to
    return moved
