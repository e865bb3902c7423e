"""Recording the CCSAO felony review after a referral: each decision, and Touhy requests for federal evidence.

A referred record is read-only, so each change is saved as a correction with a stated reason (as the referral's
mark is, reports/referral.py): the version before it stays on file, the audit trail shows the change field by
field, and the sync sends it to headquarters like any other save.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from datetime import date

from ..domain.actor import Actor
from ..domain.enums import Agency, ReviewDecision, TouhyStatus, label
from ..domain.records import ApprovedCharge, Incident, TouhyRequest
from ..domain.workflow import WorkflowError, may_request_touhy, record_review_step
from ..security.review import correct_approved
from ..storage.repository import IncidentStore


def record_decision(store: IncidentStore, ref: str, actor: Actor, decision: ReviewDecision, *, decided_on: date,
                    charges: Sequence[ApprovedCharge] = (), comment: str = "", asa_name: str | None = None,
                    asa_unit: str | None = None, reference: str | None = None) -> Incident:
    inc = store.get(ref)
    changed = record_review_step(inc, decision, actor, decided_on=decided_on, charges=list(charges), comment=comment,
                                 asa_name=asa_name, asa_unit=asa_unit, reference=reference, now=store.clock(),
                                 catalogue=store.catalogue)
    return correct_approved(store, inc.id, changed, f"felony review: {label(decision).lower()}", actor)


def add_touhy_request(store: IncidentStore, ref: str, actor: Actor, *, agency: Agency, what: str,
                      sent_on: date | None, agency_name: str = "") -> Incident:
    """The store's save runs the one validator over the changed record: a request that does not say what it
    asks for, names no agency when it is "other federal", or was sent in the future is refused with the field's
    path, and nothing is written."""
    inc = store.get(ref)
    _touhy_allowed(inc)
    changed = copy.deepcopy(inc)
    changed.felony_review.touhy_requests.append(
        TouhyRequest(agency=agency, agency_name=agency_name.strip(), what=what.strip(), sent_on=sent_on))
    return correct_approved(store, inc.id, changed, "felony review: Touhy request sent", actor)


def set_touhy_status(store: IncidentStore, ref: str, actor: Actor, request_id: str, status: TouhyStatus) -> Incident:
    inc = store.get(ref)
    _touhy_allowed(inc)
    changed = copy.deepcopy(inc)
    request = next((t for t in changed.felony_review.touhy_requests if t.id == request_id), None)
    if request is None:
        raise WorkflowError(f"felony_review.touhy_requests: no request {request_id} in {inc.report_number}")
    if request.status == status:
        return inc
    request.status = status
    return correct_approved(store, inc.id, changed, f"felony review: Touhy request {status.value}", actor)


def _touhy_allowed(inc: Incident) -> None:
    if not may_request_touhy(inc.status):
        raise WorkflowError(f"{inc.report_number}: Touhy requests are recorded after the referral to CCSAO "
                            f"(this incident is {inc.status.value})")
