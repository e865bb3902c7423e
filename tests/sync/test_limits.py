"""Per-device rate limits (429 with Retry-After) and request size limits (413), and how the sync client
honours them: it waits as told (plus jitter) and sends smaller batches; nothing is lost."""

from __future__ import annotations

import json
import time

import httpx
import pytest

from intake_app.domain.actor import Actor
from intake_app.sync import device, state
from intake_app.sync.client import MAX_RETRY_AFTER, Busy, SyncClient
from intake_app.sync.engine import sync_once

from ..factories import make_incident
from .conftest import ServerProcess

ACTOR = Actor("Sgt. Maria Test", "2231")
BURST, PER_SECOND, MAX_BYTES = 4, 2.0, 24_000


@pytest.fixture(scope="module")
def tight(pg_url, tmp_path_factory):
    """A server with small limits: 4 requests at once, 2 a second after that, bodies up to 24,000 bytes."""
    log = tmp_path_factory.mktemp("limits") / "access.log"
    proc = ServerProcess(pg_url, log=log, env={"INTAKE_SERVER_RATE_LIMIT_BURST": str(BURST),
                                                "INTAKE_SERVER_RATE_LIMIT_PER_SECOND": str(PER_SECOND),
                                                "INTAKE_SERVER_MAX_REQUEST_BYTES": str(MAX_BYTES)}).start()
    yield proc
    proc.stop()


def pushes_logged(proc: ServerProcess, *, after: int) -> list[int]:
    """The answers' statuses of the pushes in the access log, after its first `after` lines."""
    records = [json.loads(line) for line in proc.log.read_text().splitlines()[after:] if line.startswith("{")]
    return [r["status"] for r in records if r["route"] == "/push"]


def test_a_device_over_its_rate_is_told_to_wait_and_other_devices_are_not(tight, make_device):
    busy = make_device("busy", district=9, url=tight.base)
    calm = make_device("calm", district=9, url=tight.base)
    with httpx.Client(base_url=tight.base, headers={"Authorization": f"Bearer {device.token(busy)}"}) as http:
        answers = [http.get("/changes") for _ in range(BURST + 3)]
    assert [a.status_code for a in answers[:BURST]] == [200] * BURST
    refused = answers[-1]
    assert refused.status_code == 429
    assert 1 <= int(refused.headers["Retry-After"]) <= 2
    assert "Too many requests" in refused.json()["detail"]
    other = httpx.get(tight.base + "/changes", headers={"Authorization": f"Bearer {device.token(calm)}"})
    assert other.status_code == 200


def test_a_sync_told_to_wait_waits_as_long_as_told_and_sends_everything(tight, make_device):
    station = make_device("station", district=9, url=tight.base)
    made = [station.save(make_incident(), ACTOR) for _ in range(3)]
    waits: list[float] = []

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        time.sleep(seconds)

    with httpx.Client(base_url=tight.base, headers={"Authorization": f"Bearer {device.token(station)}"}) as http:
        statuses = [http.get("/changes").status_code for _ in range(BURST + 1)]
        assert statuses[0] == 200 and statuses[-1] == 429  # the station has used up its burst
    report = sync_once(station, attempts=6, sleep=sleep)
    assert report.ok, report.error
    assert report.pushed == len(made) and state.status(station).pending == 0
    assert waits and all(w >= 1 for w in waits)  # Retry-After (1 s here), then the jitter on top


def test_a_request_body_over_the_limit_is_refused_with_413_before_anything_is_written(tight, make_device, admin):
    station = make_device("big", district=9, url=tight.base)
    headers = {"Authorization": f"Bearer {device.token(station)}", "Content-Type": "application/json"}
    body = b'{"items": [' + b" " * MAX_BYTES + b"]}"
    declared = httpx.post(tight.base + "/push", content=body, headers=headers)
    assert declared.status_code == 413
    assert "larger than this server accepts (24,000 bytes)" in declared.json()["detail"]

    def chunks():  # no Content-Length: counted as it arrives
        yield body[:10_000]
        yield body[10_000:]

    streamed = httpx.post(tight.base + "/push", content=chunks(), headers=headers)
    assert streamed.status_code == 413
    assert admin.sql("SELECT count(*) FROM changes")[0][0] == 0


def test_a_push_larger_than_the_server_accepts_goes_in_smaller_batches(tight, make_device, admin):
    station = make_device("halving", district=9, url=tight.base)
    made = [station.save(make_incident(agents=2, footage=2), ACTOR) for _ in range(24)]  # about 2 KB each
    logged = len(tight.log.read_text().splitlines())
    report = sync_once(station, attempts=8, sleep=lambda s: time.sleep(s))
    assert report.ok, report.error
    assert state.status(station).pending == 0
    assert admin.sql("SELECT count(DISTINCT incident_id) FROM changes")[0][0] == len(made)
    statuses = pushes_logged(tight, after=logged)
    assert 413 in statuses
    # Halved until they fit, not sent one at a time: far fewer requests than records.
    assert statuses.count(200) < len(made) / 2


def transport(answer: httpx.Response, calls: list[int]) -> httpx.MockTransport:
    def handle(_request):
        calls.append(1)
        return answer if len(calls) == 1 else httpx.Response(
            200, content=b'{"changes": [], "next_cursor": 0, "more": false}', headers={"Content-Type": "application/json"})
    return httpx.MockTransport(handle)


@pytest.mark.parametrize(("header", "told"), [("3", 3.0), ("-5", 0.0), ("99999", MAX_RETRY_AFTER), ("soon", 1.0),
                                              ("nan", 1.0), ("Wed, 21 Oct 2015 07:28:00 GMT", 0.0)])
def test_a_servers_retry_after_is_honoured_within_bounds(header, told):
    calls, waits = [], []
    client = SyncClient("http://127.0.0.1:1", token="t", attempts=2, backoff=0.5, sleep=waits.append,
                        transport=transport(httpx.Response(429, headers={"Retry-After": header}), calls))
    client.changes(0)
    assert len(calls) == 2 and len(waits) == 1
    assert told <= waits[0] <= told + 0.5  # the wait told, and at most the first backoff's jitter on top


def test_still_busy_on_the_last_attempt_says_so_in_plain_words():
    waits = []
    client = SyncClient("http://127.0.0.1:1", token="t", attempts=1, sleep=waits.append,
                        transport=httpx.MockTransport(lambda r: httpx.Response(429, headers={"Retry-After": "2"})))
    with pytest.raises(Busy, match="busy with this device's requests.*Nothing is lost"):
        client.changes(0)
