"""Marking a referral as sent to the CCSAO, and adding the CCSAO's reference number when it arrives.

A referred record is read-only, so the mark is saved as a correction with a stated reason: the version
before it stays on file and the audit trail shows the change field by field.
"""

from __future__ import annotations

import copy
from datetime import UTC, datetime

from ..domain.actor import Actor
from ..domain.enums import Status
from ..domain.records import Incident
from ..domain.workflow import WorkflowError, has_felony
from ..storage.repository import IncidentStore


def mark_referral_sent(store: IncidentStore, ref: str, actor: Actor, *, sent_at: datetime | None = None,
                       reference: str | None = None) -> Incident:
    """Sets when the packet went to the CCSAO (now, unless given or already set) and/or its reference."""
    inc = store.get(ref)
    if not has_felony(inc) or inc.status not in (Status.APPROVED, Status.REFERRED):
        raise WorkflowError(f"{inc.report_number}: only an approved or referred incident with a felony can be "
                            f"sent to the CCSAO (its status is {inc.status.value})")
    if sent_at is not None and sent_at.tzinfo is None:
        raise WorkflowError("referral_sent_at: needs a time zone")
    changed = copy.deepcopy(inc)
    if sent_at is not None:
        changed.referral_sent_at = sent_at
    elif changed.referral_sent_at is None:
        changed.referral_sent_at = datetime.now(UTC).replace(microsecond=0)
    if reference is not None:
        changed.ccsao_reference = reference.strip()
    if (changed.referral_sent_at, changed.ccsao_reference) == (inc.referral_sent_at, inc.ccsao_reference):
        return inc  # nothing new: no version, no audit noise
    reason = "CCSAO reference number added" if inc.referral_sent_at else "referral packet sent to the CCSAO"
    return store.save_or_correct(changed, reason, actor)
