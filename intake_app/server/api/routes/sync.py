"""Push (incident versions, each idempotency key applied at most once) and pull (the change feed)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request, Response, status

from ....gc_pause import collection_paused
from ....wire.sync import (
    ERRORS,
    ChangesResponse,
    ConflictOut,
    EpochOut,
    Holding,
    HoldingsRequest,
    HoldingsResponse,
    PushRequest,
    PushResponse,
    ResolveRequest,
    ResolveResponse,
    changes_page_json,
)
from ... import crud, draft_deletions, epoch, metrics, resends
from ...access import Forbidden, may_see
from ..deps import CurrentDevice, SessionDep

router = APIRouter(tags=["sync"])
REFUSED = ERRORS


@router.post("/push", response_model=PushResponse, responses=REFUSED)
def push(body: PushRequest, session: SessionDep, device: CurrentDevice, request: Request) -> Response:
    try:
        with collection_paused():  # a batch is up to 1,000 records alive at once, none of it garbage yet
            results = crud.push(session, device=device, items=body.items, catalogue=request.app.state.catalogue,
                                patterns=request.app.state.number_patterns)
    except Forbidden as exc:
        raise HTTPException(status.HTTP_403_FORBIDDEN, str(exc)) from exc
    except draft_deletions.NotADraft as exc:
        raise HTTPException(status.HTTP_409_CONFLICT, str(exc)) from exc
    # Serialised once by the model itself: FastAPI would validate the 500 results again on the way out.
    return Response(PushResponse(results=results).model_dump_json(), media_type="application/json")


@router.get("/changes", response_model=ChangesResponse, responses=REFUSED)
def changes(session: SessionDep, device: CurrentDevice,
            since: Annotated[int, Query(ge=0, le=2**62)] = 0,
            limit: Annotated[int, Query(ge=1, le=1000)] = 500,
            district: Annotated[int | None, Query(ge=1, le=99, description="only this district")] = None,
            ) -> Response:
    if district is not None and not may_see(device, district):
        raise HTTPException(status.HTTP_403_FORBIDDEN, f"This device may not read district {district}.")
    rows, more = crud.changes_since(session, device=device, since=since, limit=limit, district=district)
    cursor = rows[-1].seq if rows else since
    if district is None:  # the device's whole feed: how far it was sent, for the metrics' feed lag
        metrics.note_pull(session, device_id=device.id, cursor=cursor)
    return Response(changes_page_json(((r.seq, r.deleted, r.record_json) for r in rows), next_cursor=cursor,
                                      more=more, epoch=epoch.current(session).epoch), media_type="application/json")


@router.get("/epoch", response_model=EpochOut, responses=REFUSED)
def current_epoch(session: SessionDep, device: CurrentDevice) -> EpochOut:
    """The restore epoch alone: a device asks it before it pushes, so what the server lost goes first."""
    return EpochOut(epoch=epoch.current(session).epoch)


@router.post("/holdings", response_model=HoldingsResponse, responses=REFUSED)
def holdings(body: HoldingsRequest, session: SessionDep, device: CurrentDevice) -> HoldingsResponse:
    """Which version the server holds of each of these incidents (after a restore, a device sends again what
    the server lacks). Version numbers only, never a record."""
    return HoldingsResponse(epoch=epoch.current(session).epoch, holdings=[
        Holding(incident_id=i, version=v, line=line, deleted=d)
        for i, v, line, d in resends.holdings(session, body.incident_ids,
                                              district=None if device.headquarters else device.district)])


@router.get("/conflicts", response_model=list[ConflictOut], responses=REFUSED)
def conflicts(session: SessionDep, device: CurrentDevice) -> list[ConflictOut]:
    return [ConflictOut(id=c.id, incident_id=c.incident_id, base_version=c.base_version,
                        server_version=c.server_version, server_incident=crud.incident_dict(c.server_json),
                        pushed_incident=crud.incident_dict(c.pushed_json), device_id=c.device_id,
                        resolved=c.resolved_at is not None)
            for c in crud.conflicts_for(session, device=device)]


@router.post("/conflicts/resolve", response_model=ResolveResponse, responses=REFUSED)
def resolve(body: ResolveRequest, session: SessionDep, device: CurrentDevice) -> ResolveResponse:
    return ResolveResponse(resolved=crud.resolve_conflicts(session, device=device, conflict_ids=body.conflict_ids))
