"""The wire format of the unmaskings a device reports (who read which sealed party, when) and of the
reviewers' sealing public keys it publishes."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import Field

from .sync import UUID_PATTERN, Strict


class PartyReadIn(Strict):
    seq: int = Field(ge=1, le=2**62, description="the device's audit entry number")
    incident_id: str = Field(pattern=UUID_PATTERN)
    actor_star: str = Field(pattern=r"^[0-9]{0,16}$")
    actor_name: str = Field(max_length=200, pattern=r"^[^\x00-\x1f\x7f]*$", description="no control characters")
    purpose: str = Field(pattern=r"^(view|export|print)$")
    at: datetime


class PartyReadsIn(Strict):
    entries: list[PartyReadIn] = Field(max_length=500)


class PartyReadsAccepted(Strict):
    accepted: int = Field(description="entries new to the server (the others it had already)")


class PartyReadOut(Strict):
    device_id: int
    incident_id: str
    actor_star: str
    actor_name: str
    purpose: str
    at: datetime


class PartyReadList(Strict):
    reads: list[PartyReadOut]


class ReaderKeyIn(Strict):
    star: str = Field(pattern=r"^[0-9]{1,16}$")
    public_key: str = Field(pattern=r"^[0-9a-f]{64}$", description="X25519, hex")


class ReaderKeysIn(Strict):
    keys: list[ReaderKeyIn] = Field(max_length=500, description="this device's active reviewers: replaces its set")


class ReaderKeysOut(Strict):
    keys: list[Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]] = Field(
        max_length=2000, description="X25519 public keys (hex) of the reviewers on the district's other devices")
