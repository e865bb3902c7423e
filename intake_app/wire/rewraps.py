"""The wire format of re-wraps: a device gives readers added since (a new reviewer, a newly published privacy
officer's key) the data key of sealed envelopes already on the server, without a new version of the record."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from .sync import UUID_PATTERN, Strict

MAX_REWRAPS = 200  # envelopes per request: each is up to 128 recipients, about 20 kB


class RewrapIn(Strict):
    incident_id: str = Field(pattern=UUID_PATTERN)
    version: int = Field(ge=1, le=2**31 - 1, description="the server's version whose envelope this re-wraps")
    sealed: dict[str, Any] = Field(description="the stored intake.sealed/1 envelope with recipients appended only: "
                                   "format, alg, fields, nonce, ciphertext and every stored recipient byte-identical")


class RewrapsIn(Strict):
    items: list[RewrapIn] = Field(max_length=MAX_REWRAPS)


class RewrapResult(Strict):
    incident_id: str
    outcome: Literal["applied", "unchanged", "stale"] = Field(
        description="applied: stored at the same version and put in the change feed; unchanged: it added no "
                    "recipient; stale: the server holds another version now (nothing written; re-wrap that one)")
    version: int = Field(description="the server's version of the incident")
    seq: int | None = Field(default=None, description="change-feed position of the re-wrapped record")


class RewrapsOut(Strict):
    results: list[RewrapResult] = Field(max_length=MAX_REWRAPS)
