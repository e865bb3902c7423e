"""Enrollment: a one-time code becomes a device token (shown once, stored as a hash)."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request, status

from ....wire.sync import ERRORS, EnrollRequest, EnrollResponse
from ... import crud, device_codes, evidence
from ...db import now
from ..deps import SessionDep

router = APIRouter(tags=["devices"])


@router.post("/enroll", response_model=EnrollResponse, responses=ERRORS)
def enroll(body: EnrollRequest, session: SessionDep, request: Request) -> EnrollResponse:
    try:
        device, token = crud.enroll(session, code=body.code, device_name=body.device_name, public_key=body.public_key)
    except crud.EnrollmentRefused as exc:
        raise HTTPException(status.HTTP_403_FORBIDDEN, str(exc)) from exc
    # Devices older than the device-code registry send none: they keep theirs, unchecked.
    evidence.register_certificate(session, device=device, fingerprint=body.station_certificate)
    code = device_codes.assign(session, device=device, wanted=body.device_code, now=now()) if body.device_code else None
    settings = request.app.state.settings
    return EnrollResponse(device_id=device.id, token=token, district=device.district, headquarters=device.headquarters,
                          device_code=code, sealing_keys=settings.sealing_keys(),
                          recovery_key=settings.recovery_public_key.strip().lower())
