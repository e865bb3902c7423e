"""Per-device rate limits (429 with Retry-After) and request size limits (413), before any database work.

A device is known by its bearer token (only a digest of it is kept in memory, never logged); a request
without one (enrollment) by the address it comes from. Each device has a token bucket: `burst` requests
at once, refilled at `per_second`. The buckets live in each server process: with N processes a device
that spreads its requests over all of them could get up to N times the rate. That is enough for what the
limit is for (one runaway or looping station must not starve the others or the database); an exact
city-wide quota would cost a database write on every request. The sync client keeps one connection, so
its requests mostly reach one process anyway.

Writes (POST) are admitted a few at a time per process (`max_writes`): the change log takes its writers one
at a time anyway (crud.lock_change_log), and a write waiting here holds no database connection and no
thread. One that would wait longer than `write_wait` seconds (a whole city catching up at once) is answered
503 with a Retry-After from the queue's length instead of running into the connection pool's timeout; the
client comes back then, with jitter, and nothing is lost (idempotency keys).

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

MAX_TRACKED = 50_000  # devices (and addresses) remembered per process; the least recently seen go first
HEALTH_PATHS = ("/health", "/metrics")  # probes and scrapes are never limited


class RateLimiter:
    """Token buckets by key. Thread-safe (FastAPI runs the routes on a thread pool)."""

    def __init__(self, *, per_second: float, burst: int, clock=time.monotonic):
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


def _header(scope, name: bytes) -> bytes | None:
    for key, value in scope.get("headers", ()):
        if key == name:
            return value
    return None


def _key(scope) -> str:
    auth = _header(scope, b"authorization") or b""
    if auth[:7].lower() == b"bearer " and len(auth) > 7:
        return "t:" + hashlib.sha256(auth[7:].strip()).hexdigest()[:32]
    client = scope.get("client") or ("?", 0)
    return f"a:{client[0]}"


async def _answer(send, status: int, detail: str, headers: list[tuple[bytes, bytes]] = ()) -> None:
    body = json.dumps({"detail": detail}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            *headers]})
    await send({"type": "http.response.body", "body": body})


class LimitsMiddleware:
    """Pure ASGI (no per-request task or body copy, unlike Starlette's BaseHTTPMiddleware)."""

    def __init__(self, app, *, per_second: float, burst: int, max_bytes: int, max_writes: int = 2,
                 write_wait: float = 15.0):
        self.app, self.max_bytes = app, max_bytes
        self.limiter = RateLimiter(per_second=per_second, burst=burst)
        self.max_writes, self.write_wait = max(1, max_writes), write_wait
        self._writes: asyncio.Semaphore | None = None  # made in the server's event loop, on first use
        self._waiting, self._write_seconds = 0, 0.1  # writers queued here; a write's recent duration (EWMA)

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope.get("path", "").startswith(HEALTH_PATHS):
            return await self.app(scope, receive, send)
        wait = self.limiter.take(_key(scope))
        if wait > 0:
            seconds = max(1, math.ceil(wait))
            return await _answer(send, 429, f"Too many requests from this device; try again in {seconds} s.",
                                 [(b"retry-after", str(seconds).encode())])
        if scope.get("method") != "POST":
            return await self._sized(scope, receive, send)
        if self._writes is None:
            self._writes = asyncio.Semaphore(self.max_writes)
        self._waiting += 1
        try:
            await asyncio.wait_for(self._writes.acquire(), self.write_wait)
        except TimeoutError:
            seconds = min(60, max(1, math.ceil(self._waiting * self._write_seconds / self.max_writes)))
            return await _answer(send, 503, f"The server is busy with many devices at once; try again in {seconds} s.",
                                 [(b"retry-after", str(seconds).encode())])
        finally:
            self._waiting -= 1
        started = time.monotonic()
        try:
            return await self._sized(scope, receive, send)
        finally:
            self._writes.release()
            self._write_seconds = 0.8 * self._write_seconds + 0.2 * (time.monotonic() - started)

    async def _sized(self, scope, receive, send):
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
        messages, seen = [], 0
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

        async def replay():
            return messages.pop(0) if messages else await receive()

        await self.app(scope, replay, send)

    def _too_large(self) -> str:
        return (f"The request is larger than this server accepts ({self.max_bytes:,} bytes); "
                "send fewer records at a time.")
