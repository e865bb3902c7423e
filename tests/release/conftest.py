"""Stores of released and unreleased incidents, built through the real workflow."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from intake_app.domain.enums import ReviewDecision, Status
from intake_app.domain.workflow import has_felony
from intake_app.reports.felony_review import record_decision
from intake_app.reports.release import ReleaseOptions, publish

CHICAGO = ZoneInfo("America/Chicago")

PATHS = {
    Status.DRAFT: [],
    Status.IN_REVIEW: [Status.IN_REVIEW],
    Status.APPROVED: [Status.IN_REVIEW, Status.APPROVED],
    Status.REFERRED: [Status.IN_REVIEW, Status.APPROVED, Status.REFERRED],
    Status.RECORDED: [Status.IN_REVIEW, Status.APPROVED, Status.RECORDED],
}


def stored_as(store, actor, incident, status: Status, *, closed: bool = False):
    """Saves the incident and walks it through the workflow to `status` (then closes it if asked)."""
    saved = store.save(incident, actor)
    for to in PATHS[status]:
        saved = store.change_status(saved.id, to, actor)
    if closed:
        if saved.status == Status.REFERRED:  # closed after the felony review's decision
            saved = record_decision(store, saved.id, actor, ReviewDecision.DECLINED, decided_on=saved.updated_at.date(),
                                    asa_name="ASA Test Prosecutor")
        saved = store.change_status(saved.id, Status.CLOSED, actor)
    return saved


def outcome(incident) -> Status:
    return Status.REFERRED if has_felony(incident) else Status.RECORDED


def on(day: str, hour: int = 14) -> datetime:
    y, m, d = map(int, day.split("-"))
    return datetime(y, m, d, hour, 0, tzinfo=CHICAGO)


@pytest.fixture
def release_dir(tmp_path) -> Path:
    return tmp_path / "release"


@pytest.fixture
def run_release(store, release_dir):
    def run(**options):
        return publish(store, release_dir, ReleaseOptions(**options))
    return run
