"""The incident-level rows of the public release, read from the store's projection tables.

Only columns that carry no personal data are ever selected: names, phones, badges, plates, narrative,
violation details, exact addresses and coordinates never leave the database here (the block is derived
from the address in memory and the address dropped).
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import text

from ..domain.catalogue import is_felony_class
from ..domain.enums import Status
from .block_location import block_of

CHICAGO = ZoneInfo("America/Chicago")
RELEASED = (Status.APPROVED, Status.REFERRED, Status.RECORDED)
# A closed incident is released when it was referred or recorded before it was closed: it had passed review
# and its outcome is known. One closed straight from review (withdrawn, duplicate) is not.
CLOSED_AFTER = {Status.REFERRED.value, Status.RECORDED.value}


@dataclass
class ReleaseRow:
    report_number: str
    occurred_on: date
    district: int | None
    beat: str
    block: str
    status: str
    is_demo: bool
    referred: bool = False
    agencies: list[str] = field(default_factory=list)
    statutes: list[str] = field(default_factory=list)
    offence_classes: list[str] = field(default_factory=list)
    footage_items: int = 0
    footage_with_deadline: int = 0
    footage_preserved: int = 0
    footage_preserved_on_time: int = 0
    # After the referral: the felony review's current decision ("" when none yet); footage flagged under the
    # Body Camera Act.
    review_decision: str = ""
    footage_flagged: int = 0
    # What the order has CPD do on scene, without names: the federal supervisor's credential check ("" when not
    # recorded), the people injured, EMS summoned, aid rendered by CPD ("" when the injury section is unanswered).
    credential_check: str = ""
    injured_count: int = 0
    ems_summoned: bool = False
    aid_rendered: str = ""

    @property
    def month(self) -> str:
        return self.occurred_on.strftime("%Y-%m")

    @property
    def felony(self) -> bool:
        return any(is_felony_class(c) for c in self.offence_classes)


def _local_date(stored: str | datetime) -> date:
    at = stored if isinstance(stored, datetime) else datetime.fromisoformat(stored)
    return at.replace(tzinfo=UTC).astimezone(CHICAGO).date()


def fetch_rows(session, *, date_from: date | None, date_to: date | None, include_demo: bool) -> list[ReleaseRow]:
    """Released incidents whose local occurrence date lies in [date_from, date_to], sorted by date then number."""
    where = ["status IN ('approved','referred','recorded','closed')", "occurred_at IS NOT NULL"]
    if not include_demo:
        where.append("is_demo = 0")
    # The full record is read only for closed rows: their history decides whether they are released.
    sql = ("SELECT id, report_number, occurred_at, district, beat, address, status, is_demo, "
           "CASE WHEN status = 'closed' THEN record_json END, review_decision, credential_check, injured_count, "
           "ems_summoned, aid_rendered FROM incidents WHERE "
           + " AND ".join(where))
    rows: dict[str, ReleaseRow] = {}
    for (iid, number, occurred, district, beat, address, status, demo, record, decision, check, injured, ems,
         aid) in session.execute(text(sql)):
        on = _local_date(occurred)
        if (date_from and on < date_from) or (date_to and on > date_to):
            continue
        outcomes = _outcomes(record) if status == Status.CLOSED.value else {status}
        if not outcomes & CLOSED_AFTER and status == Status.CLOSED.value:
            continue
        rows[iid] = ReleaseRow(number or "", on, district, beat or "", block_of(address), status, bool(demo),
                               referred=Status.REFERRED.value in outcomes, review_decision=decision or "",
                               credential_check=check or "", injured_count=injured or 0, ems_summoned=bool(ems),
                               aid_rendered=aid or "")
    _attach_children(session, rows)
    return sorted(rows.values(), key=lambda r: (r.occurred_on, r.report_number))


def _outcomes(record_json: str | None) -> set[str]:
    """The statuses a closed record passed through."""
    history = json.loads(record_json or "{}").get("history", [])
    return {h.get("to_status") for h in history}


def _attach_children(session, rows: dict[str, ReleaseRow]) -> None:
    if not rows:
        return
    agencies: dict[str, set[str]] = defaultdict(set)
    for iid, agency in session.execute(text("SELECT incident_id, agency FROM incident_agents")):
        if iid in rows:
            agencies[iid].add(agency)
    for iid, names in agencies.items():
        rows[iid].agencies = sorted(names)
    for iid, statute, klass in session.execute(
            text("SELECT incident_id, statute, offence_class FROM incident_violations ORDER BY incident_id, position")):
        row = rows.get(iid)
        if row is not None:
            row.statutes.append(statute)
            row.offence_classes.append(klass)
    for iid, status, deadline, flagged in session.execute(
            text("SELECT incident_id, preservation_status, preservation_deadline, flagged_at FROM incident_footage")):
        row = rows.get(iid)
        if row is not None:
            row.footage_flagged += flagged is not None
            row.footage_items += 1
            row.footage_with_deadline += deadline is not None
            row.footage_preserved += status == "preserved"
            # Footage with a deadline is purged after it: if it is recorded as preserved, the hold came in time.
            row.footage_preserved_on_time += status == "preserved" and deadline is not None
