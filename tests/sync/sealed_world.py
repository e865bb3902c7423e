"""A world for sealed-identity stories: headquarters (a privacy officer with a published key, a clerk
without), a station of district 9 with its people, and a real server on PostgreSQL of its own that
publishes the officer's key; and records entered with unique markers in every personal field."""

from __future__ import annotations

import secrets
import subprocess

import httpx

from intake_app.domain.records import ReportingParty
from intake_app.domain.roles import REVIEWER
from intake_app.security import user_keys
from intake_app.security.users import add_user, create_first_administrator, sign_in
from intake_app.storage.opening import open_store
from intake_app.sync import device

from ..factories import make_incident
from ..people import add_people
from .conftest import PG
from .sealed_server import LoggedServer, Recording, enrollment_code

OFFICER_PASS = "privacy officer long pass"
CLERK_PASS = "headquarters clerk pass"


def sealed_world(tmp_path):
    """A generator for a fixture (`yield from sealed_world(tmp_path)`, beside `pg_url`): the world, then its
    server stopped and its database dropped."""
    name = f"intake_sealed_{secrets.token_hex(4)}"
    subprocess.run(["createdb", *PG, name], check=True)
    db_url = f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    (tmp_path / "hq").mkdir()
    (tmp_path / "station").mkdir()
    hq, station = open_store(tmp_path / "hq"), open_store(tmp_path / "station")
    create_first_administrator(hq, "9000", "HQ Admin", "headquarters admin pass")
    hq_admin = sign_in(hq, "9000", "headquarters admin pass")
    add_user(hq, hq_admin, "9100", "Privacy Officer", REVIEWER, OFFICER_PASS)
    add_user(hq, hq_admin, "9200", "HQ Clerk", REVIEWER, CLERK_PASS)
    officer, clerk = sign_in(hq, "9100", OFFICER_PASS), sign_in(hq, "9200", CLERK_PASS)
    people = add_people(station)
    server = LoggedServer(db_url, tmp_path / "server.log",
                          {"INTAKE_SERVER_PRIVACY_OFFICER_KEYS": user_keys.public_key(hq, "9100")}).start()
    wire = Recording()
    device.enroll(station, server.base, enrollment_code(db_url, district=9), transport=wire)
    device.enroll(hq, server.base, enrollment_code(db_url, headquarters=True), transport=wire)
    yield {"hq": hq, "station": station, "server": server, "wire": wire, "db": name, "officer": officer,
           "clerk": clerk, "people": people, "log": tmp_path / "server.log", "url": db_url}
    server.stop()
    hq.engine.dispose()
    station.engine.dispose()
    subprocess.run(["dropdb", "--force", *PG, name], check=True)


def new_markers() -> dict[str, str]:
    tag = secrets.token_hex(4).upper()
    return {"name": f"Markname{tag}", "phone": f"+1 (312) 555-{int(tag[:4], 16) % 10000:04d} x{tag}",
            "address": f"Markaddress{tag} Street"}


def enter(station, people, markers) -> str:
    inc = make_incident(reporting_party=ReportingParty(name=markers["name"], phone=markers["phone"],
                                                       preferred_language="es", consent_to_contact=True,
                                                       confidential=True, address=markers["address"]))
    return station.save(inc, people["sgt"]).id


def enter_open_party(station, people, markers) -> str:
    inc = make_incident(reporting_party=ReportingParty(name=markers["name"], phone=markers["phone"],
                                                       preferred_language="es", consent_to_contact=True,
                                                       confidential=False, address=markers["address"]))
    return station.save(inc, people["sgt"]).id


def server_record(world, incident_id: str) -> dict:
    """The server's newest record of the incident, as its change feed gives it to headquarters."""
    answer = httpx.get(world["server"].base + "/changes", params={"since": 0, "limit": 1000},
                       headers={"Authorization": f"Bearer {device.token(world['hq'])}"})
    return [c["incident"] for c in answer.json()["changes"] if c["incident"]["id"] == incident_id][-1]
