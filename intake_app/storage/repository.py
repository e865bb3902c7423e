"""The store's API: one short-lived session and one transaction per user action, plain records out.

Other features hook into the same transaction through change listeners (the audit trail appends
its entry, the sync outbox queues the change), so a change and its consequences commit together.
"""

from __future__ import annotations

import builtins
import json
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cached_property
from typing import Any, TypeVar, cast, overload

from sqlalchemy import Engine, bindparam, delete, func, insert, literal_column, or_, select, text, update
from sqlalchemy.orm import Session, sessionmaker

from ..domain.actor import Actor
from ..domain.catalogue import Catalogue, default_catalogue
from ..domain.device_codes import DEVICE_ALPHABET, is_device_code, random_device_code
from ..domain.enums import Status
from ..domain.interchange import canonical_json, canonical_text, from_dict, to_dict
from ..domain.preservation import with_deadlines
from ..domain.problems import Problem, ValidationError
from ..domain.records import Incident, deep_copy
from ..domain.settings import StationSettings
from ..domain.validation import blocking_for_status, validate
from ..domain.workflow import LOCKED, WorkflowError, transition
from .chunks import chunked
from .errors import ConflictError, NotFound, StoreError
from .meta import read_meta, write_meta
from .projection import delete_row, fts_query, insert_rows, utc_naive, write_row
from .queries import NEWEST_FIRST, RETURNED_SQL, SUMMARY_COLUMNS, IncidentFilter, IncidentSummary, summary_of
from .tables import AutosaveRow, IncidentRow, MetaRow, ReportSequence

DEVICE_CODE = "device_code"  # meta key
# In Session.info: this transaction applies records from the server (sync), decided elsewhere: the station's
# rules let them in and the outbox does not queue them back.
REMOTE_FLAG = "intake_sync_remote"
# The reason of the correction under way in this thread (set only by IncidentStore.correct and sync's
# renumbering); the station's rules (security/authorization.py) let a locked record change only with one.
correction_reason: ContextVar[str | None] = ContextVar("intake_correction_reason", default=None)

# Core statements for what every save does (table-level, compiled once): the ORM's unit of work would cost
# more than these few rows (measured in tests/benchmarks/test_store_benchmark.py).
_INCIDENTS = IncidentRow.__table__
_SEQUENCES = ReportSequence.__table__
_META = MetaRow.__table__
_STORED = select(_INCIDENTS.c.version, _INCIDENTS.c.record_json).where(_INCIDENTS.c.id == bindparam("id"))
_NEXT_IN_SEQUENCE = (update(_SEQUENCES)
                     .where(_SEQUENCES.c.district == bindparam("d"), _SEQUENCES.c.year == bindparam("y"))
                     .values(last=_SEQUENCES.c.last + 1).returning(_SEQUENCES.c.last))
_READ_META = select(_META.c.value).where(_META.c.key == bindparam("key"))
# A real save clears the saver's own autosave (and an ownerless one from before owners), never another user's:
# that is their unsaved typing.
_AUTOSAVES = AutosaveRow.__table__
_DROP_AUTOSAVE = delete(_AUTOSAVES).where(_AUTOSAVES.c.incident_id == bindparam("id"),
                                          or_(_AUTOSAVES.c.owner_star == bindparam("owner"), _AUTOSAVES.c.owner_star == ""))


@dataclass(frozen=True)
class ChangeEvent:
    action: str  # "create" | "update" | "status" | "delete" | "import"
    before: Incident | None
    after: Incident | None
    actor: Actor

    # Made once per change for the store and every listener (a large record takes longer to serialise than
    # to write). `after` must not change once the event exists.
    @cached_property
    def after_dict(self) -> dict[str, Any]:
        """`after` as its interchange dict (to_dict); read-only. Only a change that leaves a record has one."""
        if self.after is None:
            raise ValueError(f"A {self.action!r} change leaves no record to serialise.")
        return to_dict(self.after)

    @cached_property
    def after_json(self) -> str:
        """`after` as stored: its canonical interchange JSON (interchange.canonical_text)."""
        return canonical_text(self.after_dict)


ChangeListener = Callable[[Session, ChangeEvent], None]
BatchListener = Callable[[Session, list[ChangeEvent]], None]
FeatureState = TypeVar("FeatureState")


@overload
def _aware(value: datetime) -> datetime: ...
@overload
def _aware(value: datetime | None) -> datetime | None: ...
def _aware(value: datetime | None) -> datetime | None:
    return value.replace(tzinfo=UTC) if value is not None else None


class IncidentStore:
    def __init__(self, engine: Engine, *, catalogue: Catalogue | None = None,
                 clock: Callable[[], datetime] | None = None):
        self.engine = engine
        self.catalogue = catalogue or default_catalogue()
        self.clock = clock or (lambda: datetime.now(UTC))
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._listeners: builtins.list[ChangeListener] = []
        self._batch_variants: dict[ChangeListener, BatchListener] = {}
        self._feature_state: dict[str, object] = {}

    # ------------------------------------------------------------ plumbing

    def feature_state(self, name: str, new: Callable[[], FeatureState]) -> FeatureState:
        """A feature's state for this opened store (who signed in, its own listeners), made by `new()` on
        first use. It lives and dies with the store, and is reached through the store itself: the app's
        window may hold the store while it is still being opened (ui/shell/startup.py)."""
        if name not in self._feature_state:
            self._feature_state[name] = new()
        # The name stands for one type: every caller of one name passes the same `new`.
        return cast(FeatureState, self._feature_state[name])

    def add_listener(self, listener: ChangeListener) -> None:
        self._listeners.append(listener)

    def add_batch_variant(self, listener: ChangeListener, many: BatchListener) -> None:
        """`many(session, events)` does for a batch of changes what `listener` does for each (same rows,
        same order), in fewer statements; used where the store writes many records in one transaction."""
        self._batch_variants[listener] = many

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work that may write: takes SQLite's write lock at BEGIN (IMMEDIATE), so two writers
        queue instead of failing half-way. Other features' repositories use it too."""
        with self._sessions.begin() as session:
            session.connection(execution_options={"sqlite_immediate": True})
            yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A read-only unit of work: a deferred BEGIN, so readers never wait for or block the write lock."""
        with self._sessions.begin() as session:
            yield session

    def _notify(self, session: Session, event: ChangeEvent) -> None:
        for listener in self._listeners:
            listener(session, event)

    def _notify_many(self, session: Session, events: builtins.list[ChangeEvent]) -> None:
        for listener in self._listeners:
            many = self._batch_variants.get(listener)
            if many is not None:
                many(session, events)
            else:
                for event in events:
                    listener(session, event)

    # ------------------------------------------------------------ meta

    def _meta(self, session: Session, key: str) -> str | None:
        return read_meta(session, key)

    def _set_meta(self, session: Session, key: str, value: str) -> None:
        write_meta(session, key, value)

    def device_code(self) -> str:
        """Three characters made once per installation; part of every report number it hands out."""
        with self.transaction() as session:
            return self._device_code_in(session)

    @staticmethod
    def _device_code_in(session: Session) -> str:
        conn = session.connection()
        code = conn.scalar(_READ_META, {"key": DEVICE_CODE})
        if code is None:
            code = random_device_code()
            conn.execute(insert(_META), {"key": DEVICE_CODE, "value": code})
        return code

    def replace_device_code_in(self, session: Session, code: str) -> str:
        """Report numbers made from now on use `code` (numbers already handed out keep theirs), in the caller's
        transaction; returns the code it replaces. Only sync calls it, with a code the server gave this device."""
        if not is_device_code(code):
            raise StoreError(f"device_code: {code!r} is not a device code (three of {DEVICE_ALPHABET}).")
        previous = self._device_code_in(session)
        session.connection().execute(update(_META).where(_META.c.key == DEVICE_CODE).values(value=code))
        return previous

    def settings(self) -> StationSettings:
        with self.reading() as session:
            return self.settings_in(session)

    def settings_in(self, session: Session) -> StationSettings:
        """The settings as seen by the caller's transaction (a save reads the retention it applies here)."""
        session.flush()  # Core read (on every save): see settings saved earlier in this same transaction
        raw = session.connection().scalar(_READ_META, {"key": "station_settings"})
        return StationSettings.from_dict(json.loads(raw)) if raw else StationSettings()

    def save_settings_in(self, session: Session, settings: StationSettings) -> None:
        """In the caller's transaction, so the change and its audit entry commit together."""
        self._set_meta(session, "station_settings", json.dumps(settings.to_dict()))

    def station_value(self, key: str) -> str | None:
        """A station-wide setting kept apart from StationSettings (the idle-lock time), as text."""
        with self.reading() as session:
            return self._meta(session, "station." + key)

    def set_station_value_in(self, session: Session, key: str, value: str) -> None:
        """In the caller's transaction, so the change and its audit entry commit together."""
        self._set_meta(session, "station." + key, value)

    # ------------------------------------------------------------ reading

    def _row(self, session: Session, ref: str) -> IncidentRow | None:
        row = session.get(IncidentRow, ref)
        if row is None:
            row = session.scalars(select(IncidentRow).where(IncidentRow.report_number == ref)).first()
        return row

    def find(self, ref: str) -> Incident | None:
        """By UUID or report number."""
        with self.reading() as session:
            row = self._row(session, ref.strip())
            return from_dict(json.loads(row.record_json)) if row else None

    def get(self, ref: str) -> Incident:
        found = self.find(ref)
        if found is None:
            raise NotFound(f"No incident with id or report number {ref!r}")
        return found

    def all(self, *, include_demo: bool = True) -> builtins.list[Incident]:
        with self.reading() as session:
            stmt = select(IncidentRow.record_json).order_by(IncidentRow.occurred_at, IncidentRow.id)
            if not include_demo:
                stmt = stmt.where(IncidentRow.is_demo.is_(False))
            return [from_dict(json.loads(raw)) for raw in session.scalars(stmt)]

    def count(self) -> int:
        with self.reading() as session:
            return session.scalar(select(func.count()).select_from(IncidentRow)) or 0

    def list(self, flt: IncidentFilter | None = None) -> builtins.list[IncidentSummary]:
        flt = flt or IncidentFilter()
        stmt = select(*(_INCIDENTS.c[name] for name in SUMMARY_COLUMNS), literal_column(RETURNED_SQL).label("returned"))
        if flt.text.strip():
            query = fts_query(flt.text)
            if not query:
                return []
            # A unary + keeps SQLite off the search_rowid index, so it walks the date index instead.
            key = IncidentRow.search_rowid if self._few_matches(query) else literal_column("+incidents.search_rowid")
            stmt = stmt.where(key.in_(
                select(text("rowid")).select_from(text("incident_fts")).where(text("incident_fts MATCH :q"))
            )).params(q=query)
        if flt.status is not None:
            stmt = stmt.where(IncidentRow.status == flt.status.value)
        if flt.district is not None:
            stmt = stmt.where(IncidentRow.district == flt.district)
        if flt.occurred_from is not None:
            stmt = stmt.where(IncidentRow.occurred_at >= utc_naive(flt.occurred_from))
        if flt.occurred_to is not None:
            stmt = stmt.where(IncidentRow.occurred_at <= utc_naive(flt.occurred_to))
        if not flt.include_demo:
            stmt = stmt.where(IncidentRow.is_demo.is_(False))
        stmt = stmt.order_by(*(_INCIDENTS.c[name].desc() for name in NEWEST_FIRST)).offset(flt.offset)
        if flt.limit is not None:
            stmt = stmt.limit(flt.limit)
        with self.reading() as session:
            return [summary_of(r, _aware) for r in session.execute(stmt)]

    # Below this many matches, SQLite's own plan (look the matches up, sort them) is best; above it,
    # walking the date index newest first and stopping at the page size is (measured in tests/benchmarks).
    FEW_MATCHES = 2000

    def _few_matches(self, query: str) -> bool:
        with self.reading() as session:
            matches: int = session.scalar(
                text("SELECT count(*) FROM (SELECT rowid FROM incident_fts WHERE incident_fts MATCH :q LIMIT :n)"),
                {"q": query, "n": self.FEW_MATCHES},
            )
            return matches < self.FEW_MATCHES

    def search(self, words: str, *, limit: int = 50, offset: int = 0) -> builtins.list[IncidentSummary]:
        return self.list(IncidentFilter(text=words, limit=limit, offset=offset))

    # ------------------------------------------------------------ writing

    def _next_report_number(self, session: Session, district: int, year: int) -> str:
        conn = session.connection()
        last = conn.scalar(_NEXT_IN_SEQUENCE, {"d": district, "y": year})
        if last is None:  # the first number of this district and year
            last = 1
            conn.execute(insert(_SEQUENCES), {"district": district, "year": year, "last": last})
        return f"D{district:03d}-{year}-{self._device_code_in(session)}-{last:05d}"

    def correct(self, ref: str, new_incident: Incident, reason: str, actor: Actor) -> Incident:
        """Change an approved (or later) record: a new version with a reason; the earlier one stays on file
        (security/authorization.py keeps it)."""
        if not reason.strip():
            raise WorkflowError("reason: a correction after approval needs a reason")
        current = self.get(ref)
        if current.status not in LOCKED:
            raise WorkflowError(f"Incident {current.report_number} is {current.status.value}: edit it normally.")
        corrected = deep_copy(new_incident)
        corrected.id, corrected.report_number = current.id, current.report_number
        corrected.status, corrected.history, corrected.version = current.status, current.history, current.version
        token = correction_reason.set(reason.strip())
        try:
            return self.save(corrected, actor)
        finally:
            correction_reason.reset(token)

    def save_or_correct(self, incident: Incident, reason: str, actor: Actor) -> Incident:
        """Saves the change: as a correction with `reason` when the stored record is locked (approved or later)."""
        if self.get(incident.id).status in LOCKED:
            return self.correct(incident.id, incident, reason, actor)
        return self.save(incident, actor)

    def problems(self, incident: Incident, settings: StationSettings | None = None) -> builtins.list[Problem]:
        """The one validator with this station's RD and OEMC number patterns (save, import, status changes and
        the review page all ask here, so none holds a number to the defaults the station changed)."""
        return validate(incident, catalogue=self.catalogue, settings=settings or self.settings())

    def save(self, incident: Incident, actor: Actor) -> Incident:
        """Save a draft or an edit. Invalid values are kept in a draft (nothing typed is lost) but
        a record past draft must stay valid. Returns the stored record (new version)."""
        if incident.status != Status.DRAFT:
            blocking = blocking_for_status(self.problems(incident), incident.status)
            if blocking:
                raise ValidationError(blocking)
        now = self.clock()
        with self.transaction() as session:
            row = session.connection().execute(_STORED, {"id": incident.id}).first()
            before = from_dict(json.loads(row.record_json)) if row else None
            stored_version = row.version if row else 0
            if incident.version != stored_version:
                raise ConflictError(
                    f"Incident {incident.report_number or incident.id} was changed elsewhere "
                    f"(version {stored_version}, yours is based on {incident.version}); nothing was saved."
                )
            # Footage deadlines are derived (start + the station's retention), so every save recomputes them.
            station = self.settings_in(session)
            after = with_deadlines(incident, station.retention_days, settings=station)
            after.version = stored_version + 1
            after.created_at = before.created_at if before else now
            after.updated_at = now
            if not after.report_number and after.district is not None and after.occurred_at is not None:
                after.report_number = self._next_report_number(session, after.district, after.occurred_at.year)
            event = ChangeEvent("update" if before else "create", before, after, actor)
            write_row(session, after, exists=row is not None, record_json=event.after_json)
            session.connection().execute(_DROP_AUTOSAVE, {"id": after.id, "owner": actor.star})
            self._notify(session, event)
            return after

    def change_status(self, ref: str, to: Status, actor: Actor, *, comment: str = "", expected_version: int | None = None) -> Incident:
        now = self.clock()
        with self.transaction() as session:
            row = self._row(session, ref)
            if row is None:
                raise NotFound(f"No incident with id or report number {ref!r}")
            before = from_dict(json.loads(row.record_json))
            if expected_version is not None and expected_version != before.version:
                raise ConflictError(f"Incident {before.report_number} was changed elsewhere; reload it first.")
            after = transition(before, to, actor, comment=comment, now=now, catalogue=self.catalogue,
                               settings=self.settings_in(session))
            after.version = before.version + 1
            after.updated_at = now
            event = ChangeEvent("status", before, after, actor)
            write_row(session, after, exists=True, record_json=event.after_json)
            self._notify(session, event)
            return after

    def delete_draft(self, ref: str, actor: Actor) -> None:
        with self.transaction() as session:
            row = self._row(session, ref)
            if row is None:
                raise NotFound(f"No incident with id or report number {ref!r}")
            if row.status != Status.DRAFT.value:
                raise StoreError("Only drafts can be deleted; submitted records are kept.")
            before = from_dict(json.loads(row.record_json))
            # Listeners first: the link index finds the record's place row before the delete cascades it away
            # (the other way round left an orphan in the R*Tree whose id a later record then collided with).
            self._notify(session, ChangeEvent("delete", before, None, actor))
            delete_row(session, row.id)
            session.execute(delete(AutosaveRow).where(AutosaveRow.incident_id == before.id))

    def add_incoming(self, session: Session, incidents: builtins.list[Incident], actor: Actor, *,
                     records: Sequence[dict[str, Any] | None] = ()) -> None:
        """Records from the server that this store does not hold yet (a pulled page), in the caller's
        transaction: projected and passed to every listener like imports, in a few statements per page.
        `records`: beside each incident, its interchange dict (to_dict) if the caller made it already (the pull
        did, to check the record), or None; it becomes the event's after_dict, which is not made again."""
        events = [ChangeEvent("import", None, inc, actor) for inc in incidents]
        for event, record in zip(events, records, strict=False):
            if record is not None:
                event.__dict__["after_dict"] = record  # what the cached_property keeps, given before it is read
        insert_rows(session, [(inc, event.after_json) for inc, event in zip(incidents, events, strict=True)])
        self._notify_many(session, events)

    def replace_incoming(self, session: Session, before: Incident, after: Incident, actor: Actor) -> None:
        """A stored record rewritten in the caller's (sync) transaction, as sync decided it (a newer version
        from the server, or a conflict settled): projected and passed to every listener like an edit."""
        event = ChangeEvent("update", before, after, actor)
        write_row(session, after, exists=True, record_json=event.after_json)
        self._notify(session, event)

    def remove_incoming(self, session: Session, draft: Incident, actor: Actor) -> None:
        """A draft deleted on another device, removed here in the caller's (sync) transaction with the same
        clean-up and listeners as delete_draft. A form still autosaved here is kept: it is typed input."""
        self._notify(session, ChangeEvent("delete", draft, None, actor))  # before the row goes (see delete_draft)
        delete_row(session, draft.id)

    def import_incidents(self, incidents: builtins.list[Incident], actor: Actor) -> builtins.list[Incident]:
        """All or nothing. Records keep their ids, versions and history (a lossless round trip);
        re-importing an identical record is a no-op, a different one with the same id is refused."""
        problems = []
        settings = self.settings()
        for i, inc in enumerate(incidents):
            prefix = f"[{i}]." if len(incidents) > 1 else ""
            for p in blocking_for_status(self.problems(inc, settings), inc.status):
                problems.append(type(p)(prefix + p.path, p.message, p.severity))
        if problems:
            raise ValidationError(problems)
        now = self.clock()
        stored: builtins.list[Incident] = []
        with self.transaction() as session:
            existing = self._existing_records(session, [inc.id for inc in incidents])
            taken = self._taken_report_numbers(session, [inc.report_number for inc in incidents if inc.report_number])
            for inc in incidents:
                known = existing.get(inc.id)
                if known is not None:
                    if canonical_json(known) == canonical_json(inc):
                        stored.append(known)
                        continue
                    raise ConflictError(f"Incident {inc.id} already exists here with different content; nothing was imported.")
                if inc.report_number and inc.report_number in taken:
                    raise ConflictError(f"Report number {inc.report_number} is already used by another incident; nothing was imported.")
                after = deep_copy(inc)
                after.version = max(after.version, 1)
                after.created_at = after.created_at or now
                after.updated_at = after.updated_at or now
                if not after.report_number and after.district is not None and after.occurred_at is not None:
                    after.report_number = self._next_report_number(session, after.district, after.occurred_at.year)
                event = ChangeEvent("import", None, after, actor)
                write_row(session, after, exists=False, record_json=event.after_json)
                existing[after.id] = after
                taken.add(after.report_number)
                self._notify(session, event)
                stored.append(after)
        return stored

    @staticmethod
    def _existing_records(session: Session, ids: builtins.list[str]) -> dict[str, Incident]:
        found: dict[str, Incident] = {}
        for chunk in chunked(ids):
            for raw in session.scalars(select(IncidentRow.record_json).where(IncidentRow.id.in_(chunk))):
                inc = from_dict(json.loads(raw))
                found[inc.id] = inc
        return found

    @staticmethod
    def _taken_report_numbers(session: Session, numbers: builtins.list[str]) -> set[str]:
        taken: set[str] = set()
        for chunk in chunked(numbers):
            taken.update(session.scalars(select(IncidentRow.report_number).where(IncidentRow.report_number.in_(chunk))))
        return taken

    # ------------------------------------------------------------ autosave

    def autosave(self, incident: Incident, owner_star: str = "") -> None:
        """Keep the form as typed by `owner_star` (the signed-in user's star), encrypted with the rest of the
        store; cleared by that user's real save. Each user's form is their own: another user's is never
        overwritten, nor offered to anyone but its owner (autosaves())."""

        with self.transaction() as session:
            row = session.get(AutosaveRow, (incident.id, owner_star))
            payload = json.dumps(to_dict(incident), ensure_ascii=False)
            if row:
                row.record_json, row.saved_at = payload, utc_naive(self.clock())
            else:
                session.add(AutosaveRow(incident_id=incident.id, owner_star=owner_star,
                                        saved_at=utc_naive(self.clock()), record_json=payload))

    def autosaves(self, owner_star: str | None = None) -> builtins.list[tuple[datetime, Incident]]:
        """The forms `owner_star` typed and did not save. A form from before autosaves had owners belongs to
        the supervisor its record names. None: every form (for the store's own tests and maintenance only;
        the app always asks for the signed-in user's)."""
        with self.reading() as session:
            query = select(AutosaveRow).order_by(AutosaveRow.saved_at)
            if owner_star is not None:
                query = query.where(AutosaveRow.owner_star.in_((owner_star, "")))
            found = []
            for r in session.scalars(query).all():
                incident = from_dict(json.loads(r.record_json))
                if owner_star is not None and not r.owner_star:
                    entered = incident.supervisor.star if incident.supervisor else ""
                    if not owner_star or entered != owner_star:
                        continue
                found.append((_aware(r.saved_at), incident))
            return found

    def discard_autosave(self, incident_id: str, owner_star: str | None = None) -> None:
        """Drop `owner_star`'s form for this incident (and an ownerless one from before owners); None: every
        user's form for it."""
        with self.transaction() as session:
            query = delete(AutosaveRow).where(AutosaveRow.incident_id == incident_id)
            if owner_star is not None:
                query = query.where(AutosaveRow.owner_star.in_((owner_star, "")))
            session.execute(query)
