"""The sync step that reports the audit head: the newest hash of this device's audit chain, signed, so the
server sees whether the chain still continues the one reported before (entries removed or rewritten here
raise an alarm the sync reports), time-stamped by the station's TSA or, failing that, by the server.
"""

from __future__ import annotations

import base64
import binascii

from ..security import anchoring, audit
from ..security.station_certificate import station_credential
from ..storage.repository import IncidentStore
from ..wire.sync import signed_message
from . import device, state
from .client import Rejected, SyncClient
from .report import SyncReport

AUDIT_CUT_PREFIX = "AUDIT CHAIN NOT EXTENDED"  # how the app knows the alarm, to say it in the user's language
AUDIT_CUT_ALARM = (f"{AUDIT_CUT_PREFIX}: the server found that this computer's audit trail does not continue the one "
                   "it reported before: entries were removed or rewritten here. Tell the district commander and the "
                   "administrator; keep this computer as it is.")

def send_audit_head(store: IncidentStore, client: SyncClient, report: SyncReport) -> None:
    """Reports the newest audit hash, how many entries the chain has, and the hash the chain holds NOW at
    the position reported last time: if the log was truncated or rewritten since, the server sees it."""
    entries = audit.chain_length(store)
    head = audit.hash_at(store, entries) if entries else ""  # the head AT that length, even if more were added since
    last_entries = int(state.read(store, state.AUDIT_ENTRIES, "0") or 0)
    previous = audit.hash_at(store, last_entries) if last_entries else ""
    signature = device.audit_key(store).sign(signed_message(head, entries, previous)).hex()
    token = _station_timestamp(store, report, entries, head)
    certificate = station_credential(store).fingerprint  # registered when new (a city CA's, after enrollment)
    try:
        answer = client.audit_head(head, entries, previous or "", signature, token, certificate)
    except Rejected as exc:
        if not token or "timestamp_token" not in str(exc):
            raise
        # The server does not accept this station's TSA: the head still goes (the token stays kept here).
        report.notes.append(f"the server did not take this station's time-stamp token: {exc}")
        token = ""
        answer = client.audit_head(head, entries, previous or "", signature, station_certificate=certificate)
    state.write(store, **{state.AUDIT_HEAD: head, state.AUDIT_ENTRIES: str(entries)})
    if answer.timestamp_token and not token:
        _keep_server_timestamp(store, report, entries, head, answer.timestamp_token)
    if not answer.extends_previous:
        report.alarms.append(AUDIT_CUT_ALARM)


def _station_timestamp(store: IncidentStore, report: SyncReport, entries: int, head: str) -> str:
    """An RFC 3161 token over the head from the station's own TSA (kept here, sent with the head), base64;
    "" without a TSA or when it could not be used (then the server may stamp the head instead)."""
    try:
        token = anchoring.anchor_head(store, entries, head) if entries else None
    except anchoring.TimestampError as exc:
        report.notes.append(f"no time-stamp from the station's TSA this time: {exc}")
        return ""
    return base64.b64encode(token).decode("ascii") if token else ""


def _keep_server_timestamp(store: IncidentStore, report: SyncReport, entries: int, head: str, token_b64: str) -> None:
    """The server stamped the head: its token is kept here too. One that is not over this head is refused."""
    try:
        anchoring.keep_token(store, entries=entries, head=head, token=base64.b64decode(token_b64, validate=True),
                             obtained_by=anchoring.SERVER)
    except (ValueError, binascii.Error):
        report.notes.append("the server sent a time-stamp token that is not over this audit head; it was not kept")
