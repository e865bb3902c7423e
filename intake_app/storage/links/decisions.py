"""Reviewers' decisions on links: confirm, reject, dismiss. Kept for good and audited.

Nothing is merged or deleted: a confirmed link only records that two incidents belong together;
both keep their own record and history. A rejected or dismissed pair is never suggested again
(unless a reviewer later confirms it explicitly: that decision is kept too, after the first).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from datetime import UTC
from typing import Any

from sqlalchemy import Row, insert, or_, select, text
from sqlalchemy.orm import Session

from ...domain.actor import Actor
from ...domain.identifiers import PLATE
from ...domain.matching import DECISIONS, LINK_KINDS, LinkDecision, Shared, ordered_pair
from ..errors import NotFound
from ..repository import IncidentStore
from ..tables import IncidentRow
from .tables import LinkDecisionRow

DECISIONS_TABLE = LinkDecisionRow.__table__
ACTIONS = {"confirmed": "link_confirmed", "rejected": "link_rejected", "dismissed": "link_dismissed"}

# Features that act inside every decision's transaction (the sync outbox queues it there), called with the
# session and the row as inserted. Kept per store, like the store's change listeners.
DecisionListener = Callable[[Session, dict[str, Any]], None]


def _listeners(store: IncidentStore) -> list[DecisionListener]:
    return store.feature_state("link_decision_listeners", list)


def add_decision_listener(store: IncidentStore, listener: DecisionListener) -> None:
    _listeners(store).append(listener)


# Features that may refuse a decision before it is written (the station's roles, security/authorization.py):
# called with the session, the store, the actor and the link kind; they raise PermissionError to refuse.
DecisionGuard = Callable[[Session, IncidentStore, Actor, str], None]
# Features that record each decision on both incidents (the audit chain, security/audit.py), in the
# decision's own transaction: called with the session, the incident, the action, the actor and the detail.
DecisionRecorder = Callable[[Session, str, str, Actor, str], None]


def _guards(store: IncidentStore) -> list[DecisionGuard]:
    return store.feature_state("link_decision_guards", list)


def _recorders(store: IncidentStore) -> list[DecisionRecorder]:
    return store.feature_state("link_decision_recorders", list)


def add_decision_guard(store: IncidentStore, guard: DecisionGuard) -> None:
    _guards(store).append(guard)


def add_decision_recorder(store: IncidentStore, recorder: DecisionRecorder) -> None:
    _recorders(store).append(recorder)


class LinkError(ValueError):
    """A link decision that cannot be taken as asked (same incident twice, unknown kind...)."""


def resolve_id(session: Session, ref: str) -> IncidentRow:
    ref = ref.strip()
    row = session.get(IncidentRow, ref)
    if row is None:
        row = session.scalars(select(IncidentRow).where(IncidentRow.report_number == ref)).first()
    if row is None:
        raise NotFound(f"No incident with id or report number {ref!r}")
    return row


def _as_decision(row: Row[*tuple[Any, ...]]) -> LinkDecision:
    return LinkDecision(row.incident_a, row.incident_b, row.kind, row.decision, row.actor_name, row.actor_star,
                        row.decided_at.replace(tzinfo=UTC), row.note, tuple(json.loads(row.shared_json or "[]")),
                        row.station or "")


def decision_history(session: Session, incident_id: str) -> list[LinkDecision]:
    """Every decision touching the incident, oldest first."""
    t = DECISIONS_TABLE
    # In the order they were taken, wherever: decisions from other stations arrive by sync after ours.
    rows = session.execute(select(t).where(or_(t.c.incident_a == incident_id, t.c.incident_b == incident_id))
                           .order_by(t.c.decided_at, t.c.id))
    return [_as_decision(r) for r in rows]


def current_decisions(session: Session, incident_id: str) -> dict[tuple[str, str], LinkDecision]:
    """The standing decision per (other incident, kind): the latest taken wins, so every device that holds
    the same decisions agrees on it, whatever order sync brought them in."""
    latest: dict[tuple[str, str], LinkDecision] = {}
    for d in decision_history(session, incident_id):
        other = d.incident_b if d.incident_a == incident_id else d.incident_a
        latest[(other, d.kind)] = d
    return latest


def shared_between(session: Session, a: str, b: str) -> list[Shared]:
    """Identifiers the two stored incidents have in common (a plate counts only if the states agree)."""
    found = []
    for r in session.execute(text(
        "SELECT x.kind, x.value, x.state AS sa, y.state AS sb, x.display AS da, y.display AS db "
        "FROM incident_identifiers x JOIN incident_identifiers y ON y.kind = x.kind AND y.value = x.value "
        "WHERE x.incident_id = :a AND y.incident_id = :b"), {"a": a, "b": b}):
        if r.kind != PLATE or not r.sa or not r.sb or r.sa == r.sb:
            found.append(Shared(r.kind, r.value, r.sa if r.sa == r.sb else "", r.da, r.db))
    return found


def decide(store: IncidentStore, a: str, b: str, kind: str, decision: str, actor: Actor,
           note: str = "") -> LinkDecision:
    """Record a reviewer's decision on the pair (a, b); `a`/`b` are ids or report numbers."""
    if kind not in LINK_KINDS:
        raise LinkError(f"kind: must be one of {', '.join(LINK_KINDS)}, not {kind!r}")
    if decision not in DECISIONS:
        raise LinkError(f"decision: must be one of {', '.join(DECISIONS)}, not {decision!r}")
    if not (actor.name.strip() and actor.star.strip()):
        raise LinkError("actor: a link decision needs the reviewer's name and star number")
    if "\x00" in note:  # it could never be sent to headquarters (sync)
        raise LinkError("note: must not contain a NUL character")
    now = store.clock()
    with store.transaction() as session:
        for guard in _guards(store):
            guard(session, store, actor, kind)
        row_a, row_b = resolve_id(session, a), resolve_id(session, b)
        if row_a.id == row_b.id:
            raise LinkError(f"An incident cannot be linked to itself ({row_a.report_number or row_a.id})")
        first, second = ordered_pair(row_a.id, row_b.id)
        shared = tuple(x.describe() for x in shared_between(session, first, second))
        values = {"incident_a": first, "incident_b": second, "kind": kind, "decision": decision,
                  "actor_name": actor.name, "actor_star": actor.star,
                  "decided_at": now.astimezone(UTC).replace(tzinfo=None), "note": note,
                  "shared_json": json.dumps(list(shared), ensure_ascii=False), "sync_key": str(uuid.uuid4()),
                  "station": ""}
        session.connection().execute(insert(DECISIONS_TABLE), values)
        for listener in _listeners(store):
            listener(session, values)
        numbers = {row_a.id: row_a.report_number or row_a.id, row_b.id: row_b.report_number or row_b.id}
        for this, other in ((first, second), (second, first)):
            detail = f"{kind} link with {numbers[other]} {decision}" + (f": {note}" if note else "")
            for recorder in _recorders(store):
                recorder(session, this, ACTIONS[decision], actor, detail)
        return LinkDecision(first, second, kind, decision, actor.name, actor.star, now.astimezone(UTC), note,
                            shared)
