"""Dependencies injected into every route: a database session (one transaction per request) and the
calling device, checked on every request from its bearer token."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, HTTPException, Request, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.orm import Session

from .. import crud
from ..tables import Device

bearer = HTTPBearer(auto_error=False, description="the device token received from POST /enroll")


def get_session(request: Request) -> Iterator[Session]:
    with request.app.state.sessions.begin() as session:
        yield session


# scope="function": the transaction commits BEFORE the answer is sent. With the default ("request") a
# client could receive "applied" for a push whose commit then failed, and drop it from its outbox.
SessionDep = Annotated[Session, Depends(get_session, scope="function")]


def current_device(request: Request, session: SessionDep,
                   credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> Device:
    refused = HTTPException(status.HTTP_401_UNAUTHORIZED, "Unknown or revoked device token.",
                            headers={"WWW-Authenticate": "Bearer"})
    if credentials is None or not credentials.credentials or len(credentials.credentials) > 200:
        raise refused
    device = crud.device_for_token(session, token=credentials.credentials)
    if device is None or device.revoked_at is not None:
        raise refused
    request.state.device_id = device.id  # for the access log: the device's number, nothing else about it
    return device


CurrentDevice = Annotated[Device, Depends(current_device)]
