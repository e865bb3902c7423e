"""When the network or the server fails, every pending change stays queued and the reason is said plainly."""

from __future__ import annotations

import socket
import threading

import pytest

from intake_app.domain.actor import Actor
from intake_app.sync import state
from intake_app.sync.client import InsecureURL, SyncClient
from intake_app.sync.engine import sync_once

from ..factories import make_incident
from .conftest import free_port

ACTOR = Actor("Sgt. Maria Test", "2231")
FAST = {"attempts": 2, "backoff": 0.01, "timeout": 1.0}


class RawServer:
    """A misbehaving server or proxy on a loopback port: answers every connection with fixed bytes
    (or with nothing at all)."""

    def __init__(self, answer: bytes | None):
        self.answer = answer
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen()
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.held: list[socket.socket] = []
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            conn.recv(65536)
            if self.answer is None:
                self.held.append(conn)  # never answers: the client must time out
                continue
            conn.sendall(self.answer)
            conn.close()

    def close(self):
        self.sock.close()
        for c in self.held:
            c.close()


def response(status: str, body: bytes, length: int | None = None) -> bytes:
    head = f"HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {length or len(body)}\r\nConnection: close\r\n\r\n"
    return head.encode() + body


def queued_station(make_device, url: str):
    store = make_device("a", district=9)
    for _ in range(3):
        store.save(make_incident(), ACTOR)
    state.write(store, server_url=url)
    return store


def assert_everything_kept(store, report, words: str):
    assert not report.ok
    assert words in report.error
    assert state.status(store).pending == 3
    assert words in state.status(store).last_error


def test_server_down(make_device):
    store = queued_station(make_device, f"http://127.0.0.1:{free_port()}")
    assert_everything_kept(store, sync_once(store, **FAST), "Cannot reach the server")


def test_unknown_server_name(make_device):
    store = queued_station(make_device, "https://intake-server.invalid")
    assert_everything_kept(store, sync_once(store, **FAST), "could not be found (DNS)")


def test_server_does_not_answer_in_time(make_device):
    raw = RawServer(None)
    store = queued_station(make_device, raw.url)
    assert_everything_kept(store, sync_once(store, **FAST), "did not answer in time")
    raw.close()


@pytest.mark.parametrize("answer, words", [
    (response("500 Internal Server Error", b'{"detail":"boom"}'), "internal error (HTTP 500)"),
    (response("200 OK", b"<html>proxy error</html>"), "incomplete or not understood"),
    (response("200 OK", b'{"results": [', length=400), "broke off"),
    (response("200 OK", b'{"results": ['), "incomplete or not understood"),
], ids=["http-500", "not-json", "truncated-body", "cut-json"])
def test_garbled_answers(make_device, answer, words):
    raw = RawServer(answer)
    store = queued_station(make_device, raw.url)
    assert_everything_kept(store, sync_once(store, **FAST), words)
    raw.close()


def test_everything_kept_is_sent_once_the_server_is_back(make_device, server):
    store = queued_station(make_device, f"http://127.0.0.1:{free_port()}")
    assert not sync_once(store, **FAST).ok
    state.write(store, server_url=server.base)
    report = sync_once(store)
    assert report.ok and report.pushed == 3


def test_plain_http_is_refused_except_to_this_computer():
    with pytest.raises(InsecureURL, match="not encrypted"):
        SyncClient("http://intake.example.org")
    SyncClient("http://127.0.0.1:9").close()
    SyncClient("https://intake.example.org").close()


def test_an_untrusted_certificate_is_refused(make_device):
    import ssl
    import subprocess
    import tempfile

    tmp = tempfile.mkdtemp()
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
                    "-keyout", f"{tmp}/k.pem", "-out", f"{tmp}/c.pem"], check=True, capture_output=True)
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(f"{tmp}/c.pem", f"{tmp}/k.pem")
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen()

    def serve():
        try:
            conn, _ = sock.accept()
            ctx.wrap_socket(conn, server_side=True)
        except (OSError, ssl.SSLError):
            pass

    threading.Thread(target=serve, daemon=True).start()
    store = queued_station(make_device, f"https://127.0.0.1:{sock.getsockname()[1]}")
    report = sync_once(store, **FAST)
    assert "certificate" in report.error and state.status(store).pending == 3
    sock.close()
