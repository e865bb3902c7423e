"""The server holds pushed RD and OEMC numbers to its own configured patterns (INTAKE_SERVER_RD_NUMBER_PATTERN,
INTAKE_SERVER_OEMC_EVENT_NUMBER_PATTERN). A station may have set a looser pattern, so a number the server's
pattern refuses is stored (never lost) and flagged for the server's administrator; a bad pattern stops the start."""

from __future__ import annotations

import pydantic
import pytest
from sqlalchemy import select

from intake_app.cli import main
from intake_app.server import crud
from intake_app.server.app import create_app
from intake_app.server.settings import ServerSettings
from intake_app.server.tables import ServerIncident, UnmatchedNumber

from .test_server_catalogue import citing, device, item, sessions  # noqa: F401 (fixtures)

SEVEN_DIGITS = "JK1234567"  # the shipped pattern takes two letters and six digits


def numbered(rd: str, oemc: str = "2630604512"):
    inc = citing("720 ILCS 5/12-3", "A")
    inc.cpd_rd_number, inc.oemc_event_number = rd, oemc
    return inc


def flags_of(sessions, incident_id: str) -> list[tuple]:  # noqa: F811
    with sessions.begin() as s:
        return [(f.field, f.value, f.version, f.district) for f in s.scalars(
            select(UnmatchedNumber).where(UnmatchedNumber.incident_id == incident_id).order_by(UnmatchedNumber.id))]


def test_a_number_the_servers_pattern_refuses_is_stored_and_flagged(sessions, device):  # noqa: F811
    inc = numbered(SEVEN_DIGITS, oemc="2630604512-01")
    with sessions.begin() as s:
        [result] = crud.push(s, device=s.merge(device), items=[item(inc)])
    assert result.outcome == "applied"
    with sessions.begin() as s:
        assert s.get(ServerIncident, inc.id).version == 1
    assert flags_of(sessions, inc.id) == [("cpd_rd_number", SEVEN_DIGITS, 1, 9),
                                          ("oemc_event_number", "2630604512-01", 1, 9)]


def test_a_number_the_servers_pattern_takes_is_not_flagged(sessions, device):  # noqa: F811
    inc = numbered("JK123456")
    with sessions.begin() as s:
        [result] = crud.push(s, device=s.merge(device), items=[item(inc)])
    assert result.outcome == "applied"
    assert flags_of(sessions, inc.id) == []


def test_a_server_configured_with_a_looser_pattern_takes_the_number(sessions, device):  # noqa: F811
    patterns = ServerSettings(rd_number_pattern=r"^[A-Z]{2}\d{6,7}$").number_patterns()
    inc = numbered(SEVEN_DIGITS)
    with sessions.begin() as s:
        crud.push(s, device=s.merge(device), items=[item(inc)], patterns=patterns)
    assert flags_of(sessions, inc.id) == []


def test_the_push_route_flags_against_the_pattern_the_server_was_started_with(pg_url, sessions, device):  # noqa: F811
    from fastapi.testclient import TestClient

    app = create_app(ServerSettings(database_url=pg_url, rd_number_pattern=r"^JK9\d{5}$"))
    inc = numbered("JK123456")  # the shipped pattern takes it; this server's does not
    with TestClient(app) as client:
        answer = client.post("/push", json={"items": [item(inc).model_dump(mode="json")]},
                             headers={"Authorization": f"Bearer {device.token}"})
    app.state.engine.dispose()
    assert answer.status_code == 200, answer.text
    assert flags_of(sessions, inc.id) == [("cpd_rd_number", "JK123456", 1, 9)]


def test_a_bad_configured_pattern_stops_the_start_naming_the_setting(monkeypatch, pg_url):
    monkeypatch.setenv("INTAKE_SERVER_RD_NUMBER_PATTERN", "[A-Z{2}")
    with pytest.raises(pydantic.ValidationError, match="INTAKE_SERVER_RD_NUMBER_PATTERN: is not a valid pattern"):
        create_app(ServerSettings(database_url=pg_url))


def test_an_empty_configured_oemc_pattern_stops_the_start(monkeypatch):
    monkeypatch.setenv("INTAKE_SERVER_OEMC_EVENT_NUMBER_PATTERN", " ")
    with pytest.raises(pydantic.ValidationError, match="INTAKE_SERVER_OEMC_EVENT_NUMBER_PATTERN: A pattern is required"):
        ServerSettings()


def test_the_administrator_lists_the_flagged_numbers(pg_url, sessions, device, capsys):  # noqa: F811
    inc = numbered(SEVEN_DIGITS)
    with sessions.begin() as s:
        crud.push(s, device=s.merge(device), items=[item(inc)])
    assert main(["server", "unmatched-numbers", "--database-url", pg_url]) == 0
    captured = capsys.readouterr()
    assert f"incident {inc.id} version 1  cpd_rd_number {SEVEN_DIGITS!r} does not match" in captured.out
    assert "stored record version(s) have a number the server's patterns refuse" in captured.err
