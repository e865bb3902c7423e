"""Passing failures are retried with exponential backoff and jitter; refusals are not retried."""

from __future__ import annotations

import httpx
import pytest

from intake_app.sync.client import Refused, SyncClient

EMPTY_FEED = b'{"changes": [], "next_cursor": 0, "more": false}'


def flaky(failures: list[int], calls: list[str]):
    def handle(request: httpx.Request) -> httpx.Response:
        calls.append(request.url.path)
        if failures:
            return httpx.Response(failures.pop(0), json={"detail": "busy"})
        return httpx.Response(200, content=EMPTY_FEED, headers={"Content-Type": "application/json"})
    return httpx.MockTransport(handle)


def test_a_passing_server_error_is_retried_with_growing_jittered_waits():
    calls, waits = [], []
    client = SyncClient("http://127.0.0.1:1", token="t", attempts=4, backoff=0.5, max_backoff=8,
                        sleep=waits.append, transport=flaky([500, 503, 502], calls))
    answer = client.changes(0)
    assert answer.next_cursor == 0 and len(calls) == 4
    assert len(waits) == 3
    for attempt, wait in enumerate(waits):
        assert 0 <= wait <= 0.5 * 2 ** attempt  # full jitter under an exponential cap


def test_giving_up_after_the_last_attempt_says_why():
    calls, waits = [], []
    client = SyncClient("http://127.0.0.1:1", attempts=3, sleep=waits.append, transport=flaky([500] * 5, calls))
    with pytest.raises(Exception, match="internal error"):
        client.changes(0)
    assert len(calls) == 3


def test_a_refusal_is_not_retried():
    calls, waits = [], []
    client = SyncClient("http://127.0.0.1:1", attempts=4, sleep=waits.append, transport=flaky([401], calls))
    with pytest.raises(Refused):
        client.changes(0)
    assert len(calls) == 1 and waits == []
