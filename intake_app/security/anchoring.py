"""The audit chain anchored outside the station: RFC 3161 tokens over its head (security/timestamps.py).

At each sync a token is obtained for the chain's head at that moment: by the station itself when it has a
TSA configured (and sent to the server with the head), or else by the server when the server has one (and
sent back in its answer). Both sides keep every token. `intake verify` checks every token against the chain
(the entry at that position must still have the stamped hash) and against the TSA's certificate at the
token's genTime, and says up to which entry the history is anchored:

    entries 1-4,210 anchored by TSA X at T; 12 entries since, not yet anchored

A chain cut short below an anchored entry, or rewritten (even re-signed with the station's key), no longer
holds the stamped hash at that position, and the report names the token that shows it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from ..storage.repository import IncidentStore
from ..storage.timestamp_tables import add_timestamp_in, timestamps
from . import audit
from .timestamps import TimestampError, check_token, config, request_token, token_info

STATION, SERVER = "station", "server"


@dataclass(frozen=True)
class Anchor:
    entries: int
    head: str
    gen_time: datetime
    tsa: str


@dataclass
class AnchorReport:
    tokens: int = 0
    chain_length: int = 0
    latest: Anchor | None = None
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        if self.latest is None:
            return (f"no entry is anchored by a time-stamping authority yet ({self.chain_length:,} entries)"
                    if not self.tokens else "no time-stamp token could be confirmed")
        since = self.chain_length - self.latest.entries
        tail = f"{since:,} {'entry' if since == 1 else 'entries'} since, not yet anchored" if since else "nothing since"
        return (f"entries 1-{self.latest.entries:,} anchored by {self.latest.tsa} at "
                f"{self.latest.gen_time.isoformat(timespec='seconds')}; {tail}")


def keep_token(store: IncidentStore, *, entries: int, head: str, token: bytes, obtained_by: str) -> bool:
    """Stores a token for the head at `entries` (once). ValueError if it is not a token over that head."""
    info = token_info(token)
    if info.imprint != bytes.fromhex(head):
        raise ValueError("the time-stamp token is over another hash than this audit-chain head")
    with store.transaction() as session:
        return add_timestamp_in(session, entries=entries, head=head, token=token,
                                gen_time=info.gen_time.astimezone(UTC).replace(tzinfo=None), tsa=info.tsa,
                                obtained_by=obtained_by, received_at=datetime.now(UTC).replace(tzinfo=None))


def anchored(store: IncidentStore, entries: int, head: str) -> bool:
    """Whether a token for exactly this head is already kept here."""
    return any(row.entries == entries and row.head == head for row in timestamps(store))


def anchor_head(store: IncidentStore, entries: int, head: str) -> bytes | None:
    """A token for this head from the station's TSA, kept here; None when the station has no TSA configured.
    TimestampError when the TSA could not be used."""
    tsa = config(store)
    if not tsa.url or not entries or anchored(store, entries, head):
        return None  # nothing new to anchor: a sync with no change asks the TSA nothing
    token = request_token(tsa.url, bytes.fromhex(head))
    keep_token(store, entries=entries, head=head, token=token, obtained_by=STATION)
    return token


def anchor_now(store: IncidentStore) -> bytes | None:
    entries = audit.chain_length(store)
    return anchor_head(store, entries, audit.hash_at(store, entries)) if entries else None


def check_anchors(store: IncidentStore) -> AnchorReport:
    report = AnchorReport(chain_length=audit.chain_length(store))
    tsa = config(store)
    trusted = tsa.certificates
    for row in timestamps(store):
        report.tokens += 1
        now_there = audit.hash_at(store, row.entries)
        where = f"time-stamp token for entry #{row.entries:,} (by {row.tsa}, {row.gen_time:%Y-%m-%d %H:%M} UTC)"
        if now_there != row.head:
            report.problems.append(f"{where}: the chain no longer holds the stamped entry at that position "
                                   f"(it was cut short or rewritten after it was anchored)")
            continue
        check = check_token(row.token, bytes.fromhex(row.head), trusted, tsa.crls)
        if not check.ok:
            report.problems.append(f"{where}: {check.problem}")
            continue
        for note in (check.problem if not check.trusted else "", check.revocation):
            if note and note not in report.notes:
                report.notes.append(note)
        assert check.info is not None, "a token that checks out has been read"
        if report.latest is None or row.entries > report.latest.entries:
            report.latest = Anchor(row.entries, row.head, check.info.gen_time, check.info.tsa)
    return report


__all__ = ["STATION", "SERVER", "Anchor", "AnchorReport", "TimestampError", "anchor_head", "anchor_now",
           "check_anchors", "keep_token"]
