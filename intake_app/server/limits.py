"""Per-device rate limits (429 with Retry-After) and request size limits (413), before any database work.

A device is known by its bearer token (only a digest of it is kept in memory, never logged); a request
without one (enrollment) by the address it comes from. Each device has a token bucket: `burst` requests
at once, refilled at `per_second`. The buckets live in each server process: with N processes a device
that spreads its requests over all of them could get up to N times the rate. That is enough for what the
limit is for (one runaway or looping station must not starve the others or the database); an exact
city-wide quota would cost a database write on every request. The sync client keeps one connection, so
its requests mostly reach one process anyway.

Requests are admitted a few at a time per process, writes (POST: `max_writes`: a push is mostly
the check of its records, CPU that more threads of one process only share) apart from reads (`max_reads`: what the connection pool
has left), so that a request waiting here holds no database connection and no thread. One that would wait
longer than `queue_wait` seconds (a whole city catching up at once) is answered 503 with a Retry-After from
the queue's length, instead of running into the connection pool's timeout (a 500); the client comes back
then, with jitter, and nothing is lost (idempotency keys; the feed cursor moves only with what was stored).

A body larger than `max_bytes` is refused with 413 from its Content-Length before it is read, or as soon
as the bytes counted pass the limit (a body sent without a length).
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import math
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

# In every route's OpenAPI answers (app.py): any request may meet a limit.
LIMIT_RESPONSES: dict[int | str, dict[str, Any]] = {
    413: {"description": "The request body is larger than this server accepts: send fewer records at a time."},
    429: {"description": "Too many requests from this device: wait the Retry-After header's seconds."},
    503: {"description": "Busy with many devices at once: wait the Retry-After header's seconds."},
}
for _answer_doc in LIMIT_RESPONSES.values():
    _answer_doc["content"] = {"application/json": {"schema": {
        "type": "object", "properties": {"detail": {"type": "string"}}, "required": ["detail"]}}}
    _answer_doc["headers"] = {"Retry-After": {"schema": {"type": "integer"}, "description": "seconds"}}
del LIMIT_RESPONSES[413]["headers"]

MAX_TRACKED = 50_000  # devices (and addresses) remembered per process; the least recently seen go first
HEALTH_PATHS = ("/health", "/metrics")  # probes and scrapes are never limited


class RateLimiter:
    """Token buckets by key. Thread-safe (FastAPI runs the routes on a thread pool)."""

    def __init__(self, *, per_second: float, burst: int, clock: Callable[[], float] = time.monotonic):
        self.per_second, self.burst, self._clock = max(per_second, 1e-6), max(burst, 1), clock
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()  # key -> (tokens, at)
        self._lock = threading.Lock()

    def take(self, key: str) -> float:
        """0 when the request may go ahead; otherwise the seconds until one more request is allowed."""
        now = self._clock()
        with self._lock:
            tokens, at = self._buckets.pop(key, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - at) * self.per_second)
            wait = 0.0
            if tokens >= 1.0:
                tokens -= 1.0
            else:
                wait = (1.0 - tokens) / self.per_second
            self._buckets[key] = (tokens, now)
            while len(self._buckets) > MAX_TRACKED:
                self._buckets.popitem(last=False)
            return wait


def _header(scope: Scope, name: bytes) -> bytes | None:
    headers: Iterable[tuple[bytes, bytes]] = scope.get("headers", ())
    for key, value in headers:
        if key == name:
            return value
    return None


def _key(scope: Scope) -> str:
    auth = _header(scope, b"authorization") or b""
    if auth[:7].lower() == b"bearer " and len(auth) > 7:
        return "t:" + hashlib.sha256(auth[7:].strip()).hexdigest()[:32]
    client = scope.get("client") or ("?", 0)
    return f"a:{client[0]}"


async def _answer(send: Send, status: int, detail: str, headers: Sequence[tuple[bytes, bytes]] = ()) -> None:
    body = json.dumps({"detail": detail}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            *headers]})
    await send({"type": "http.response.body", "body": body})


class _Queue:
    """Requests of one kind handled at once in this process; the others wait their turn here (in the event
    loop: no thread, no database connection) for at most `wait` seconds."""

    def __init__(self, slots: int):
        self.slots = max(1, slots)
        self._semaphore: asyncio.Semaphore | None = None  # made in the server's event loop, on first use
        self._waiting, self._seconds = 0, 0.1  # requests queued; a request's recent duration (EWMA)

    async def enter(self, wait: float) -> bool:
        if self._semaphore is None:
            self._semaphore = asyncio.Semaphore(self.slots)
        self._waiting += 1
        try:
            async with asyncio.timeout(wait):  # a cancelled acquire hands its turn on (wait_for could lose it)
                await self._semaphore.acquire()
            return True
        except TimeoutError:
            return False
        finally:
            self._waiting -= 1

    def leave(self, seconds: float) -> None:
        assert self._semaphore is not None, "leave() without enter()"
        self._semaphore.release()
        self._seconds = 0.8 * self._seconds + 0.2 * seconds

    def retry_after(self) -> int:
        """About when the queue in front will have gone through: whole seconds, 1 to 60."""
        return min(60, max(1, math.ceil((self._waiting + 1) * self._seconds / self.slots)))


class LimitsMiddleware:
    """Pure ASGI (no per-request task or body copy, unlike Starlette's BaseHTTPMiddleware)."""

    def __init__(self, app: ASGIApp, *, per_second: float, burst: int, max_bytes: int, max_writes: int = 2,
                 max_reads: int = 8, queue_wait: float = 15.0):
        self.app, self.max_bytes = app, max_bytes
        self.limiter = RateLimiter(per_second=per_second, burst=burst)
        self.queue_wait = queue_wait
        self._queues = {"write": _Queue(max_writes), "read": _Queue(max_reads)}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("path", "").startswith(HEALTH_PATHS):
            return await self.app(scope, receive, send)
        wait = self.limiter.take(_key(scope))
        if wait > 0:
            seconds = max(1, math.ceil(wait))
            return await _answer(send, 429, f"Too many requests from this device; try again in {seconds} s.",
                                 [(b"retry-after", str(seconds).encode())])
        queue = self._queues["write" if scope.get("method") == "POST" else "read"]
        if not await queue.enter(self.queue_wait):
            seconds = queue.retry_after()
            return await _answer(send, 503, f"The server is busy with many devices at once; try again in {seconds} s.",
                                 [(b"retry-after", str(seconds).encode())])
        started = time.monotonic()
        try:
            return await self._sized(scope, receive, send)
        finally:
            queue.leave(time.monotonic() - started)

    async def _sized(self, scope: Scope, receive: Receive, send: Send) -> None:
        length = _header(scope, b"content-length")
        if length is not None:
            try:
                declared = int(length)
            except ValueError:
                return await _answer(send, 400, "Content-Length is not a number.")
            if declared > self.max_bytes:
                return await _answer(send, 413, self._too_large())
            return await self.app(scope, receive, send)
        # No length given (chunked): read the body here, up to the limit, and hand it on as it came.
        messages: list[Message] = []
        seen = 0
        while True:
            message = await receive()
            messages.append(message)
            if message["type"] != "http.request":
                break
            seen += len(message.get("body", b""))
            if seen > self.max_bytes:
                return await _answer(send, 413, self._too_large())
            if not message.get("more_body", False):
                break

        async def replay() -> Message:
            return messages.pop(0) if messages else await receive()

        await self.app(scope, replay, send)

    def _too_large(self) -> str:
        return (f"The request is larger than this server accepts ({self.max_bytes:,} bytes); "
                "send fewer records at a time.")
