"""Re-wraps of sealed envelopes for readers added since they were sealed (server/rewraps.py)."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, status

from ....wire.rewraps import RewrapsIn, RewrapsOut
from ....wire.sync import ERRORS
from ... import rewraps
from ...access import Forbidden
from ..deps import CurrentDevice, SessionDep

router = APIRouter(tags=["sync"])


@router.post("/rewraps", response_model=RewrapsOut, responses=ERRORS)
def rewrap(body: RewrapsIn, session: SessionDep, device: CurrentDevice) -> RewrapsOut:
    """The same envelopes with recipients appended only: stored at the same version and put in the change feed."""
    try:
        return RewrapsOut(results=rewraps.rewrap(session, device=device, items=body.items))
    except Forbidden as exc:
        raise HTTPException(status.HTTP_403_FORBIDDEN, str(exc)) from exc
