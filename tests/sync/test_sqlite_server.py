"""With no PostgreSQL, the server runs on a SQLite file so one machine can try the whole thing."""

from __future__ import annotations

from sqlalchemy import create_engine

from intake_app.domain.actor import Actor
from intake_app.server import crud
from intake_app.server.db import session_factory
from intake_app.storage.opening import open_store
from intake_app.sync import device
from intake_app.sync.engine import sync_once

from ..factories import make_incident
from .conftest import ServerProcess

ACTOR = Actor("Sgt. Maria Test", "2231")


def test_a_station_and_headquarters_sync_through_a_sqlite_server(tmp_path):
    url = f"sqlite:///{tmp_path / 'server.sqlite3'}"
    server = ServerProcess(url).start()  # `intake server` creates the schema first
    sessions = session_factory(create_engine(url))
    stores = []
    try:
        for name, district, hq in (("a", 9, False), ("hq", None, True)):
            with sessions.begin() as s:
                code = crud.create_enrollment(s, district=district, headquarters=hq)
            (tmp_path / name).mkdir()
            store = open_store(tmp_path / name)
            device.enroll(store, server.base, code)
            stores.append(store)
        station, hq = stores
        made = {station.save(make_incident(), ACTOR).id for _ in range(3)}
        assert sync_once(station).ok
        assert sync_once(hq).ok
        assert {inc.id for inc in hq.all()} == made
    finally:
        server.stop()
        for store in stores:
            store.engine.dispose()
