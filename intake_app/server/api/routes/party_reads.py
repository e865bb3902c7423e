"""Unmaskings of civilians' identity, sent by devices and listed for headquarters (server/party_reads.py)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, status

from ... import party_reads
from ...schemas import ERRORS, UUID_PATTERN
from ..deps import CurrentDevice, SessionDep

router = APIRouter(tags=["party reads"])


@router.post("/party-reads", response_model=party_reads.PartyReadsAccepted, responses=ERRORS)
def send(body: party_reads.PartyReadsIn, session: SessionDep, device: CurrentDevice) -> party_reads.PartyReadsAccepted:
    return party_reads.PartyReadsAccepted(accepted=party_reads.record(session, device_id=device.id, entries=body.entries))


@router.get("/party-reads", response_model=party_reads.PartyReadList, responses=ERRORS)
def listing(session: SessionDep, device: CurrentDevice,
            incident_id: Annotated[str | None, Query(pattern=UUID_PATTERN)] = None,
            limit: Annotated[int, Query(ge=1, le=1000)] = 1000) -> party_reads.PartyReadList:
    if not device.headquarters:
        raise HTTPException(status.HTTP_403_FORBIDDEN, "Only a headquarters device lists who read a party.")
    rows = party_reads.listing(session, incident_id=incident_id, limit=limit)
    return party_reads.PartyReadList(reads=[party_reads.PartyReadOut(
        device_id=r.device_id, incident_id=r.incident_id, actor_star=r.actor_star, actor_name=r.actor_name,
        purpose=r.purpose, at=r.at) for r in rows])


@router.put("/reader-keys", response_model=party_reads.ReaderKeysOut, responses=ERRORS)
def reader_keys(body: party_reads.ReaderKeysIn, session: SessionDep, device: CurrentDevice) -> party_reads.ReaderKeysOut:
    """This device's reviewers' public keys in, the district's other devices' reviewers' keys out."""
    party_reads.replace_reader_keys(session, device_id=device.id, keys=body.keys)
    return party_reads.ReaderKeysOut(keys=party_reads.district_reader_keys(session, device=device))
