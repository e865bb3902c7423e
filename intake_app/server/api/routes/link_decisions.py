"""Link decisions (linked incidents): push a reviewer's decisions, pull those about incidents this device may see."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from ....wire.link_decisions import LinkDecisionFeed, LinkDecisionPush, LinkDecisionPushResponse
from ....wire.sync import ERRORS
from ... import epoch, link_decisions
from ..deps import CurrentDevice, SessionDep

router = APIRouter(tags=["links"])


@router.post("/link-decisions", response_model=LinkDecisionPushResponse, responses=ERRORS)
def push(body: LinkDecisionPush, session: SessionDep, device: CurrentDevice) -> LinkDecisionPushResponse:
    return LinkDecisionPushResponse(results=link_decisions.push_decisions(session, device=device, items=body.items))


@router.get("/link-decisions", response_model=LinkDecisionFeed, responses=ERRORS)
def feed(session: SessionDep, device: CurrentDevice,
         since: Annotated[int, Query(ge=0, le=2**62)] = 0,
         limit: Annotated[int, Query(ge=1, le=1000)] = 500) -> LinkDecisionFeed:
    rows, more = link_decisions.decisions_since(session, device=device, since=since, limit=limit)
    return LinkDecisionFeed(decisions=rows, next_cursor=rows[-1].seq if rows else since, more=more,
                            epoch=epoch.current(session).epoch)
