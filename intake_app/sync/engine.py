"""One sync run: push the outbox in batches, pull the change feed, apply it, report the audit head.

Nothing is removed from the outbox before the server has acknowledged it (recording a conflict and the
removal are one local transaction); the feed cursor moves in the same transaction as the records it
covers. So a crash or a failure anywhere leaves every pending change queued and the cursor at the last
page applied; the next run continues (the server ignores idempotency keys it already applied).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, select

from ..domain.interchange import from_dict
from ..domain.problems import Problem, ValidationError
from ..domain.records import Incident
from ..domain.validation import blocking_for_status, validate
from ..gc_pause import collection_paused
from ..security import audit
from ..security.audit import record_action_in
from ..security.station_certificate import station_credential
from ..storage.outbox_tables import OutboxRow
from ..storage.repository import IncidentStore
from ..storage.secrets import NoSecureKeyring
from ..wire.sync import PushResponse, push_request_json, signed_message
from . import device, link_decisions_sync, party_reads_sync, resend, rewrap_step, sealing_step, state
from .client import AnswerTooLarge, HostileAnswer, Refused, Rejected, SyncClient, SyncError, TooLarge
from .outbox import DELETE_DRAFT
from .remote import SYNC_ACTOR, apply_remote_in, record_conflict_in, take_back_in
from .renumbering import number_taken_in, number_taken_note

PUSH_BATCH = 1000
PULL_PAGE = 1000
# A pull ends after this many pages in one run (a server that says "more" for ever cannot keep a sync
# going for ever): the sync then fails saying so; what was received is kept and the next sync goes on.
MAX_PULL_PAGES = 10_000


@dataclass
class SyncReport:
    pushed: int = 0
    resent: int = 0  # versions the server had lost with a restore from a backup, sent again (sync/resend.py)
    conflicts: int = 0
    pulled: int = 0
    applied: int = 0
    rewrapped: int = 0  # envelopes on the server given to readers added since (sync/rewrap_step.py)
    pending: int = 0
    error: str = ""
    notes: list[str] = field(default_factory=list)
    # What a supervisor must act on (the server found this device's audit chain cut): the sync fails.
    alarms: list[str] = field(default_factory=list)
    # Pulled records this app refused (set aside in state.QUARANTINED, the rest of the pull went on).
    rejected: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.error and self.pending == 0 and not self.alarms and not self.rejected


def open_client(store: IncidentStore, **options) -> SyncClient:
    url = state.read(store, state.SERVER_URL)
    if not url:
        raise device.NotEnrolled("This computer is not enrolled with a server yet: run `intake enroll URL --code CODE`.")
    return SyncClient(url, token=device.token(store), ca_bundle=state.read(store, state.CA_BUNDLE) or None, **options)


def sync_once(store: IncidentStore, *, client: SyncClient | None = None, batch: int = PUSH_BATCH,
              page: int = PULL_PAGE, **client_options) -> SyncReport:
    report = SyncReport()
    own_client = client is None
    try:
        client = client or open_client(store, **client_options)
        sealing_step.exchange_reader_keys(store, client, report)  # whom the records pushed now are sealed to
        resend_lost(store, client, report, batch=batch)  # after a restore from a backup: what it lost, first
        held = push_outbox(store, client, report, batch=batch)
        send_settled_conflicts(store, client)
        rewrap_step.rewrap(store, client, report)  # readers added since: before the pull brings the result back
        pull_feed(store, client, report, page=page)
        link_decisions_sync.exchange(store, client, report)  # after the incidents: decisions refer to them
        send_audit_head(store, client, report)
        party_reads_sync.send(store, client, report)  # who read which reporting party, when
        report.error = held
    except (SyncError, device.NotEnrolled, NoSecureKeyring) as exc:
        report.error = str(exc)
    finally:
        if own_client and client is not None:
            client.close()
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
    return report


def push_outbox(store: IncidentStore, client: SyncClient, report: SyncReport, *, batch: int) -> str:
    """Sends the queue in order. When the server refuses a batch because of one record (invalid, or of a
    district this device may not send), the batch is sent again in halves (_push_halves), so that record and
    the later changes of the same incident stay queued and reported while everything else goes through.

    A batch's answer is written here (its queue rows removed, in a transaction of its own) while the next
    batch is on its way to the server; each such write ends before the next begins. A stop in between only
    sends a batch again, which the server applies once (idempotency keys). Measured: a tenth of a push."""
    held: dict[str, str] = {}  # incident id -> why the server refused it
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="intake-push-ack") as writer:
        acknowledging = _Ordered(writer)
        try:
            _push_batches(store, client, report, batch, held, acknowledging)
        finally:
            acknowledging.wait()
    if not held:
        return ""
    names = ", ".join(sorted(_label(store, i) for i in held))
    return (f"The server refused the changes of {len(held)} incident(s) ({names}); they are kept here. "
            f"First reason: {next(iter(held.values()))}")


def _push_batches(store: IncidentStore, client: SyncClient, report: SyncReport, batch: int, held: dict[str, str],
                  acknowledging: _Ordered) -> None:
    last_id = 0
    sealer = sealing_step.Sealer(store)
    while True:
        with store.reading() as session:
            rows = session.execute(select(OutboxRow.id, OutboxRow.idempotency_key, OutboxRow.incident_id,
                                          OutboxRow.base_version, OutboxRow.record_json, OutboxRow.action)
                                   .where(OutboxRow.id > last_id).order_by(OutboxRow.id).limit(batch)).all()
        if not rows:
            return
        before, last_id = last_id, rows[-1].id
        rows = [r for r in rows if r.incident_id not in held]
        if not rows:
            continue
        try:
            answer = _post(client, rows, sealer)
        except SyncError as exc:
            acknowledging.wait()
            if isinstance(exc, TooLarge) and len(rows) > 1:
                # Larger than the server accepts (413): the same changes again, in batches half the size.
                batch, last_id = max(1, len(rows) // 2), before
                continue
            if not _one_record_refused(exc):
                raise
            _push_halves(store, client, report, rows, held, exc, sealer)
            continue
        acknowledging.then(_acknowledge, store, report, rows, answer)


def resend_lost(store: IncidentStore, client: SyncClient, report: SyncReport, *, batch: int) -> None:
    """When the server has a restore epoch this device has not reconciled with: every version it lacks is sent
    again (sync/resend.py), in batches, a record it refuses found by halves and kept here (said in the notes);
    the epoch is kept once all are answered."""
    epoch = resend.new_epoch(store, client)
    if epoch is None:
        return
    rows = resend.lacking(store, client, epoch)
    sealer = sealing_step.Sealer(store)
    refused: dict[str, str] = {}
    for start in range(0, len(rows), batch):
        _send(store, client, report, rows[start:start + batch], refused, sealer)
    resend.settled(store, report, epoch, refused)


def _push_halves(store: IncidentStore, client: SyncClient, report: SyncReport, rows, held: dict[str, str],
                 refusal: SyncError, sealer: sealing_step.Sealer) -> None:
    """A batch the server refused because of a record in it is split in two halves, each sent again (and split
    again if refused), so the refused record is found in about 2·log2(batch) requests, not one per change.
    Halves go in order, and the rows of an incident already refused are left out, so the later changes of
    that incident stay queued behind it."""
    rows = [r for r in rows if r.incident_id not in held]
    if not rows:
        return
    if len(rows) == 1:
        row = rows[0]
        if row.action == DELETE_DRAFT and refusal.status == 409:
            _deletion_refused(store, report, row, refusal)
        else:
            held[row.incident_id] = str(refusal)
        return
    middle = len(rows) // 2
    for half in (rows[:middle], rows[middle:]):
        half = [r for r in half if r.incident_id not in held]
        if half:
            _send(store, client, report, half, held, sealer)


def _send(store: IncidentStore, client: SyncClient, report: SyncReport, rows, held: dict[str, str],
          sealer: sealing_step.Sealer) -> None:
    """One request of these rows; a refusal because of a record in it is narrowed down by halves."""
    try:
        answer = _post(client, rows, sealer)
    except SyncError as exc:
        if not _one_record_refused(exc):
            raise
        _push_halves(store, client, report, rows, held, exc, sealer)
        return
    _acknowledge(store, report, rows, answer)


class _Ordered:
    """Work handed to one other thread, one piece at a time and in order: a piece starts once the one before
    has ended, and its error is raised here, at the next hand-over or wait."""

    def __init__(self, pool: ThreadPoolExecutor):
        self._pool = pool
        self._current: Future | None = None

    def then(self, work: Callable, *args) -> None:
        self.wait()
        self._current = self._pool.submit(work, *args)

    def wait(self) -> None:
        current, self._current = self._current, None
        if current is not None:
            current.result()


def _one_record_refused(exc: SyncError) -> bool:
    return isinstance(exc, Rejected) or (isinstance(exc, Refused) and exc.status == 403)


def _label(store: IncidentStore, incident_id: str) -> str:
    found = store.find(incident_id)
    return (found.report_number if found else "") or incident_id


def _post(client: SyncClient, rows, sealer: sealing_step.Sealer) -> PushResponse:
    # Each stored record goes as it is, with its civilians' identity sealed.
    return client.push_raw(push_request_json(
        (r.idempotency_key, r.base_version, r.action,
         r.record_json if r.action == DELETE_DRAFT else sealer.for_server(r.record_json)) for r in rows))


def _acknowledge(store: IncidentStore, report: SyncReport, rows, answer: PushResponse) -> None:
    by_key = {r.idempotency_key: r for r in rows}
    with store.transaction() as session:
        acked = []
        for result in answer.results:
            row = by_key.get(result.idempotency_key)
            if row is None:
                continue  # not ours in this batch: ignore rather than trust it
            if result.outcome == "conflict" and row.action == DELETE_DRAFT:
                # Changed on another device since this one deleted it: the server kept it, and so do we.
                take_back_in(session, store, result.server_incident)
                report.notes.append(f"A draft deleted here ({_label_of(result.server_incident)}) had been changed on "
                                    "another device; the server kept it, so it is back here.")
                report.conflicts += 1
            elif result.outcome == "conflict" and result.number_taken:
                number_taken_in(session, row.incident_id, result.number_taken)
                report.notes.append(number_taken_note(result.number_taken))
                report.conflicts += 1
            elif result.outcome == "conflict":
                record_conflict_in(session, mine_json=row.record_json, theirs=result.server_incident,
                                   server_conflict_id=result.conflict_id, theirs_deleted=result.server_deleted)
                report.conflicts += 1
            elif row.action == resend.RESEND:
                report.resent += result.outcome == "applied"
            else:
                report.pushed += 1
            if row.id is not None:  # a version sent again from the store (sync/resend.py) is no queued change
                acked.append(row.id)
        session.execute(delete(OutboxRow).where(OutboxRow.id.in_(acked)))


def _deletion_refused(store: IncidentStore, report: SyncReport, row, refusal: SyncError) -> None:
    """The server holds this record past draft (submitted on another device): it is kept everywhere, and
    comes back here with the next page of the feed. The deletion is dropped from the queue and said."""
    with store.transaction() as session:
        session.execute(delete(OutboxRow).where(OutboxRow.id == row.id))
        record_action_in(session, row.incident_id, "sync deletion refused", SYNC_ACTOR, str(refusal))
    report.notes.append(f"A deletion was refused by the server and the record is kept: {refusal}")


def _label_of(record: dict | None) -> str:
    return ((record or {}).get("report_number") or (record or {}).get("id") or "?")


def send_settled_conflicts(store: IncidentStore, client: SyncClient) -> None:
    settled = json.loads(state.read(store, state.SETTLED_CONFLICTS, "[]"))
    if settled:
        client.resolve_conflicts(settled)
        with store.transaction() as session:  # keep any settled meanwhile
            now_settled = json.loads(state.get(session, state.SETTLED_CONFLICTS, "[]"))
            state.put(session, state.SETTLED_CONFLICTS, json.dumps([i for i in now_settled if i not in settled]))


def pull_feed(store: IncidentStore, client: SyncClient, report: SyncReport, *, page: int) -> None:
    """Pages of the feed, each stored with its cursor in one transaction, in order. Two things run beside the
    checking of a page, on helper threads: the fetch of the next page (the server prepares it in its own
    process) and the commit of the page before (SQLite encrypts and writes it without holding the
    interpreter lock). A page is written only once the one before it is committed; if a fetch, a check or a
    commit fails, nothing after it is stored and the cursor stays at the last page committed."""
    cursor = int(state.read(store, state.CURSOR, "0") or 0)
    epoch = state.read(store, resend.SERVER_EPOCH)  # reconciled with at the start of this sync (resend_lost)
    helpers = ThreadPoolExecutor(max_workers=2, thread_name_prefix="intake-pull")
    committing = _Ordered(helpers)
    try:
        coming: Future[Any] | None = helpers.submit(_fetch_page, client, cursor, page)
        pages = 0
        scope = _Scope.of(store)
        while coming is not None:
            answer = coming.result()
            pages += 1
            _check_page(answer, cursor=cursor, limit=page, epoch=epoch)
            more = answer.more and answer.next_cursor > cursor and pages < MAX_PULL_PAGES
            coming = helpers.submit(_fetch_page, client, answer.next_cursor, page) if more else None
            with collection_paused():
                incidents, deleted, refused = [], set(), []
                for i, c in enumerate(answer.changes):
                    try:
                        inc = scope.checked(i, _checked(store, i, c.incident))
                    except InvalidRecord as exc:  # set aside; the rest of the page and of the feed go on
                        refused.append(exc.quarantined(c.seq))
                        report.rejected.append(str(exc))
                        continue
                    incidents.append(inc)
                    if c.deleted:
                        deleted.add((inc.id, inc.version))
                committing.wait()
                with ExitStack() as transaction:
                    session = transaction.enter_context(store.transaction())
                    if refused:
                        _quarantine_in(session, refused)
                    report.applied += apply_remote_in(session, store, incidents, deleted=deleted)
                    state.put(session, state.CURSOR, str(answer.next_cursor))
                    committing.then(transaction.pop_all().close)  # the commit, on a helper thread
            report.pulled += len(incidents)
            cursor = answer.next_cursor
            if answer.more and pages >= MAX_PULL_PAGES:
                committing.wait()
                raise HostileAnswer(f"The server still said more changes follow after {pages:,} pages; this sync "
                                    "stopped there (what was received is kept; the next sync goes on from it).")
    finally:
        try:
            committing.wait()
        finally:
            # A page still being fetched when something failed is not waited for (its retries could take
            # minutes): the failure is reported now, and that page is fetched again by the next sync.
            helpers.shutdown(wait=False, cancel_futures=True)


def _fetch_page(client: SyncClient, cursor: int, page: int):
    """A page of the feed; one too big to read (client.MAX_ANSWER_BYTES) is asked for again in halves, so long
    records still arrive, a few at a time, while no answer is ever read beyond the bound."""
    while True:
        try:
            return client.changes(cursor, page)
        except AnswerTooLarge:
            if page <= 1:
                raise
            page //= 2


def _check_page(answer, *, cursor: int, limit: int, epoch: str = "") -> None:
    """A page of the feed is taken only in the shape asked for: at most `limit` changes, and a page that says
    more follow holds at least one change and moves the cursor forward. A page of another restore epoch than
    the one reconciled with is not taken: the server was restored meanwhile, the next sync sends again first."""
    if epoch and answer.epoch and answer.epoch != epoch:
        raise resend.RestoredMeanwhile("The server was restored from a backup during this sync; nothing of that "
                                       "page was stored, and the next sync sends again what it lacks first.")
    if len(answer.changes) > limit:
        raise HostileAnswer(f"The server sent {len(answer.changes)} changes in a page of at most {limit}; "
                            "nothing of that page was stored.")
    if answer.more and not answer.changes:
        raise HostileAnswer("The server said more changes follow but sent an empty page; the sync stopped there "
                            "(nothing was lost: the next sync asks again from the same place).")
    if answer.more and answer.next_cursor <= cursor:
        raise HostileAnswer(f"The server said more changes follow but did not move past position {cursor}; "
                            "the sync stopped there.")
    for change in answer.changes:
        if change.seq <= cursor or change.seq > answer.next_cursor:
            raise HostileAnswer(f"The server sent a change (position {change.seq}) outside the page it answered "
                                f"({cursor}, {answer.next_cursor}]; nothing of that page was stored.")


@dataclass
class _Scope:
    """Which records this device may hold: a district device only its district's (or records with no
    district yet, drafts of its own); headquarters every district's."""

    district: int | None
    headquarters: bool

    @classmethod
    def of(cls, store: IncidentStore) -> _Scope:
        district = state.read(store, state.DISTRICT, "")
        return cls(int(district) if district.isdigit() else None, bool(state.read(store, state.HEADQUARTERS, "")))

    def checked(self, index: int, inc: Incident) -> Incident:
        if self.headquarters or self.district is None or inc.district in (None, self.district):
            return inc
        raise HostileAnswer(f"The server sent incident {inc.report_number or inc.id} of district {inc.district} "
                            f"(changes[{index}]) to this district {self.district} device; nothing of that page was "
                            "stored and every record here is kept.")


def _checked(store: IncidentStore, index: int, record: dict) -> Incident:
    """A pulled record passes the same validator as one typed here before anything of its page is stored (its
    numbers excepted: see below)."""
    path = f"changes[{index}].incident"
    try:
        inc = from_dict(record, path=path)
    except ValidationError as exc:
        raise InvalidRecord(record, exc.problems) from exc
    # Its RD and OEMC numbers are held to no pattern: the server kept the record and flagged a number its own
    # pattern refuses (unmatched_numbers); set aside here for a pattern another station set, it would be lost.
    problems = blocking_for_status(validate(inc, catalogue=store.catalogue, number_patterns=False), inc.status)
    if problems:
        raise InvalidRecord(record, [Problem(f"{path}.{p.path}", p.message, p.severity) for p in problems])
    return inc


class InvalidRecord(SyncError):
    """The server sent a record this app finds invalid: it is set aside (quarantined), not stored; the rest
    of the pull goes on and the user sees it among the rejected records."""

    def __init__(self, record: dict, problems: list[Problem]):
        first = problems[0]
        self.label, self.path, self.problem = _label_of(record), first.path, first.message
        self.record = record
        super().__init__(f"The server sent incident {self.label} that this app finds invalid "
                         f"({first.path}: {first.message}); it was set aside, not stored, and the rest was received.")

    def quarantined(self, seq: int) -> dict:
        text = json.dumps(self.record, ensure_ascii=True)
        return {"seq": seq, "incident": self.label, "path": self.path, "message": self.problem,
                "record": text if len(text) <= MAX_QUARANTINED_TEXT else text[:MAX_QUARANTINED_TEXT] + "..."}


AUDIT_CUT_PREFIX = "AUDIT CHAIN NOT EXTENDED"  # how the app knows the alarm, to say it in the user's language
AUDIT_CUT_ALARM = (f"{AUDIT_CUT_PREFIX}: the server found that this computer's audit trail does not continue the one "
                   "it reported before: entries were removed or rewritten here. Tell the district commander and the "
                   "administrator; keep this computer as it is.")

MAX_QUARANTINED = 200  # records set aside that are kept to be shown (the oldest go first)
MAX_QUARANTINED_TEXT = 64 * 1024  # characters of each one's record kept, for whoever looks into it


def _quarantine_in(session, refused: list[dict]) -> None:
    kept = json.loads(state.get(session, state.QUARANTINED, "[]") or "[]")
    state.put(session, state.QUARANTINED, json.dumps([*kept, *refused][-MAX_QUARANTINED:]))


def quarantined(store: IncidentStore) -> list[dict]:
    """The pulled records this app refused and set aside, oldest first."""
    return json.loads(state.read(store, state.QUARANTINED, "[]") or "[]")


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
    import base64

    from ..security import anchoring

    try:
        token = anchoring.anchor_head(store, entries, head) if entries else None
    except anchoring.TimestampError as exc:
        report.notes.append(f"no time-stamp from the station's TSA this time: {exc}")
        return ""
    return base64.b64encode(token).decode("ascii") if token else ""


def _keep_server_timestamp(store: IncidentStore, report: SyncReport, entries: int, head: str, token_b64: str) -> None:
    """The server stamped the head: its token is kept here too. One that is not over this head is refused."""
    import base64
    import binascii

    from ..security import anchoring

    try:
        anchoring.keep_token(store, entries=entries, head=head, token=base64.b64decode(token_b64, validate=True),
                             obtained_by=anchoring.SERVER)
    except (ValueError, binascii.Error):
        report.notes.append("the server sent a time-stamp token that is not over this audit head; it was not kept")
