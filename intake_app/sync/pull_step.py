"""The sync step that pulls: the server's change feed, page after page, each page checked (its shape, the
district of its records, every record by the one validator) and handed to the apply step (sync/apply_step.py)
in one transaction with the cursor that covers it. So a crash or a failure anywhere leaves the cursor at the
last page applied; the next run continues from there. A record this app refuses is set aside (quarantined),
never stored, and the rest of the feed goes on.
"""

from __future__ import annotations

import json
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from ..domain.interchange import from_dict, to_dict
from ..domain.problems import Problem, ValidationError
from ..domain.records import Incident
from ..domain.validation import blocking_for_status, validate
from ..gc_pause import collection_paused
from ..storage.repository import IncidentStore
from ..wire.sync import ChangesResponse
from . import state
from .apply_step import apply_remote_in
from .client import AnswerTooLarge, HostileAnswer, SyncClient, SyncError
from .ordered import Ordered
from .page_shape import check_page_shape
from .report import SyncReport, record_label

PULL_PAGE = 1000
# A pull ends after this many pages in one run (a server that says "more" for ever cannot keep a sync
# going for ever): the sync then fails saying so; what was received is kept and the next sync goes on.
MAX_PULL_PAGES = 10_000


def pull_feed(store: IncidentStore, client: SyncClient, report: SyncReport, *, page: int) -> None:
    """Pages of the feed, each stored with its cursor in one transaction, in order. Two things run beside the
    checking of a page, on helper threads: the fetch of the next page (the server prepares it in its own
    process) and the commit of the page before (SQLite encrypts and writes it without holding the
    interpreter lock). A page is written only once the one before it is committed; if a fetch, a check or a
    commit fails, nothing after it is stored and the cursor stays at the last page committed."""
    cursor = int(state.read(store, state.CURSOR, "0") or 0)
    epoch = state.read(store, state.SERVER_EPOCH)  # reconciled with at the start of this sync (resend.resend_lost)
    helpers = ThreadPoolExecutor(max_workers=2, thread_name_prefix="intake-pull")
    committing = Ordered(helpers)
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
                incidents, records, deleted, refused = [], [], set(), []
                for i, c in enumerate(answer.changes):
                    try:
                        inc, record = _checked(store, i, c.incident)
                        inc = scope.checked(i, inc)
                    except InvalidRecord as exc:  # set aside; the rest of the page and of the feed go on
                        refused.append(exc.quarantined(c.seq))
                        report.rejected.append(str(exc))
                        continue
                    incidents.append(inc)
                    records.append(record)
                    if c.deleted:
                        deleted.add((inc.id, inc.version))
                committing.wait()
                with ExitStack() as transaction:
                    session = transaction.enter_context(store.transaction())
                    if refused:
                        _quarantine_in(session, refused)
                    report.applied += apply_remote_in(session, store, incidents, deleted=deleted, records=records)
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


def _fetch_page(client: SyncClient, cursor: int, page: int) -> ChangesResponse:
    """A page of the feed; one too big to read (client.MAX_ANSWER_BYTES) is asked for again in halves, so long
    records still arrive, a few at a time, while no answer is ever read beyond the bound."""
    while True:
        try:
            return client.changes(cursor, page)
        except AnswerTooLarge:
            if page <= 1:
                raise
            page //= 2


def _check_page(answer: ChangesResponse, *, cursor: int, limit: int, epoch: str = "") -> None:
    """A page of the feed is taken only in the shape asked for (page_shape), each change inside the page it
    answered."""
    check_page_shape(what="changes", sent=len(answer.changes), limit=limit, more=answer.more, cursor=cursor,
                     next_cursor=answer.next_cursor, epoch=epoch, answer_epoch=answer.epoch)
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


def _checked(store: IncidentStore, index: int, record: dict[str, Any]) -> tuple[Incident, dict[str, Any]]:
    """A pulled record passes the same validator as one typed here before anything of its page is stored (its
    numbers excepted: see below). Returns it with its interchange dict (to_dict), made once for the validator
    and the store."""
    path = f"changes[{index}].incident"
    try:
        inc = from_dict(record, path=path)
    except ValidationError as exc:
        raise InvalidRecord(record, exc.problems) from exc
    # Its RD and OEMC numbers are held to no pattern: the server kept the record and flagged a number its own
    # pattern refuses (unmatched_numbers); set aside here for a pattern another station set, it would be lost.
    made = to_dict(inc)
    problems = blocking_for_status(validate(inc, catalogue=store.catalogue, number_patterns=False, record=made),
                                   inc.status)
    if problems:
        raise InvalidRecord(record, [Problem(f"{path}.{p.path}", p.message, p.severity) for p in problems])
    return inc, made


class InvalidRecord(SyncError):
    """The server sent a record this app finds invalid: it is set aside (quarantined), not stored; the rest
    of the pull goes on and the user sees it among the rejected records."""

    def __init__(self, record: dict[str, Any], problems: list[Problem]):
        first = problems[0]
        self.label, self.path, self.problem = record_label(record), first.path, first.message
        self.record = record
        super().__init__(f"The server sent incident {self.label} that this app finds invalid "
                         f"({first.path}: {first.message}); it was set aside, not stored, and the rest was received.")

    def quarantined(self, seq: int) -> dict[str, Any]:
        text = json.dumps(self.record, ensure_ascii=True)
        return {"seq": seq, "incident": self.label, "path": self.path, "message": self.problem,
                "record": text if len(text) <= MAX_QUARANTINED_TEXT else text[:MAX_QUARANTINED_TEXT] + "..."}


MAX_QUARANTINED = 200  # records set aside that are kept to be shown (the oldest go first)
MAX_QUARANTINED_TEXT = 64 * 1024  # characters of each one's record kept, for whoever looks into it


def _quarantine_in(session: Session, refused: list[dict[str, Any]]) -> None:
    kept = json.loads(state.get(session, state.QUARANTINED, "[]") or "[]")
    state.put(session, state.QUARANTINED, json.dumps([*kept, *refused][-MAX_QUARANTINED:]))


def quarantined(store: IncidentStore) -> list[dict[str, Any]]:
    """The pulled records this app refused and set aside, oldest first."""
    found: list[dict[str, Any]] = json.loads(state.read(store, state.QUARANTINED, "[]") or "[]")
    return found
