"""One sync run: the steps, in order, each a module of its own with one entry, none calling back here.

1. sealing_step    exchange the reviewers' public keys (whom what is pushed now is sealed to)
2. resend          after a restore of the server from a backup: what it lost, sent again first
3. push_step       the outbox, in batches (conflicts and taken numbers recorded as the answers come)
4. conflicts       the conflicts settled here by taking theirs, told to the server
5. rewrap_step     envelopes on the server given to readers added since (before the pull brings them back)
6. pull_step       the change feed, page by page, each page applied (apply_step) with its cursor
7. link_decisions_sync  reviewers' link decisions both ways (after the incidents: they refer to them)
8. audit_head_step the audit chain's head, signed
9. party_reads_sync     who read which reporting party, when

A crash or a failure anywhere leaves every pending change queued and the feed's cursor at the last page
applied; the next run continues (see push_step and pull_step).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from ..storage.repository import IncidentStore
from ..storage.secrets import NoSecureKeyring
from . import (
    audit_head_step,
    conflicts,
    device,
    link_decisions_sync,
    party_reads_sync,
    pull_step,
    push_step,
    resend,
    rewrap_step,
    sealing_step,
    state,
)
from .client import SyncClient, SyncError
from .report import SyncReport


def open_client(store: IncidentStore, **options: Any) -> SyncClient:
    url = state.read(store, state.SERVER_URL)
    if not url:
        raise device.NotEnrolled("This computer is not enrolled with a server yet: run `intake enroll URL --code CODE`.")
    return SyncClient(url, token=device.token(store), ca_bundle=state.read(store, state.CA_BUNDLE) or None, **options)


def sync_once(store: IncidentStore, *, client: SyncClient | None = None, batch: int = push_step.PUSH_BATCH,
              page: int = pull_step.PULL_PAGE, **client_options: Any) -> SyncReport:
    report = SyncReport()
    own_client = client is None
    try:
        client = client or open_client(store, **client_options)
        sealing_step.exchange_reader_keys(store, client, report)
        resend.resend_lost(store, client, report, batch=batch)
        held = push_step.push_outbox(store, client, report, batch=batch)
        conflicts.send_settled(store, client)
        rewrap_step.rewrap(store, client, report)
        pull_step.pull_feed(store, client, report, page=page)
        link_decisions_sync.exchange(store, client, report)
        audit_head_step.send_audit_head(store, client, report)
        party_reads_sync.send(store, client, report)
        report.error = held
    except (SyncError, device.NotEnrolled, NoSecureKeyring) as exc:
        report.error = str(exc)
    finally:
        if own_client and client is not None:
            client.close()
    _record_outcome(store, report)
    return report


def _record_outcome(store: IncidentStore, report: SyncReport) -> None:
    """What --status and the app show of this run: when it ended, its error or alarm, what is still pending."""
    report.pending = state.status(store).pending
    now = datetime.now(UTC).isoformat(timespec="seconds")
    if report.alarms:
        state.write(store, **{state.AUDIT_ALARM: f"{now}: {report.alarms[0]}"})
    if report.error:
        state.write(store, **{state.LAST_ERROR: f"{now}: {report.error}"})
    elif report.alarms or report.rejected:
        state.write(store, **{state.LAST_SYNC: now, state.LAST_ERROR: (report.alarms or report.rejected)[0]})
    else:
        state.write(store, **{state.LAST_SYNC: now, state.LAST_ERROR: ""})
