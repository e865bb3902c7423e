"""A hostile or broken server, through a fault-injecting proxy on loopback in front of the real one: the device
checks every pulled page and refuses what it did not ask for or may not hold, keeping every local record and
saying what happened (exit 1)."""

from __future__ import annotations

import json
import threading
from datetime import UTC, datetime
from urllib.parse import parse_qs, urlsplit

import pytest

from intake_app.cli import main
from intake_app.domain.actor import Actor
from intake_app.domain.enums import Status
from intake_app.domain.interchange import canonical_json, to_dict
from intake_app.sync import conflicts, state
from intake_app.sync.engine import sync_once
from intake_app.sync.pull_step import quarantined
from intake_app.sync.report import SyncReport

from ..factories import make_incident
from .fault_proxy import Answer, FaultProxy, Stream

ACTOR = Actor("Sgt. Maria Test", "2231")
REVIEWER = Actor("Lt. Ana Review", "9001")


@pytest.fixture
def proxy(server):
    with FaultProxy(server.base) as p:
        yield p


def _since(request) -> int:
    return int(parse_qs(urlsplit(request.path).query).get("since", ["0"])[0])


def _page(records: list[dict], *, first_seq: int, more: bool = False, next_cursor: int | None = None) -> Answer:
    changes = [{"seq": first_seq + i, "deleted": False, "incident": r} for i, r in enumerate(records)]
    cursor = next_cursor if next_cursor is not None else (first_seq + len(records) - 1 if records else first_seq)
    return Answer(200, json.dumps({"changes": changes, "next_cursor": cursor, "more": more}).encode())


def _on_changes(fault):
    def wrapped(request, answer):
        if request.method == "GET" and request.path.startswith("/changes"):
            return fault(request, answer)
        return None
    return wrapped


def _every_pull_answered_with(proxy, records: list[dict], *, more: bool = False) -> None:
    """Each pull gets these records as the changes after the cursor it asked from."""
    proxy.fault = _on_changes(lambda request, _answer: _page(records, first_seq=_since(request) + 1, more=more))


def _sync_ending_within_a_minute(store) -> SyncReport:
    """One sync on a thread of its own, so a sync that pages forever fails the test instead of hanging it."""
    finished: list[SyncReport] = []
    worker = threading.Thread(target=lambda: finished.append(sync_once(store)), daemon=True)
    worker.start()
    worker.join(60)
    assert finished, "the sync never ended"
    return finished[0]


def _approved_and_sent(station):
    """An incident saved, submitted and approved on the station, and sent: the server holds its approved version."""
    saved = station.save(make_incident(), ACTOR)
    station.change_status(saved.id, Status.IN_REVIEW, ACTOR)
    approved = station.change_status(saved.id, Status.APPROVED, REVIEWER)
    assert sync_once(station).ok
    return approved


def _next_version(approved) -> dict:
    """The approved incident as the server's next version of it, for the test to change."""
    newer = to_dict(approved)
    newer["version"] = approved.version + 1
    return newer


def _saved_record(district: int) -> dict:
    inc = make_incident(district=district, beat=f"{district:02d}11", report_number="")
    inc.version = 1
    inc.created_at = inc.updated_at = datetime(2026, 11, 2, 21, 0, tzinfo=UTC)
    return to_dict(inc)


def _local_snapshot(store) -> dict[str, bytes]:
    return {i.id: canonical_json(i) for i in store.all()}


def _sync_cli(store_path) -> tuple[int, str]:
    import contextlib
    import io

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--data-dir", str(store_path), "sync"])
    return code, out.getvalue() + err.getvalue()


def test_a_record_of_another_district_on_a_district_device_is_refused_and_nothing_is_stored(make_device, proxy, tmp_path):
    station = make_device("station", district=9, url=proxy.base)
    station.save(make_incident(), ACTOR)
    assert sync_once(station).ok
    before, cursor = _local_snapshot(station), state.read(station, state.CURSOR)
    _every_pull_answered_with(proxy, [_saved_record(9), _saved_record(12)])

    code, said = _sync_cli(tmp_path / "station")

    assert code == 1
    assert "district 12" in said and "nothing of that page was stored" in said
    assert _local_snapshot(station) == before and state.read(station, state.CURSOR) == cursor


def test_endless_paging_with_empty_pages_ends_the_sync_with_an_error(make_device, proxy):
    station = make_device("station", district=9, url=proxy.base)
    proxy.fault = _on_changes(lambda request, _answer: _page([], first_seq=_since(request) + 1,
                                                              more=True, next_cursor=_since(request) + 1))
    report = _sync_ending_within_a_minute(station)
    assert not report.ok and "empty page" in report.error
    assert proxy.count("GET", "/changes") == 1


def test_endless_paging_with_full_pages_is_bounded_per_sync(make_device, proxy, monkeypatch):
    from intake_app.sync import pull_step

    monkeypatch.setattr(pull_step, "MAX_PULL_PAGES", 5)
    station = make_device("station", district=9, url=proxy.base)
    record = _saved_record(9)
    _every_pull_answered_with(proxy, [record], more=True)

    report = sync_once(station)

    assert proxy.count("GET", "/changes") == 5
    assert not report.ok and "after 5 pages" in report.error


def test_a_page_with_more_changes_than_asked_for_is_refused(make_device, proxy):
    station = make_device("station", district=9, url=proxy.base)
    records = [_saved_record(9) for _ in range(6)]
    _every_pull_answered_with(proxy, records)

    report = sync_once(station, page=5)

    assert not report.ok and "6 changes in a page of at most 5" in report.error
    assert station.count() == 0


def test_an_absurdly_large_answer_is_not_read_beyond_the_bound(make_device, proxy):
    station = make_device("station", district=9, url=proxy.base)
    sent = []

    def endless(request, _answer):
        def pieces():
            yield b'{"changes":[{"seq":1,"deleted":false,"incident":{"narrative":"'
            for _ in range(100):  # 100 MB, if it were all read
                sent.append(1)
                yield b"x" * (1024 * 1024)
        return Stream(200, pieces())

    proxy.fault = _on_changes(endless)
    report = sync_once(station, max_answer_bytes=2 * 1024 * 1024)

    assert not report.ok and "more than 2,097,152 bytes" in report.error
    assert station.count() == 0
    assert len(sent) < 100  # the device stopped reading; the proxy could not send it all


def test_an_answer_that_declares_an_absurd_size_is_refused_before_reading(make_device, proxy):
    station = make_device("station", district=9, url=proxy.base)
    big = _page([_saved_record(9) for _ in range(400)], first_seq=1)

    proxy.fault = _on_changes(lambda request, _answer: big)
    report = sync_once(station, max_answer_bytes=64 * 1024)

    assert not report.ok and "no answer may exceed 65,536 bytes" in report.error
    assert station.count() == 0


def test_a_higher_version_that_rewrites_an_approved_incident_becomes_a_conflict_with_both_kept(make_device, proxy):
    station = make_device("station", district=9, url=proxy.base)
    approved = _approved_and_sent(station)
    rewritten = _next_version(approved)
    rewritten["narrative"] = "The agents were never there."

    _every_pull_answered_with(proxy, [rewritten])
    report = sync_once(station)

    assert station.get(approved.id).narrative == approved.narrative  # never silently overwritten
    [(mine, theirs)] = conflicts.conflicts(station)
    assert mine.narrative == approved.narrative and theirs.narrative == "The agents were never there."
    assert state.status(station).conflicts == 1
    assert report.applied == 0


def test_moving_an_approved_incident_on_in_its_workflow_is_not_a_conflict(make_device, proxy):
    station = make_device("station", district=9, url=proxy.base)
    approved = _approved_and_sent(station)
    referred = _next_version(approved)
    referred["status"] = "referred"
    referred["history"].append({"from_status": "approved", "to_status": "referred", "by_name": REVIEWER.name,
                                "by_star": REVIEWER.star, "at": "2026-11-03T10:00:00-06:00", "comment": ""})

    _every_pull_answered_with(proxy, [referred])
    sync_once(station)

    assert station.get(approved.id).status == Status.REFERRED and conflicts.conflicts(station) == []


def test_a_cut_audit_chain_makes_intake_sync_fail_with_an_alarm(make_device, tmp_path):
    from sqlalchemy import text

    station = make_device("station", district=9)
    for _ in range(2):
        station.save(make_incident(), ACTOR)
        assert sync_once(station).ok
    with station.engine.begin() as conn:  # the newest entries removed behind the app's back
        conn.execute(text("DROP TRIGGER audit_entries_no_delete"))
        conn.execute(text("DELETE FROM audit_entries WHERE seq > (SELECT max(seq) - 3 FROM audit_entries)"))

    code, said = _sync_cli(tmp_path / "station")

    assert code != 0
    assert "ALARM: AUDIT CHAIN NOT EXTENDED" in said
    assert state.status(station).alarm

    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        main(["--data-dir", str(tmp_path / "station"), "sync", "--status"])
    assert "ALARM:" in out.getvalue() and "AUDIT CHAIN NOT EXTENDED" in out.getvalue()


def test_the_app_shows_a_cut_audit_chain_as_an_alarm(make_device, qtbot, data_dir, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from intake_app.ui.shell.main_window import MainWindow
    from tests.sync_tasks import SyncTaskRunner

    station = make_device("station", district=9)
    state.write(station, **{state.AUDIT_ALARM: "2026-12-06T20:00:00+00:00: AUDIT CHAIN NOT EXTENDED: ..."})
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda *args: shown.append(args)))
    window = MainWindow(station, SyncTaskRunner(), data_dir=data_dir)
    window.sync_controller.timer.stop()
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: "ALARM" in window.sync_controller.label.text(), timeout=5000)

    assert "audit trail cut" in window.sync_controller.label.text()
    assert "AUDIT CHAIN NOT EXTENDED" in window.sync_controller.label.toolTip()


def test_a_spanish_user_reads_the_cut_audit_chain_alarm_in_spanish(make_device, qtbot, data_dir, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from intake_app.sync.audit_head_step import AUDIT_CUT_ALARM
    from intake_app.ui.common import i18n
    from intake_app.ui.shell.main_window import MainWindow
    from tests.sync_tasks import SyncTaskRunner

    station = make_device("station", district=9)
    state.write(station, **{state.AUDIT_ALARM: f"2026-12-06T20:00:00+00:00: {AUDIT_CUT_ALARM}"})
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda *args: None))
    i18n.install_language("es")
    try:
        window = MainWindow(station, SyncTaskRunner(), data_dir=data_dir)
        window.sync_controller.timer.stop()
        qtbot.addWidget(window)
        qtbot.waitUntil(lambda: "ALARMA" in window.sync_controller.label.text(), timeout=5000)
        said = window.sync_controller.label.toolTip()
    finally:
        i18n.install_language("en")

    assert said.startswith("CADENA DE AUDITORÍA NO CONTINUADA")
    assert "Avise al comandante del distrito" in said
    assert "audit trail" not in said


def test_after_the_last_retry_the_message_does_not_promise_another_try(make_device, proxy):
    station = make_device("station", district=9, url=proxy.base)
    station.save(make_incident(), ACTOR)
    proxy.fault = lambda request, _answer: Answer(503, b'{"detail":"down"}') if request.path == "/push" else None

    report = sync_once(station, attempts=3, sleep=lambda _s: None)

    assert "tried again" not in report.error
    assert "Tried 3 times" in report.error
    assert proxy.count("POST", "/push") == 3
    assert state.status(station).pending == 1


def test_one_refused_record_in_a_batch_of_500_does_not_resend_the_batch_one_change_at_a_time(make_device, proxy, admin):
    station = make_device("station", district=9, url=proxy.base)
    saved = [station.save(make_incident(district=12 if n == 321 else 9, agents=1, footage=0), ACTOR) for n in range(500)]

    report = sync_once(station, batch=500)

    assert report.pushed == 499 and state.status(station).pending == 1
    assert admin.sql("SELECT count(*) FROM changes") == [(499,)]
    pushes = proxy.count("POST", "/push")
    print(f"push requests for 500 changes with one refused: {pushes} (one at a time: 501)")
    assert pushes <= 2 * 9 + 1  # halving: about 2·log2(500)
    assert saved[321].report_number in report.error or saved[321].id in report.error


def test_a_true_page_too_big_for_the_bound_arrives_in_smaller_pages(make_device):
    sender, station = make_device("sender", district=9), make_device("station", district=9)
    for n in range(8):
        sender.save(make_incident(narrative=f"Account {n}. " + "The agents blocked the street. " * 700), ACTOR)
    assert sync_once(sender).ok

    report = sync_once(station, page=8, max_answer_bytes=60_000)  # about two of these records per answer

    assert report.ok, report.error
    assert station.count() == 8


def test_endless_paging_of_link_decisions_ends_the_sync_with_an_error(make_device, proxy):
    station = make_device("station", district=9, url=proxy.base)

    def endless(request, _answer):
        if request.method == "GET" and request.path.startswith("/link-decisions"):
            since = _since(request)
            return Answer(200, json.dumps({"decisions": [], "next_cursor": since + 1, "more": True}).encode())
        return None

    proxy.fault = endless
    report = _sync_ending_within_a_minute(station)
    assert not report.ok and "link decisions" in report.error
    assert proxy.count("GET", "/link-decisions") == 1


def test_a_pulled_record_dated_outside_2000_to_2099_is_set_aside_and_the_rest_is_received(make_device, proxy, tmp_path):
    station = make_device("station", district=9, url=proxy.base)
    assert sync_once(station).ok
    bad, good = _saved_record(9), _saved_record(9)
    bad["occurred_at"] = "2150-11-02T15:00:00-06:00"
    sent = {"done": False}

    def once(request, _answer):
        if sent["done"]:
            return _page([], first_seq=_since(request), next_cursor=_since(request))
        sent["done"] = True
        return _page([bad, good], first_seq=_since(request) + 1)
    proxy.fault = _on_changes(once)

    code, said = _sync_cli(tmp_path / "station")

    assert code == 1
    assert "occurred_at" in said and "set aside" in said
    held = {i.id for i in station.all()}
    assert good["id"] in held and bad["id"] not in held  # the rest of the pull went on
    [kept] = quarantined(station)
    assert kept["incident"] == bad["id"] or kept["incident"] == bad.get("report_number")
    assert kept["path"].endswith("occurred_at") and "2150" in kept["record"]


def test_a_pulled_record_with_a_control_character_is_set_aside_naming_the_field(make_device, proxy):
    station = make_device("station", district=9, url=proxy.base)
    assert sync_once(station).ok
    bad, good = _saved_record(9), _saved_record(9)
    bad["narrative"] = "The agents left\x07 at 3 pm."
    answered = []

    def once(request, _answer):
        if answered:
            return _page([], first_seq=_since(request), next_cursor=_since(request))
        answered.append(request.path)
        return _page([bad, good], first_seq=_since(request) + 1)
    proxy.fault = _on_changes(once)

    report = sync_once(station)

    assert not report.ok
    assert [r for r in report.rejected if "changes[0].incident.narrative" in r]
    held = {i.id for i in station.all()}
    assert good["id"] in held and bad["id"] not in held
    assert state.status(station).quarantined == 1
