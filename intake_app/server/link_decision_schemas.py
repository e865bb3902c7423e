"""Request and response bodies of the link-decision exchange (issue 9): a reviewer's confirm/reject/dismiss
of a pair of incidents, pushed once per idempotency key and pulled as a feed by the devices allowed to see
both incidents."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import Field

from .schemas import UUID_PATTERN, Strict

NO_NUL = r"^[^\x00]*$"  # PostgreSQL text cannot hold NUL: refused with its field path, never a 500
Kind = Literal["agent", "event"]
Decision = Literal["confirmed", "rejected", "dismissed"]


class LinkDecisionIn(Strict):
    idempotency_key: str = Field(pattern=UUID_PATTERN)
    incident_a: str = Field(pattern=UUID_PATTERN, description="the smaller incident id of the pair")
    incident_b: str = Field(pattern=UUID_PATTERN)
    kind: Kind
    decision: Decision
    actor_name: str = Field(min_length=1, max_length=200, pattern=NO_NUL)
    actor_star: str = Field(min_length=1, max_length=16, pattern=NO_NUL)
    decided_at: datetime = Field(description="when the reviewer decided (UTC)")
    note: str = Field(default="", max_length=4000, pattern=NO_NUL)
    shared: list[Annotated[str, Field(max_length=400, pattern=NO_NUL)]] = Field(
        default_factory=list, max_length=100, description="identifiers the reviewer saw")


class LinkDecisionPush(Strict):
    items: list[LinkDecisionIn] = Field(max_length=500)


class LinkDecisionResult(Strict):
    idempotency_key: str
    # applied: kept (or kept before: a repeated key); waiting: an incident of the pair is not on the server yet,
    # send it again later; refused: this device may see neither incident.
    outcome: Literal["applied", "waiting", "refused"]
    seq: int | None = None
    message: str = ""


class LinkDecisionPushResponse(Strict):
    results: list[LinkDecisionResult]


class LinkDecisionOut(LinkDecisionIn):
    seq: int
    station: str = Field(description="where it was decided: 'district 9' or 'headquarters'")


class LinkDecisionFeed(Strict):
    decisions: list[LinkDecisionOut]
    next_cursor: int
    more: bool
