"""The sync server's ASGI application.

Why FastAPI (on Starlette): the OpenAPI document is generated from the typed pydantic models, so the
contract the client and schemathesis test against cannot drift from the code; pydantic rejects
malformed bodies with 422 and the field path before our code runs; dependency injection gives every
route the session and the authenticated device in one place (api/deps.py), so no route can forget the
check. The process keeps no state between requests: everything lives in the database, so any number
of processes behind a load balancer can share one PostgreSQL (docs/SERVER.md).
"""

from __future__ import annotations

import re

from fastapi import FastAPI, Request, status
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..domain.geography import default_beat_map
from ..domain.problems import ValidationError
from .api.routes import audit, devices, health, link_decisions, party_reads, rewraps, sync
from .crud import server_catalogue
from .db import make_engine, session_factory
from .limits import LIMIT_RESPONSES, LimitsMiddleware
from .metrics import FeedCollector, OpsMiddleware
from .settings import ServerSettings


def _path(loc: tuple[str | int, ...]) -> str:
    """('body', 'items', 0, 'incident') -> 'items[0].incident', the app's own field-path style."""
    out = ""
    for part in loc[1:] if loc and loc[0] in ("body", "query", "path", "header") else loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _template(path: str) -> re.Pattern[str]:
    """/devices/{device_id} -> a pattern matching /devices/7."""
    return re.compile("".join("[^/]+" if part.startswith("{") else re.escape(part)
                              for part in re.split(r"(\{[^}]+\})", path)))


def create_app(settings: ServerSettings | None = None) -> FastAPI:
    settings = settings or ServerSettings()
    app = FastAPI(title="Intake sync server", version=__version__,
                  description="Devices push incident versions and pull the change feed of their district.",
                  responses=LIMIT_RESPONSES)
    engine = make_engine(settings)
    app.state.settings = settings
    app.state.catalogue = server_catalogue(settings.statutes_file)  # read once: a bad file stops the start
    # The police beats every record's beat is checked against, read at the start too: read at the first push
    # instead, they cost each process's first answer about half a second, after it had said it was ready.
    default_beat_map()
    app.state.number_patterns = settings.number_patterns()  # checked when the settings were read
    app.state.engine = engine
    app.state.sessions = session_factory(engine)
    app.state.feed_metrics = FeedCollector(engine, ttl=settings.metrics_cache_seconds)

    @app.exception_handler(ValidationError)
    def _invalid_record(_request: Request, exc: ValidationError) -> JSONResponse:
        return JSONResponse(status_code=status.HTTP_422_UNPROCESSABLE_CONTENT,
                            content={"detail": [{"path": p.path, "message": p.message} for p in exc.problems]})

    @app.exception_handler(RequestValidationError)
    def _malformed(_request: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse(status_code=status.HTTP_422_UNPROCESSABLE_CONTENT,
                            content={"detail": [{"path": _path(tuple(e.get("loc", ()))), "message": e.get("msg", "")}
                                                for e in exc.errors()]})

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == status.HTTP_405_METHOD_NOT_ALLOWED:
            # Starlette names only the methods of the first route of the path; every route of it counts.
            allowed = sorted({m.upper() for template, methods in app.openapi().get("paths", {}).items()
                              if _template(template).fullmatch(request.url.path) for m in methods})
            if allowed:
                exc.headers = {**(exc.headers or {}), "Allow": ", ".join(allowed)}
        return await http_exception_handler(request, exc)

    modules = (health, devices, sync, audit, link_decisions, party_reads, rewraps)
    for module in modules:
        app.include_router(module.router)  # (no prefixes: a route's path is its template)
    # The last added runs first: every answer is counted and logged, one refused here (429/413) too.
    app.add_middleware(LimitsMiddleware, per_second=settings.rate_limit_per_second, burst=settings.rate_limit_burst,
                       max_bytes=settings.max_request_bytes, max_writes=settings.max_concurrent_writes,
                       max_reads=settings.max_concurrent_reads(), queue_wait=settings.queue_wait_seconds)
    app.add_middleware(OpsMiddleware, log=settings.access_log,
                       routes=frozenset(r.path for module in modules for r in module.router.routes))
    return app
