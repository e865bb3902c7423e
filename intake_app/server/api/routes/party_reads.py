"""Unmaskings of civilians' identity, sent by devices and listed for headquarters (server/party_reads.py)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, status

from ....wire import party_reads as wire
from ....wire.sync import ERRORS, UUID_PATTERN
from ... import party_reads
from ..deps import CurrentDevice, SessionDep

router = APIRouter(tags=["party reads"])


@router.post("/party-reads", response_model=wire.PartyReadsAccepted, responses=ERRORS)
def send(body: wire.PartyReadsIn, session: SessionDep, device: CurrentDevice) -> wire.PartyReadsAccepted:
    return wire.PartyReadsAccepted(accepted=party_reads.record(session, device_id=device.id, entries=body.entries))


@router.get("/party-reads", response_model=wire.PartyReadList, responses=ERRORS)
def listing(session: SessionDep, device: CurrentDevice,
            incident_id: Annotated[str | None, Query(pattern=UUID_PATTERN)] = None,
            limit: Annotated[int, Query(ge=1, le=1000)] = 1000) -> wire.PartyReadList:
    if not device.headquarters:
        raise HTTPException(status.HTTP_403_FORBIDDEN, "Only a headquarters device lists who read a party.")
    rows = party_reads.listing(session, incident_id=incident_id, limit=limit)
    return wire.PartyReadList(reads=[wire.PartyReadOut(
        device_id=r.device_id, incident_id=r.incident_id, actor_star=r.actor_star, actor_name=r.actor_name,
        purpose=r.purpose, at=r.at) for r in rows])


@router.put("/reader-keys", response_model=wire.ReaderKeysOut, responses=ERRORS)
def reader_keys(body: wire.ReaderKeysIn, session: SessionDep, device: CurrentDevice) -> wire.ReaderKeysOut:
    """This device's reviewers' public keys in, the district's other devices' reviewers' keys out."""
    party_reads.replace_reader_keys(session, device_id=device.id, keys=body.keys)
    return wire.ReaderKeysOut(keys=party_reads.district_reader_keys(session, device=device))
