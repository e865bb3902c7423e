"""Store extension (review and station security): the core, not only the UI, decides who may change what.

Runs inside the change's transaction and raises PermissionError there, so a refused change rolls back
whole. The role is looked up in the users table by star and the star must be signed in on this store
(`users.sign_in`): an Actor built by hand carries no rights. Enforcement starts once the first
administrator exists; before that (fresh install, scripts, the store's own tests) every change is
allowed, and the sign-in screen asks for that first administrator.

Approved records (and later statuses) are read-only in every case; `IncidentStore.correct` is the
one way to change them, with a reason, and the version before the correction is kept.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain.actor import Actor
from ..domain.enums import Status
from ..domain.interchange import to_dict
from ..domain.matching import AGENT_LINK
from ..domain.records import Incident
from ..domain.roles import ADMINISTRATOR, REVIEWER, SUPERVISOR
from ..domain.workflow import LOCKED
from ..storage import user_tables  # noqa: F401  (declares the tables on Base)
from ..storage.links.decisions import add_decision_guard
from ..storage.repository import REMOTE_FLAG, ChangeEvent, IncidentStore, correction_reason
from ..storage.user_tables import RecordVersionRow, UserRow
from .users import is_signed_in

ENTER = (SUPERVISOR, REVIEWER)
# (from, to) -> roles that may make the step
STEPS: dict[tuple[Status, Status], tuple[str, ...]] = {
    (Status.DRAFT, Status.IN_REVIEW): ENTER,
    (Status.IN_REVIEW, Status.DRAFT): (REVIEWER,),
    (Status.IN_REVIEW, Status.APPROVED): (REVIEWER,),
    (Status.APPROVED, Status.REFERRED): (REVIEWER,),
    (Status.APPROVED, Status.RECORDED): (REVIEWER,),
    (Status.REFERRED, Status.CLOSED): (REVIEWER,),
    (Status.RECORDED, Status.CLOSED): (REVIEWER,),
}


_ANY_USER = select(func.count()).select_from(UserRow)


def enforcing(session: Session) -> bool:
    # Core on the session's connection (asked on every save); flushed first so a user added in this
    # same transaction counts, as the ORM's autoflush would have made it.
    session.flush()
    return bool(session.connection().scalar(_ANY_USER))


def role_of(session: Session, store: IncidentStore, star: str) -> str:
    row = session.get(UserRow, star)
    if row is None or not row.active:
        raise PermissionError(f"Star {star or '(none)'} is not an active user of this station.")
    if not is_signed_in(store, star):
        raise PermissionError(f"Star {star} is not signed in.")
    return row.role


def _check_role(session: Session, store: IncidentStore, event: ChangeEvent) -> None:
    role = role_of(session, store, event.actor.star)
    if role == ADMINISTRATOR:
        raise PermissionError("Administrators manage users and settings; records are entered and reviewed "
                              "by supervisors and reviewers.")
    before, after = event.before, event.after
    if event.action == "status":
        assert before is not None and after is not None, "a status change has a before and an after"
        allowed = STEPS.get((before.status, after.status), ())
        if role not in allowed:
            raise PermissionError(f"A {role} cannot make an incident {after.status.value} "
                                  f"(needs: {', '.join(allowed) or 'nobody'}).")
        if after.status == Status.APPROVED and _submitted_by(before) == event.actor.star:
            raise PermissionError("You submitted this incident; another reviewer must approve it.")
    elif event.action == "update" and before is not None and before.status == Status.IN_REVIEW and role != REVIEWER:
        raise PermissionError("This incident is in review; a reviewer returns it before it can be edited.")


def _submitted_by(incident: Incident) -> str:
    for change in reversed(incident.history):
        if change.to_status == Status.IN_REVIEW:
            return change.by_star
    return ""


def _snapshot(session: Session, event: ChangeEvent, kind: str, reason: str,
              incident: Incident | None = None) -> None:
    after = incident or event.after
    assert after is not None, "a snapshot is of a record that exists"
    session.add(RecordVersionRow(
        incident_id=after.id, record_version=after.version, kind=kind, reason=reason,
        actor_name=event.actor.name, actor_star=event.actor.star,
        at=datetime.now(UTC).replace(tzinfo=None), record_json=json.dumps(to_dict(after), ensure_ascii=False),
    ))


def make_listener(store: IncidentStore):
    def on_change(session: Session, event: ChangeEvent) -> None:
        if session.info.get(REMOTE_FLAG):
            return
        reason = correction_reason.get()
        before = event.before
        if event.action == "update" and before is not None and before.status in LOCKED:
            if reason is None:
                raise PermissionError(f"Incident {before.report_number} is {before.status.value} and read-only; "
                                      "make a correction with a reason instead.")
            if event.after is not None and event.after.status != before.status:
                raise PermissionError("A correction cannot change the status.")
        elif event.action == "delete" and before is not None and before.status != Status.DRAFT:
            raise PermissionError("Only drafts can be deleted.")
        if enforcing(session):
            _check_role(session, store, event)
        if event.action == "update" and before is not None and before.status in LOCKED:
            kept = session.scalar(select(RecordVersionRow.id).where(
                RecordVersionRow.incident_id == before.id, RecordVersionRow.record_version == before.version))
            if kept is None:  # approved before versions were kept: keep it now, before it changes
                _snapshot(session, event, "before correction", "", before)
            _snapshot(session, event, "correction", reason or "")
        elif event.action == "status" and event.after is not None and event.after.status == Status.APPROVED:
            _snapshot(session, event, "approved", "")
    return on_change


def check_link_decision(session: Session, store: IncidentStore, actor: Actor, kind: str) -> None:
    """Once the station has users, a reviewer judges agent links; a supervisor or a reviewer may link or
    dismiss a possible duplicate of one event. Raises PermissionError otherwise."""
    if not enforcing(session):
        return
    allowed = (REVIEWER,) if kind == AGENT_LINK else (SUPERVISOR, REVIEWER)
    role = role_of(session, store, actor.star)
    if role not in allowed:
        what = "an agent link" if kind == AGENT_LINK else "a same-event link"
        raise PermissionError(f"A {role} cannot decide {what}; it takes a {' or a '.join(allowed)}.")


def install(store: IncidentStore) -> None:
    store.add_listener(make_listener(store))
    add_decision_guard(store, check_link_decision)
