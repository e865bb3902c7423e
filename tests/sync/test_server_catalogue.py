"""The server checks records against its own configured statute catalogue (INTAKE_SERVER_STATUTES_FILE). A
record citing a statute that catalogue does not know (a station's administrator added it) is stored and
flagged for the server's administrator, never refused or lost."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, select

from intake_app.cli import main
from intake_app.domain.interchange import to_dict
from intake_app.domain.problems import ValidationError
from intake_app.server import crud
from intake_app.server.app import create_app
from intake_app.server.db import session_factory
from intake_app.server.settings import ServerSettings
from intake_app.server.tables import ServerIncident, UnknownStatute
from intake_app.wire.sync import PushItem

from ..factories import make_incident
from ..sealed_records import sealed
from .conftest import migrated_database

LOCAL_STATUTE = "Chicago MCC 8-4-999"
CATALOGUE = {"source": "Station memo", "as_of": "2026-12-01", "disclaimer": "not legal advice",
             "entries": [{"citation": LOCAL_STATUTE, "title": "Obstructing a station entrance", "classes": ["ordinance"]}]}


def citing(statute: str, offence_class: str):
    inc = make_incident()
    inc.violations[0].statute, inc.violations[0].offence_class = statute, offence_class
    inc.version = 1
    inc.created_at = inc.updated_at = datetime.now(UTC)
    return inc


def item(inc) -> PushItem:
    return PushItem(idempotency_key=str(uuid.uuid4()), base_version=0,
                    incident=sealed(json.loads(json.dumps(to_dict(inc), default=str))))


@pytest.fixture(scope="module")
def pg_url():
    """A database of these tests' own: the records they store cite a statute no station's catalogue knows, and a
    station of the same district syncing with the session's server would be sent them."""
    with migrated_database() as url:
        yield url


@pytest.fixture
def sessions(pg_url):
    engine = create_engine(pg_url)
    yield session_factory(engine)
    engine.dispose()


@pytest.fixture
def device(sessions):
    with sessions.begin() as s:
        dev, token = crud.enroll(s, code=crud.create_enrollment(s, district=9, headquarters=False),
                                 device_name="catalogue test", public_key="")
    dev.token = token
    return dev


def test_a_record_citing_a_statute_the_server_does_not_know_is_stored_and_flagged(sessions, device):
    inc = citing(LOCAL_STATUTE, "ordinance")
    with sessions.begin() as s:
        [result] = crud.push(s, device=s.merge(device), items=[item(inc)])
    assert result.outcome == "applied"
    with sessions.begin() as s:
        assert s.get(ServerIncident, inc.id).version == 1
        flags = s.scalars(select(UnknownStatute).where(UnknownStatute.incident_id == inc.id)).all()
        assert [(f.citation, f.version, f.district) for f in flags] == [(LOCAL_STATUTE, 1, 9)]


def test_a_server_configured_with_the_administrators_catalogue_knows_the_statute(sessions, device, tmp_path):
    path = tmp_path / "statutes.json"
    path.write_text(json.dumps(CATALOGUE), encoding="utf-8")
    inc = citing(LOCAL_STATUTE, "ordinance")
    with sessions.begin() as s:
        [result] = crud.push(s, device=s.merge(device), items=[item(inc)], catalogue=crud.server_catalogue(path))
    assert result.outcome == "applied"
    with sessions.begin() as s:
        assert s.scalars(select(UnknownStatute).where(UnknownStatute.incident_id == inc.id)).all() == []


def test_a_wrong_class_for_a_statute_the_server_knows_still_refuses_the_batch(sessions, device):
    inc = citing("720 ILCS 5/12-3", "X")  # battery is a class A misdemeanor
    with sessions.begin() as s, pytest.raises(ValidationError) as refused:
        crud.push(s, device=s.merge(device), items=[item(inc)])
    assert refused.value.problems[0].path == "items[0].incident.violations[0].offence_class"


def test_the_push_route_uses_the_catalogue_the_server_was_started_with(pg_url, device, sessions, tmp_path):
    path = tmp_path / "statutes.json"
    path.write_text(json.dumps(CATALOGUE), encoding="utf-8")
    app = create_app(ServerSettings(database_url=pg_url, statutes_file=path))
    known, unknown = citing(LOCAL_STATUTE, "ordinance"), citing("720 ILCS 5/12-3", "A")  # not in the file
    with TestClient(app) as client:
        answer = client.post("/push", json={"items": [json.loads(item(known).model_dump_json()),
                                                      json.loads(item(unknown).model_dump_json())]},
                             headers={"Authorization": f"Bearer {device.token}"})
    app.state.engine.dispose()
    assert answer.status_code == 200, answer.text
    assert [r["outcome"] for r in answer.json()["results"]] == ["applied", "applied"]
    with sessions.begin() as s:
        flagged = s.scalars(select(UnknownStatute.incident_id).where(
            UnknownStatute.incident_id.in_([known.id, unknown.id]))).all()
    assert flagged == [unknown.id]


def test_an_unreadable_server_catalogue_stops_the_start_naming_the_file(pg_url, tmp_path):
    path = tmp_path / "statutes.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(RuntimeError, match="statutes.json"):
        create_app(ServerSettings(database_url=pg_url, statutes_file=path))


def test_a_server_catalogue_entry_that_cannot_be_used_is_named_at_the_start(pg_url, tmp_path):
    path = tmp_path / "statutes.json"
    path.write_text(json.dumps({"entries": [{"citation": LOCAL_STATUTE, "classes": ["ordinance"]}]}), encoding="utf-8")
    with pytest.raises(RuntimeError, match=r"statutes.json: not a statute catalogue: entries\[0\].title: is missing"):
        create_app(ServerSettings(database_url=pg_url, statutes_file=path))


def test_the_administrator_lists_the_flagged_records(pg_url, sessions, device, capsys):
    inc = citing(LOCAL_STATUTE, "ordinance")
    with sessions.begin() as s:
        crud.push(s, device=s.merge(device), items=[item(inc)])
    assert main(["server", "unknown-statutes", "--database-url", pg_url]) == 0
    out = capsys.readouterr().out
    assert f"incident {inc.id} version 1  cites {LOCAL_STATUTE!r}" in out


def test_the_catalogue_file_comes_from_the_environment_and_empty_means_the_shipped_one(monkeypatch, tmp_path):
    monkeypatch.setenv("INTAKE_SERVER_STATUTES_FILE", "")
    assert ServerSettings().statutes_file is None
    path = tmp_path / "statutes.json"
    path.write_text(json.dumps(CATALOGUE), encoding="utf-8")
    monkeypatch.setenv("INTAKE_SERVER_STATUTES_FILE", str(path))
    assert crud.server_catalogue(ServerSettings().statutes_file).get(LOCAL_STATUTE) is not None
