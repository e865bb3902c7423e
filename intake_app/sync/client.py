"""HTTP client of the sync server (httpx). Every failure becomes a SyncError with a message in plain words.

Plain http:// is refused except to this computer (tests, demos): records and tokens only travel over
TLS, with certificates verified (optionally against the city's own certificate authority bundle).
"""

from __future__ import annotations

import ipaddress
import random
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import urlsplit

import httpx
from pydantic import BaseModel, ValidationError

from ..wire.link_decisions import LinkDecisionFeed, LinkDecisionPushResponse
from ..wire.sync import (
    AuditHeadOut,
    ChangesResponse,
    EnrollResponse,
    EpochOut,
    HoldingsResponse,
    PushResponse,
    ResolveResponse,
)

if TYPE_CHECKING:  # imported where used: only these calls need them
    from ..wire.party_reads import PartyReadsAccepted, ReaderKeysOut
    from ..wire.rewraps import RewrapsOut

Model = TypeVar("Model", bound=BaseModel)

class SyncError(RuntimeError):
    retryable = False

    def __init__(self, message: str, status: int | None = None):
        super().__init__(message)
        self.status = status  # the HTTP status, when the server answered


class Unreachable(SyncError):
    retryable = True


class ServerFailed(SyncError):
    retryable = True


class BadAnswer(SyncError):
    retryable = True


class Busy(SyncError):
    """429 (this device sent too many requests) or 503 with Retry-After (the server is busy with many devices):
    the server said how long to wait."""
    retryable = True

    def __init__(self, message: str, status: int | None = None, retry_after: float = 0.0):
        super().__init__(message, status)
        self.retry_after = retry_after


class Refused(SyncError):
    """401/403: the device token is unknown, revoked, or not allowed this."""


class Rejected(SyncError):
    """4xx other than 401/403: our request was wrong; retrying would not help."""


class TooLarge(Rejected):
    """413: the request was larger than the server accepts; the push sends smaller batches (sync/push_step.py)."""


class InsecureURL(SyncError):
    pass


class HostileAnswer(SyncError):
    """The server's answer breaks what this client asked for or may hold: nothing of it is stored, every local
    record is kept, the cursor stays, and the sync fails saying what happened."""


class RestoredMeanwhile(SyncError):
    """The server's epoch changed during this sync (it was restored again): stopped; the next sync reconciles
    (sync/resend.py)."""


class AnswerTooLarge(SyncError):
    """The server's answer is bigger than any answer to this request can be: not read further, not retried."""


# No answer of the sync API comes near this: a page is at most 1,000 records, and a record's longest texts
# (a 100,000-character narrative among them) keep it far below 64 KiB in practice. Bounds the bytes read.
MAX_ANSWER_BYTES = 64 * 1024 * 1024


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


MAX_RETRY_AFTER = 60.0  # seconds: a server's Retry-After is honoured up to this (its answer is not trusted blindly)


def retry_after(response: httpx.Response) -> float:
    """Retry-After in seconds (a number of seconds or an HTTP date), bounded to [0, MAX_RETRY_AFTER]; 1 s
    when it is missing or not understood."""
    value = response.headers.get("Retry-After", "").strip()[:40]
    try:
        seconds = float(value)
    except ValueError:
        from email.utils import parsedate_to_datetime

        try:
            seconds = parsedate_to_datetime(value).timestamp() - time.time()
        except (TypeError, ValueError, IndexError, OverflowError):
            seconds = 1.0
    if seconds != seconds:  # NaN
        seconds = 1.0
    return min(max(seconds, 0.0), MAX_RETRY_AFTER)


def check_url(url: str) -> str:
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InsecureURL(f"{url!r} is not a server address (expected https://host[:port]).")
    if parts.scheme == "http" and not _is_loopback(parts.hostname):
        raise InsecureURL(f"{url} is not encrypted (http://). Use https:// — plain http is only allowed to this computer.")
    return url.strip().rstrip("/")


class SyncClient:
    def __init__(self, base_url: str, *, token: str | None = None, ca_bundle: str | None = None,
                 timeout: float = 30.0, attempts: int = 4, backoff: float = 0.5, max_backoff: float = 8.0,
                 sleep: Callable[[float], None] = time.sleep, transport: httpx.BaseTransport | None = None,
                 max_answer_bytes: int = MAX_ANSWER_BYTES):
        self.base_url = check_url(base_url)
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        self._http = httpx.Client(base_url=self.base_url, headers=headers, timeout=timeout,
                                  verify=ca_bundle if ca_bundle else True, transport=transport)
        self.attempts, self.backoff, self.max_backoff, self._sleep = attempts, backoff, max_backoff, sleep
        self.max_answer_bytes = max_answer_bytes

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> SyncClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------ calls

    def enroll(self, code: str, device_name: str, public_key: str, device_code: str | None = None,
               station_certificate: str = "") -> EnrollResponse:
        body = _with_given({"code": code, "device_name": device_name, "public_key": public_key},
                           device_code=device_code, station_certificate=station_certificate)
        return self._call("POST", "/enroll", EnrollResponse, json=body)

    def push(self, items: list[dict[str, Any]]) -> PushResponse:
        # Safe to repeat: every item carries its idempotency key.
        return self._call("POST", "/push", PushResponse, json={"items": items})

    def push_raw(self, body: bytes) -> PushResponse:
        """The same as push, with a body already written as JSON."""
        return self._call("POST", "/push", PushResponse, content=body, headers={"Content-Type": "application/json"})

    def changes(self, since: int, limit: int = 1000) -> ChangesResponse:
        return self._call("GET", "/changes", ChangesResponse, params={"since": since, "limit": limit})

    def epoch(self) -> EpochOut:
        """The server's restore epoch (renewed when its database is restored from a backup)."""
        return self._call("GET", "/epoch", EpochOut)

    def holdings(self, incident_ids: list[str]) -> HoldingsResponse:
        """Which version the server holds of each of these incidents (at most wire.sync.MAX_HOLDINGS)."""
        return self._call("POST", "/holdings", HoldingsResponse, json={"incident_ids": incident_ids})

    def resolve_conflicts(self, conflict_ids: list[int]) -> ResolveResponse:
        return self._call("POST", "/conflicts/resolve", ResolveResponse, json={"conflict_ids": conflict_ids})

    def audit_head(self, head: str, entries: int, previous_head: str, signature: str,
                   timestamp_token: str = "", station_certificate: str = "") -> AuditHeadOut:
        body = _with_given({"head": head, "entries": entries, "previous_head": previous_head, "signature": signature},
                           timestamp_token=timestamp_token, station_certificate=station_certificate)
        return self._call("POST", "/audit-head", AuditHeadOut, json=body)

    def push_link_decisions(self, items: list[dict[str, Any]]) -> LinkDecisionPushResponse:
        # Safe to repeat, like push: every decision carries its idempotency key.
        return self._call("POST", "/link-decisions", LinkDecisionPushResponse, json={"items": items})

    def link_decisions(self, since: int, limit: int = 500) -> LinkDecisionFeed:
        return self._call("GET", "/link-decisions", LinkDecisionFeed, params={"since": since, "limit": limit})

    def send_party_reads(self, entries: list[dict[str, Any]]) -> PartyReadsAccepted:
        """Who read which reporting party, when (never the party); safe to repeat (each entry's number)."""
        from ..wire.party_reads import PartyReadsAccepted

        return self._call("POST", "/party-reads", PartyReadsAccepted, json={"entries": entries})

    def exchange_reader_keys(self, keys: list[dict[str, Any]]) -> ReaderKeysOut:
        """This device's reviewers' sealing public keys in; the district's other devices' reviewers' keys out."""
        from ..wire.party_reads import ReaderKeysOut

        return self._call("PUT", "/reader-keys", ReaderKeysOut, json={"keys": keys})

    def rewrap(self, items: list[dict[str, Any]]) -> RewrapsOut:
        """Envelopes already on the server with recipients appended only (safe to repeat: a second time adds none)."""
        from ..wire.rewraps import RewrapsOut

        return self._call("POST", "/rewraps", RewrapsOut, json={"items": items})

    # ------------------------------------------------------------ plumbing

    def _call(self, method: str, path: str, model: type[Model], **kwargs: Any) -> Model:
        """Retries what may pass by itself (unreachable, timeouts, 5xx, garbled answers, 429) with exponential
        backoff and full jitter; after a 429 or a 503 with Retry-After the wait is the server's Retry-After plus that jitter (so devices
        told the same wait do not all come back at once). A refusal or a rejected request is reported at once."""
        for attempt in range(1, self.attempts + 1):
            try:
                return self._once(method, path, model, **kwargs)
            except SyncError as exc:
                if not exc.retryable:
                    raise
                if attempt == self.attempts:
                    raise _given_up(exc, self.attempts) from exc
                told = exc.retry_after if isinstance(exc, Busy) else 0.0
                self._sleep(told + random.uniform(0, min(self.max_backoff, self.backoff * 2 ** (attempt - 1))))
        raise AssertionError("unreachable")

    def _once(self, method: str, path: str, model: type[Model], **kwargs: Any) -> Model:
        where = self.base_url
        try:
            response, content = self._bounded(method, path, **kwargs)
        except httpx.ConnectError as exc:
            text = str(exc)
            if "Name or service not known" in text or "nodename nor servname" in text or "getaddrinfo" in text.lower():
                raise Unreachable(f"The server name in {where} could not be found (DNS). Check the address and the network.") from exc
            if "CERTIFICATE_VERIFY_FAILED" in text or "certificate" in text.lower():
                raise Refused(f"The certificate of {where} could not be verified; nothing was sent. "
                              "If the city uses its own certificate authority, give its bundle with --ca-bundle.") from exc
            raise Unreachable(f"Cannot reach the server at {where} (it may be down, or this computer is offline).") from exc
        except httpx.TimeoutException as exc:
            raise Unreachable(f"The server at {where} did not answer in time.") from exc
        except httpx.TransportError as exc:
            raise Unreachable(f"The connection to {where} broke off before the answer arrived ({type(exc).__name__}).") from exc
        status = response.status_code
        if status == 503 and "Retry-After" in response.headers:
            wait = retry_after(response)
            raise Busy(f"The server at {where} is busy with many devices at once (HTTP 503); it asked to wait "
                       f"{wait:.0f} s. Nothing is lost: the changes stay queued.", status, wait)
        if status >= 500:
            raise ServerFailed(f"The server at {where} had an internal error (HTTP {status}); it will be tried again.")
        if status == 429:
            wait = retry_after(response)
            raise Busy(f"The server at {where} is busy with this device's requests (HTTP 429); it asked to wait "
                       f"{wait:.0f} s. Nothing is lost: the changes stay queued.", status, wait)
        if status == 413:
            raise TooLarge(f"The server rejected the request as too large (HTTP 413): {_detail(response)}", status)
        if status in (401, 403):
            raise Refused(f"The server refused this device (HTTP {status}): {_detail(response)}", status)
        if status >= 400:
            raise Rejected(f"The server rejected the request (HTTP {status}): {_detail(response)}", status)
        try:
            return model.model_validate_json(content)
        except ValidationError as exc:
            raise BadAnswer(f"The server's answer from {where} was incomplete or not understood; it will be tried again.") from exc


    def _bounded(self, method: str, path: str, **kwargs: Any) -> tuple[httpx.Response, bytes]:
        """The answer, read in pieces and never beyond max_answer_bytes (a hostile or broken server cannot make
        this computer hold an answer of any size in memory)."""
        limit = self.max_answer_bytes
        with self._http.stream(method, path, **kwargs) as response:
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > limit:
                raise AnswerTooLarge(f"The server at {self.base_url} sent an answer of {int(declared):,} bytes to {path}; "
                                     f"no answer may exceed {limit:,} bytes. Nothing of it was stored.")
            pieces, size = [], 0
            for piece in response.iter_bytes():
                size += len(piece)
                if size > limit:
                    raise AnswerTooLarge(f"The server at {self.base_url} sent more than {limit:,} bytes to {path}; "
                                         "it was not read further and nothing of it was stored.")
                pieces.append(piece)
            content = b"".join(pieces)
        response._content = content  # so _detail can read an error's text
        return response, content


def _given_up(exc: SyncError, attempts: int) -> SyncError:
    """The last failure of a call tried `attempts` times: said as final, not as "it will be tried again"."""
    text = str(exc).replace("; it will be tried again.", ".").rstrip()
    final = type(exc)(f"{text} Tried {attempts} times; this sync stopped (everything here is kept).", exc.status)
    final.retryable = False
    return final


def _detail(response: httpx.Response) -> str:
    try:
        detail = response.json().get("detail")
    except (ValueError, AttributeError):
        return response.text[:200]
    if isinstance(detail, list):
        return "; ".join(f"{d.get('path', '')}: {d.get('message', d.get('msg', ''))}" for d in detail if isinstance(d, dict))
    return str(detail)


def _with_given(body: dict[str, Any], **optional: Any) -> dict[str, Any]:
    """`body` with each optional field that was given: one left empty (None, "") is not sent, and the server
    takes its default, as an older server that lacks the field does."""
    body.update({name: value for name, value in optional.items() if value is not None and value != ""})
    return body
