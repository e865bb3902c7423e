"""A fault-injecting HTTP proxy on loopback, between a device and the real sync server.

Every request goes on to the real server; a test's `fault(request, answer)` may replace or rewrite the answer
before the device sees it (a hostile or broken server), or return a Stream to send a body of any size in
pieces without holding it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler

import httpx

from tests.loopback_http import LoopbackServer

HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding", "host"}


@dataclass
class Request:
    method: str
    path: str
    body: bytes


@dataclass
class Answer:
    status: int
    body: bytes
    headers: dict[str, str] = field(default_factory=lambda: {"content-type": "application/json"})


@dataclass
class Stream:
    """A body sent in pieces with no Content-Length (the connection closes at its end)."""
    status: int
    pieces: Iterator[bytes]


Fault = Callable[[Request, Answer], "Answer | Stream | None"]


class FaultProxy(LoopbackServer):
    def __init__(self, upstream: str):
        self.upstream = upstream
        self.fault: Fault | None = None
        self.requests: list[Request] = []
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *_args) -> None:
                pass

            def _any(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                body = self.rfile.read(length) if length else b""
                request = Request(self.command, self.path, body)
                proxy.requests.append(request)
                headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP}
                real = httpx.request(self.command, proxy.upstream + self.path, content=body, headers=headers, timeout=60)
                answer = Answer(real.status_code, real.content,
                                {k: v for k, v in real.headers.items() if k.lower() not in HOP_BY_HOP})
                changed = proxy.fault(request, answer) if proxy.fault else None
                answer = changed or answer
                try:
                    if isinstance(answer, Stream):
                        self.send_response(answer.status)
                        self.send_header("Content-Type", "application/json")
                        self.send_header("Connection", "close")
                        self.end_headers()
                        for piece in answer.pieces:
                            self.wfile.write(piece)
                        self.close_connection = True
                        return
                    self.send_response(answer.status)
                    for k, v in answer.headers.items():
                        self.send_header(k, v)
                    self.send_header("Content-Length", str(len(answer.body)))
                    self.end_headers()
                    self.wfile.write(answer.body)
                except (BrokenPipeError, ConnectionResetError):
                    self.close_connection = True  # the device stopped reading: what a bounded client does

            do_GET = do_POST = do_PUT = do_DELETE = _any

        super().__init__(Handler, name="fault-proxy")

    def count(self, method: str, path: str) -> int:
        return sum(1 for r in self.requests if r.method == method and r.path.split("?")[0] == path)
