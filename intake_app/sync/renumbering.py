"""A report number the server found already held by another incident (two computers that once made numbers
with the same device code). The server kept the record as a conflict and took nothing; here the record stays
as it is, marked, until the supervisor gives it a new number, which is then sent like any change."""

from __future__ import annotations

import json
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.actor import Actor
from ..domain.interchange import from_dict, to_dict
from ..domain.records import Incident
from ..domain.workflow import LOCKED
from ..security.audit import record_action_in
from ..storage.chunks import chunked
from ..storage.repository import IncidentStore, correction_reason
from ..storage.tables import IncidentRow
from . import state
from .report import SYNC_ACTOR

NUMBERS_TAKEN = "numbers_taken"  # sync state: JSON {incident id: the refused number}
# Sync state: JSON {incident id: record} of records pulled from the server whose number a record here still
# holds; stored as soon as that record is renumbered (the feed's cursor has moved on: they wait here).
WAITING = "numbers_waiting"
REASON = "report number already used by another incident on the sync server"


def number_taken_note(number: str) -> str:
    return (f"Report number {number} is already used on the server by another incident, so this record was not "
            f"sent; it is kept here. Give it a new number: intake renumber {number}")


def number_taken_in(session: Session, incident_id: str, number: str) -> None:
    taken = json.loads(state.get(session, NUMBERS_TAKEN, "{}"))
    taken[incident_id] = number
    state.put(session, NUMBERS_TAKEN, json.dumps(taken, sort_keys=True))
    record_action_in(session, incident_id, "sync: report number taken", SYNC_ACTOR,
                     f"{number} is held by another incident on the server; not sent")


def numbers_taken(store: IncidentStore) -> dict[str, str]:
    """{incident id: refused number} of the records still waiting for a new number (a renumbered record
    no longer carries the refused one)."""
    refused = json.loads(state.read(store, NUMBERS_TAKEN, "{}"))
    waiting = {}
    for incident_id, number in refused.items():
        found = store.find(incident_id)
        if found is not None and found.report_number == number:
            waiting[incident_id] = number
    return waiting


def held_here_in(session: Session, incoming: Iterable[Incident]) -> dict[str, str]:
    """{pulled incident id: id of the record here that holds its report number}."""
    numbers: dict[str, str] = {inc.report_number: inc.id for inc in incoming if inc.report_number}
    held: dict[str, str] = {}
    for chunk in chunked(numbers):
        for number, local in session.execute(select(IncidentRow.report_number, IncidentRow.id)
                                             .where(IncidentRow.report_number.in_(chunk))):
            pulled = numbers.get(number) if number is not None else None
            if pulled is not None and local != pulled:
                held[pulled] = local
    return held


def wait_in(session: Session, incoming: Incident, holder_here: str) -> None:
    """A pulled record whose number a record here holds: kept aside (nothing is lost), and the record here is
    marked for a new number (the server's record had it first)."""
    waiting = json.loads(state.get(session, WAITING, "{}"))
    waiting[incoming.id] = to_dict(incoming)
    state.put(session, WAITING, json.dumps(waiting, ensure_ascii=False, sort_keys=True))
    number_taken_in(session, holder_here, incoming.report_number)


def _store_waiting(store: IncidentStore) -> None:
    from .apply_step import apply_remote_in  # here: the apply step asks this module who holds a number

    with store.transaction() as session:
        waiting = {i: from_dict(r) for i, r in json.loads(state.get(session, WAITING, "{}")).items()}
        if not waiting:
            return
        still = held_here_in(session, waiting.values())
        apply_remote_in(session, store, [inc for i, inc in waiting.items() if i not in still])
        state.put(session, WAITING, json.dumps({i: to_dict(waiting[i]) for i in still}, ensure_ascii=False,
                                               sort_keys=True))


def renumber(store: IncidentStore, ref: str, actor: Actor) -> Incident:
    """A new report number (this device's code, next in its sequence), saved like any edit: audited, queued.
    On an approved (or later) record it is a correction with its reason, so the earlier version is kept."""
    incident = store.get(ref)
    incident.report_number = ""  # the store gives a new one on save
    token = correction_reason.set(REASON) if incident.status in LOCKED else None
    try:
        saved = store.save(incident, actor)
    finally:
        if token is not None:
            correction_reason.reset(token)
    _store_waiting(store)  # the server's record that had the number first, if it was pulled meanwhile
    return saved
