"""Which incidents a release holds: reviewed outcomes only, within the dates asked, demo only on request."""

from __future__ import annotations

import csv

from intake_app.domain.enums import Status
from tests.factories import make_incident

from .conftest import on, stored_as


def _refs(release_dir, name="incidents.csv") -> set[str]:
    with open(release_dir / name, newline="") as f:
        return {row["incident_ref"] for row in csv.DictReader(f)}


def test_drafts_and_incidents_in_review_are_never_released(store, actor, run_release, release_dir):
    draft = stored_as(store, actor, make_incident(), Status.DRAFT)
    in_review = stored_as(store, actor, make_incident(), Status.IN_REVIEW)
    approved = stored_as(store, actor, make_incident(), Status.APPROVED)
    referred = stored_as(store, actor, make_incident(), Status.REFERRED)
    recorded = stored_as(store, actor, make_incident(felony=False), Status.RECORDED)
    run_release()
    refs = _refs(release_dir)
    assert refs == {approved.report_number, referred.report_number, recorded.report_number}
    assert draft.report_number not in (release_dir / "incidents.json").read_text()
    assert in_review.report_number not in (release_dir / "incidents.json").read_text()


def test_a_closed_incident_is_released_when_it_was_referred_before_closing(store, actor, run_release, release_dir):
    closed = stored_as(store, actor, make_incident(), Status.REFERRED, closed=True)
    run_release()
    with open(release_dir / "incidents.csv", newline="") as f:
        (row,) = list(csv.DictReader(f))
    assert row["incident_ref"] == closed.report_number
    assert row["status"] == "closed"
    assert row["referred_to_ccsao"] == "yes"


def test_the_date_filter_keeps_incidents_of_the_local_days_asked_for(store, actor, run_release, release_dir):
    before = stored_as(store, actor, make_incident(occurred_at=on("2026-09-30", 23)), Status.APPROVED)
    first = stored_as(store, actor, make_incident(occurred_at=on("2026-10-01", 0)), Status.APPROVED)
    last = stored_as(store, actor, make_incident(occurred_at=on("2026-10-31", 23)), Status.APPROVED)
    after = stored_as(store, actor, make_incident(occurred_at=on("2026-11-01", 0)), Status.APPROVED)
    from datetime import date

    run_release(date_from=date(2026, 10, 1), date_to=date(2026, 10, 31))
    refs = _refs(release_dir)
    assert refs == {first.report_number, last.report_number}
    assert before.report_number not in refs and after.report_number not in refs


def test_only_the_day_of_occurrence_is_published_not_the_time(store, actor, run_release, release_dir):
    stored_as(store, actor, make_incident(occurred_at=on("2026-10-05", 23)), Status.APPROVED)
    run_release()
    with open(release_dir / "incidents.csv", newline="") as f:
        (row,) = list(csv.DictReader(f))
    assert row["occurred_date"] == "2026-10-05"  # local day, though 23:00 Chicago is the next day in UTC
    assert "23:00" not in (release_dir / "incidents.json").read_text()


def test_demo_records_are_left_out_unless_asked_for(store, actor, run_release, release_dir):
    real = stored_as(store, actor, make_incident(), Status.APPROVED)
    demo = stored_as(store, actor, make_incident(is_demo=True), Status.APPROVED)
    result = run_release()
    assert _refs(release_dir) == {real.report_number}
    assert result.demo_left_out == 1 and result.demo is False
    assert not any(p.name.startswith("DEMO-") for p in release_dir.iterdir())
    assert demo.report_number not in (release_dir / "incidents.json").read_text()


def test_a_release_with_demo_records_is_marked_demo_in_every_file_name_and_the_manifest(store, actor, tmp_path):
    from intake_app.reports.release import ReleaseOptions, publish

    stored_as(store, actor, make_incident(is_demo=True), Status.APPROVED)
    out = tmp_path / "demo-release"
    result = publish(store, out, ReleaseOptions(include_demo=True))
    names = sorted(p.name for p in out.iterdir())
    assert result.demo and len(names) == 11
    assert all(name.startswith("DEMO-") for name in names)
    import json

    assert json.loads((out / "DEMO-manifest.json").read_text())["demo"] is True
    assert (out / "DEMO-DATA_DICTIONARY.md").read_text().startswith("# DEMO DATA")
