"""Health for a load balancer and an orchestrator: /health/live (the process answers; no database work, so
a database outage does not get every process restarted), /health/ready (the database answers and has the
server's schema: send traffic here), /health (as before: the database answers). And /metrics (Prometheus)."""

from __future__ import annotations

import logging

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel
from sqlalchemy import text

from ... import metrics
from ..deps import SessionDep

router = APIRouter(tags=["health"])
log = logging.getLogger(__name__)


class Health(BaseModel):
    status: str


@router.get("/health", response_model=Health)
def health(session: SessionDep) -> Health:
    session.execute(text("SELECT 1"))
    return Health(status="ok")


@router.get("/health/live", response_model=Health)
def live() -> Health:
    return Health(status="ok")


@router.get("/health/ready", response_model=Health, responses={503: {"model": Health}})
def ready(request: Request) -> Response:
    try:
        with request.app.state.engine.connect() as conn:
            conn.execute(text("SELECT 1 FROM changes LIMIT 1"))  # reachable, and migrated
    except Exception as exc:  # any failure means: not ready (the reason goes to the log, not to the caller)
        log.warning("not ready: the database did not answer (%s)", type(exc).__name__)
        return Response(Health(status="database unavailable").model_dump_json(), status_code=503,
                        media_type="application/json")
    return Response(Health(status="ok").model_dump_json(), media_type="application/json")


@router.get("/metrics", include_in_schema=False)
def prometheus(request: Request) -> Response:
    return Response(metrics.exposition(request.app.state.feed_metrics), media_type=metrics.CONTENT_TYPE)
