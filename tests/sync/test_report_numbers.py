"""Two offline computers of one district never end up with the same report number on the server.
Device codes are kept apart at enrollment; a number the server already has for another incident is refused
as a conflict for the supervisor, and the record is renumbered here. Real server process, real PostgreSQL."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import create_engine, insert, select
from sqlalchemy.exc import IntegrityError

from intake_app.cli import main
from intake_app.domain.actor import Actor
from intake_app.domain.device_codes import all_device_codes
from intake_app.domain.interchange import to_dict
from intake_app.server.db import now
from intake_app.server.tables import ReportNumber
from intake_app.storage.audit_tables import AuditEntryRow
from intake_app.storage.opening import open_store
from intake_app.sync import device
from intake_app.sync.engine import open_client, sync_once
from intake_app.sync.renumbering import numbers_taken, renumber

from ..factories import make_incident
from ..sealed_records import sealed

ACTOR = Actor("Sgt. Maria Test", "2231")
DISTRICT = 9


@pytest.fixture
def stores(tmp_path, server, admin):
    """Stores not yet enrolled (they work offline first), each with the device code a test gives it."""
    admin.sql_do("TRUNCATE incidents, changes, pushes, conflicts, audit_heads, link_decisions, report_numbers")
    opened = []

    def make(name: str, code: str):
        (tmp_path / name).mkdir()
        store = open_store(tmp_path / name)
        opened.append(store)
        with store.transaction() as session:
            store.replace_device_code_in(session, code)
        return store

    yield make
    for store in opened:
        store.engine.dispose()


@pytest.fixture
def free_code(admin):
    """A code no device of the district holds yet (devices of earlier tests stay enrolled)."""
    held = {r.code for r in admin.sql("SELECT code FROM device_codes WHERE district = :d OR district IS NULL", d=DISTRICT)}
    return next(c for c in all_device_codes() if c not in held)


def test_two_computers_that_made_the_same_code_get_different_codes_at_enrollment(stores, server, admin, free_code):
    first, second = stores("first", free_code), stores("second", free_code)
    made_offline = second.save(make_incident(), ACTOR)

    kept = device.enroll(first, server.base, admin.code(DISTRICT))
    moved = device.enroll(second, server.base, admin.code(DISTRICT))

    assert (kept.device_code, kept.replaced_code, kept.message()) == (free_code, "", "")
    assert moved.replaced_code == free_code and moved.device_code != free_code
    assert second.device_code() == moved.device_code != first.device_code()
    assert f"already makes report numbers with device code {free_code}" in moved.message()
    assert moved.device_code in moved.message()
    # New numbers use the new code; the number handed out before keeps its own.
    assert second.save(make_incident(), ACTOR).report_number.split("-")[2] == moved.device_code
    assert second.get(made_offline.id).report_number == made_offline.report_number
    with second.reading() as session:
        [said] = session.scalars(select(AuditEntryRow.new_value).where(AuditEntryRow.action == "device code changed"))
    assert said.startswith(f"{free_code} -> {moved.device_code}")
    held = admin.sql("SELECT code, device_id FROM device_codes WHERE district = :d AND code IN (:a, :b)",
                     d=DISTRICT, a=free_code, b=moved.device_code)
    assert {(r.code, r.device_id) for r in held} == {(free_code, kept.device_id), (moved.device_code, moved.device_id)}


def test_the_same_computer_enrolling_again_keeps_its_code(stores, server, admin, free_code):
    station = stores("station", free_code)
    device.enroll(station, server.base, admin.code(DISTRICT))
    again = device.enroll(station, server.base, admin.code(DISTRICT))
    assert (again.device_code, again.replaced_code) == (free_code, "")


def test_a_number_already_on_the_server_for_another_incident_is_a_conflict_and_renumbering_sends_it(
        stores, server, admin, free_code):
    first, second = stores("first", free_code), stores("second", free_code)
    theirs = first.save(make_incident(), ACTOR)
    mine = second.save(make_incident(), ACTOR)
    assert mine.report_number == theirs.report_number and mine.id != theirs.id  # made offline with one code
    device.enroll(first, server.base, admin.code(DISTRICT))
    device.enroll(second, server.base, admin.code(DISTRICT))
    assert sync_once(first).ok

    report = sync_once(second)

    assert report.conflicts == 1 and report.pushed == 0
    assert any(theirs.report_number in note and "intake renumber" in note for note in report.notes)
    held = admin.sql("SELECT incident_id FROM report_numbers WHERE report_number = :n", n=theirs.report_number)
    assert [r.incident_id for r in held] == [theirs.id]  # never written over the other
    [conflict] = admin.sql("SELECT incident_id, pushed_json, resolved_at FROM conflicts WHERE incident_id = :i", i=mine.id)
    assert conflict.resolved_at is None and mine.id in conflict.pushed_json  # kept for the supervisor
    assert admin.sql("SELECT count(*) AS n FROM incidents WHERE id = :i", i=mine.id)[0].n == 0
    assert second.get(mine.id).report_number == mine.report_number  # nothing changed here by itself
    assert numbers_taken(second) == {mine.id: mine.report_number}
    assert second.find(theirs.id) is None  # pulled, but its number is still held here: kept aside, not lost

    renumbered = renumber(second, mine.report_number, ACTOR)
    assert renumbered.report_number != mine.report_number
    assert renumbered.report_number.split("-")[2] == second.device_code()
    assert numbers_taken(second) == {}
    assert second.get(theirs.id).report_number == theirs.report_number  # stored once the number was free
    assert sync_once(second).ok and sync_once(first).ok
    assert {first.get(theirs.id).report_number, first.get(mine.id).report_number} == {
        theirs.report_number, renumbered.report_number}
    assert admin.sql("SELECT resolved_at FROM conflicts WHERE incident_id = :i", i=mine.id)[0].resolved_at is not None


def test_two_incidents_with_one_number_in_one_push_the_second_is_refused(stores, server, admin, free_code):
    station = stores("station", free_code)
    device.enroll(station, server.base, admin.code(DISTRICT))
    one, other = station.save(make_incident(), ACTOR), station.save(make_incident(), ACTOR)
    items = []
    for inc in (one, other):
        record = sealed(to_dict(inc))
        record["report_number"] = one.report_number
        items.append({"idempotency_key": str(uuid.uuid4()), "base_version": 0, "incident": record})
    with open_client(station) as client:
        first, second = client.push(items).results

    assert first.outcome == "applied" and first.number_taken is None
    assert (second.outcome, second.number_taken, second.server_incident) == ("conflict", one.report_number, None)
    assert second.conflict_id is not None
    assert [r.incident_id for r in admin.sql("SELECT incident_id FROM report_numbers WHERE report_number = :n",
                                             n=one.report_number)] == [one.id]


def test_the_servers_registry_refuses_a_second_incident_for_one_number(pg_url):
    engine = create_engine(pg_url)
    try:
        with engine.begin() as conn:
            conn.execute(insert(ReportNumber), {"report_number": "D009-2026-ZZZ-00001", "incident_id": "a" * 36,
                                                "registered_at": now()})
        with pytest.raises(IntegrityError), engine.begin() as conn:
            conn.execute(insert(ReportNumber), {"report_number": "D009-2026-ZZZ-00001", "incident_id": "b" * 36,
                                                "registered_at": now()})
    finally:
        with engine.begin() as conn:
            conn.exec_driver_sql("DELETE FROM report_numbers WHERE report_number = 'D009-2026-ZZZ-00001'")
        engine.dispose()


def test_on_the_command_line_the_user_is_told_of_the_new_code_and_renumbers_a_refused_record(
        tmp_path, capsys, server, admin, free_code):
    admin.sql_do("TRUNCATE incidents, changes, pushes, conflicts, audit_heads, link_decisions, report_numbers")
    folders = []
    for name in ("first", "second"):
        folder = tmp_path / name
        folder.mkdir()
        store = open_store(folder)
        with store.transaction() as session:
            store.replace_device_code_in(session, free_code)
        store.save(make_incident(), ACTOR)  # both make D009-2026-<code>-00001 offline
        store.engine.dispose()
        folders.append(str(folder))

    def intake(folder, *args):
        code = main(["--data-dir", folder, *args])
        out, err = capsys.readouterr()
        return code, out, err

    assert intake(folders[0], "enroll", server.base, "--code", admin.code(DISTRICT))[0] == 0
    code, out, _ = intake(folders[1], "enroll", server.base, "--code", admin.code(DISTRICT))
    assert code == 0 and f"already makes report numbers with device code {free_code}" in out
    assert intake(folders[0], "sync")[0] == 0
    number = f"D009-2026-{free_code}-00001"
    code, out, _ = intake(folders[1], "sync")
    assert "1 conflict(s)" in out and f"intake renumber {number}" in out
    code, out, _ = intake(folders[1], "sync", "--status")
    assert f"not sent:      {number} is used by another incident on the server" in out

    code, out, _ = intake(folders[1], "renumber", number)
    assert code == 0 and f"{number} is now D009-2026-" in out and f"-{free_code}-" not in out.split(" is now ")[1]
    assert intake(folders[1], "sync")[0] == 0
    assert "not sent" not in intake(folders[1], "sync", "--status")[1]
    code, _, err = intake(folders[1], "renumber", "D009-2026-ZZZ-99999")
    assert code == 2 and "ref:" in err
