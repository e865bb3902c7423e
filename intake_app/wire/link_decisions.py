"""Request and response bodies of the link-decision exchange (linked incidents): a reviewer's confirm/reject/dismiss
of a pair of incidents, pushed once per idempotency key and pulled as a feed by the devices allowed to see
both incidents."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import Field, field_validator

from ..domain.limits import TIME_LIMITS_TEXT, within_time_limits
from .sync import UUID_PATTERN, Strict

NO_NUL = r"^[^\x00]*$"  # PostgreSQL text cannot hold NUL: refused with its field path, never a 500
Kind = Literal["agent", "event"]
Decision = Literal["confirmed", "rejected", "dismissed"]


STATION = r"^(headquarters|district [0-9]{1,6})$"


class LinkDecisionFields(Strict):
    idempotency_key: str = Field(pattern=UUID_PATTERN)
    incident_a: str = Field(pattern=UUID_PATTERN, description="the smaller incident id of the pair")
    incident_b: str = Field(pattern=UUID_PATTERN)
    kind: Kind
    decision: Decision
    actor_name: str = Field(min_length=1, max_length=200, pattern=NO_NUL)
    actor_star: str = Field(min_length=1, max_length=16, pattern=NO_NUL)
    decided_at: datetime = Field(description="when the reviewer decided: an ISO 8601 date and time text with its "
                                             "UTC offset, from 2000-01-01 to 2099-12-31 (not a number)")
    note: str = Field(default="", max_length=4000, pattern=NO_NUL)
    shared: list[Annotated[str, Field(max_length=400, pattern=NO_NUL)]] = Field(
        default_factory=list, max_length=100, description="identifiers the reviewer saw")


    @field_validator("decided_at", mode="before")
    @classmethod
    def _a_time_text(cls, value: Any) -> Any:
        """A number (0, a Unix time) is not taken for a time: pydantic would read it as seconds since 1970."""
        if isinstance(value, datetime):
            return value
        if not isinstance(value, str):
            raise ValueError("must be an ISO 8601 date and time text with its UTC offset, e.g. 2026-11-02T20:30:00Z")
        return value

    @field_validator("decided_at")
    @classmethod
    def _within_limits(cls, value: datetime) -> datetime:
        if value.tzinfo is None:
            raise ValueError("needs its UTC offset, e.g. 2026-11-02T20:30:00Z")
        if not within_time_limits(value):
            raise ValueError(f"is outside the times a record may hold ({TIME_LIMITS_TEXT})")
        return value


class LinkDecisionIn(LinkDecisionFields):
    resend: bool = Field(default=False, description="a decision the server had acknowledged before it was restored "
                         "from a backup, sent again by a device that made it or pulled it (server/link_decisions.py)")
    station: str = Field(default="", max_length=40, pattern=rf"({STATION})|^$",
                         description="with resend: where it was decided, as the server's feed said ('' = the "
                         "sending device's station); otherwise not read")


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


class LinkDecisionOut(LinkDecisionFields):
    seq: int
    station: str = Field(max_length=40, pattern=STATION, description="where it was decided: 'district 9' or "
                         "'headquarters'")


class LinkDecisionFeed(Strict):
    decisions: list[LinkDecisionOut]
    next_cursor: int
    more: bool
    epoch: str = Field(default="", pattern=r"^([0-9a-f]{32})?$",
                       description="the server's restore epoch, as in GET /changes (wire/sync.py EpochOut)")
