"""A real server process started with settings of its own (privacy officers' keys, the recovery key), its
output kept in a log file, and an HTTP transport that records every body on the wire."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import httpx

from .conftest import ROOT, ServerProcess


class Recording(httpx.HTTPTransport):
    """Every request and response body that crosses the wire, as bytes."""

    def __init__(self):
        super().__init__()
        self.bodies: list[bytes] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.bodies.append(request.read())
        response = super().handle_request(request)
        self.bodies.append(response.read())
        return response


class LoggedServer(ServerProcess):
    """The real server process with the given environment, its output kept in a log file."""

    def __init__(self, url: str, log_path, env: dict[str, str]):
        super().__init__(url)
        self.log_path, self.env = log_path, env

    def start(self) -> LoggedServer:
        log = open(self.log_path, "wb")  # noqa: SIM115  (closed when the process ends)
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "intake_app", "server", "--database-url", self.db_url, "--port", str(self.port)],
            cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, **self.env})
        for _ in range(300):
            try:
                if httpx.get(self.base + "/health", timeout=1).status_code == 200:
                    return self
            except httpx.HTTPError:
                time.sleep(0.1)
        raise RuntimeError("the server did not start")




def own_database() -> tuple[str, str]:
    """A new, empty PostgreSQL database: (its name, its URL). Dropped with drop_database."""
    import secrets

    from .conftest import PG

    name = f"intake_sealed_{secrets.token_hex(4)}"
    subprocess.run(["createdb", *PG, name], check=True)
    return name, f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"


def drop_database(name: str) -> None:
    from .conftest import PG

    subprocess.run(["dropdb", "--force", *PG, name], check=True)


def enrollment_code(db_url: str, *, district: int | None = None, headquarters: bool = False) -> str:
    from intake_app.server import crud
    from intake_app.server.db import make_engine, session_factory
    from intake_app.server.migrate import upgrade
    from intake_app.server.settings import ServerSettings

    engine = make_engine(ServerSettings(database_url=db_url))
    try:
        upgrade(engine)
        with session_factory(engine).begin() as s:
            return crud.create_enrollment(s, district=district, headquarters=headquarters)
    finally:
        engine.dispose()
