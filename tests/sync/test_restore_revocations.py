"""What the administrator did after the backup survives a restore: a device revoked since is refused again (the
revocation journal kept apart from the database), and an enrollment code the backup shows unused cannot enroll
a second device. Real PostgreSQL, real pg_dump and pg_restore, the real `intake server` commands."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from sqlalchemy import create_engine, text

from intake_app.server import crud, revocations, tokens
from intake_app.server.db import session_factory

from .backups import dump, intake_command, restored_database
from .conftest import ServerProcess, migrated_database


def intake(*args: str, journal: Path | None = None) -> subprocess.CompletedProcess:
    return intake_command(*args, env={"INTAKE_SERVER_REVOCATION_JOURNAL": str(journal) if journal else None})


class Server:
    """The server's database as the administrator's commands see it."""

    def __init__(self, url: str):
        self.url = url
        self.engine = create_engine(url)
        self.sessions = session_factory(self.engine)

    def enroll(self, district: int = 9) -> tuple[int, str]:
        with self.sessions.begin() as s:
            code = crud.create_enrollment(s, district=district, headquarters=False)
        with self.sessions.begin() as s:
            device, token = crud.enroll(s, code=code, device_name="station", public_key="")
            return device.id, token

    def code(self) -> str:
        with self.sessions.begin() as s:
            return crud.create_enrollment(s, district=9, headquarters=False)

    def revoked(self, device_id: int) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(text("SELECT revoked_at IS NOT NULL FROM devices WHERE id = :id"),
                                {"id": device_id}).scalar_one()

    def epoch_count(self) -> int:
        with self.engine.connect() as conn:
            return conn.execute(text("SELECT count(*) FROM server_restores")).scalar_one()

    def close(self) -> None:
        self.engine.dispose()


@pytest.fixture
def live(tmp_path) -> Iterator[Server]:
    with migrated_database() as url:
        server = Server(url)
        yield server
        server.close()


@contextmanager
def restored_from(file: Path, like: Server) -> Iterator[Server]:
    with restored_database(like.url, file) as url:
        server = Server(url)
        try:
            yield server
        finally:
            server.close()


def test_a_device_revoked_after_the_backup_is_refused_again_by_the_restored_server(live, tmp_path):
    journal = tmp_path / "revocations.jsonl"
    assert intake("server", "migrate", "--database-url", live.url, journal=journal).returncode == 0
    stolen, token = live.enroll()
    kept, kept_token = live.enroll()
    backup = dump(live.url, tmp_path / "intake.dump")
    done = intake("server", "revoke-device", str(stolen), "--database-url", live.url, journal=journal)
    assert done.returncode == 0, done.stderr

    with restored_from(backup, live) as restored:
        assert not restored.revoked(stolen)  # what the backup holds: the stolen device's token is good again
        said = intake("server", "restored", "--database-url", restored.url, journal=journal)
        assert said.returncode == 0, said.stderr
        assert "revocations: 1 device(s) revoked again" in said.stdout
        process = ServerProcess(restored.url).start()
        try:
            refused = httpx.get(f"{process.base}/epoch", headers={"Authorization": f"Bearer {token}"})
            taken = httpx.get(f"{process.base}/epoch", headers={"Authorization": f"Bearer {kept_token}"})
        finally:
            process.stop()
    assert refused.status_code == 401
    assert taken.status_code == 200


def test_the_journal_holds_each_revocation_by_its_token_digest_not_the_token(live, tmp_path):
    journal = tmp_path / "revocations.jsonl"
    device_id, token = live.enroll()

    assert intake("server", "revoke-device", str(device_id), "--database-url", live.url,
                  journal=journal).returncode == 0

    [line] = revocations.read(journal)
    assert line.device_id == device_id
    assert line.token_sha256 == tokens.digest(token)
    assert token not in journal.read_text()
    assert journal.stat().st_mode & 0o077 == 0


def test_a_journal_that_cannot_be_written_stops_the_revocation(live, tmp_path):
    device_id, _ = live.enroll()
    journal = tmp_path / "no such folder" / "revocations.jsonl"

    done = intake("server", "revoke-device", str(device_id), "--database-url", live.url, journal=journal)

    assert done.returncode == 2
    assert "INTAKE_SERVER_REVOCATION_JOURNAL" in done.stderr and "not revoked" in done.stderr
    assert not live.revoked(device_id)


def test_a_bad_journal_line_is_named_and_the_restore_changes_nothing(live, tmp_path):
    device_id, _ = live.enroll()
    journal = tmp_path / "revocations.jsonl"
    assert intake("server", "revoke-device", str(device_id), "--database-url", live.url,
                  journal=journal).returncode == 0
    with journal.open("a") as f:
        f.write('{"device_id": 3, "token_sha256": "not a digest", "revoked_at": "2026-12-01T10:00:00+00:00"}\n')
    before = live.epoch_count()

    done = intake("server", "restored", "--database-url", live.url, journal=journal)

    assert done.returncode == 2
    assert "line 2: token_sha256" in done.stderr and "nothing was changed" in done.stderr
    assert live.epoch_count() == before


def test_a_journal_lost_since_the_server_started_stops_the_restore(live, tmp_path):
    journal = tmp_path / "revocations.jsonl"
    assert intake("server", "migrate", "--database-url", live.url, journal=journal).returncode == 0
    journal.unlink()  # the disk it was on went with the database

    done = intake("server", "restored", "--database-url", live.url, journal=journal)

    assert done.returncode == 2 and "does not exist" in done.stderr
    assert live.epoch_count() == 0


def test_an_enrollment_code_unused_in_the_backup_cannot_enroll_a_second_device_after_the_restore(live, tmp_path):
    code = live.code()
    backup = dump(live.url, tmp_path / "intake.dump")
    with live.sessions.begin() as s:
        crud.enroll(s, code=code, device_name="enrolled after the backup", public_key="")

    with restored_from(backup, live) as restored:
        said = intake("server", "restored", "--database-url", restored.url)
        assert said.returncode == 0, said.stderr
        assert "enrollment codes: 1 unused code(s) spent" in said.stdout
        assert "no revocation journal" in said.stderr
        with restored.sessions.begin() as s, pytest.raises(crud.EnrollmentRefused):
            crud.enroll(s, code=code, device_name="a second device on the same code", public_key="")
        fresh = restored.code()  # a code issued after the restore enrolls as usual
        with restored.sessions.begin() as s:
            crud.enroll(s, code=fresh, device_name="re-enrolled", public_key="")


@pytest.mark.parametrize(("line", "named"), [
    (b"[1, 2]", "line 1: is not a JSON object"),
    (b'{"device_id": 0, "token_sha256": "' + b"a" * 64 + b'", "revoked_at": "2026-12-01T10:00:00+00:00"}',
     "line 1: device_id"),
    (b'{"device_id": 1, "token_sha256": "' + b"a" * 64 + b'", "revoked_at": "2026-12-01T10:00:00"}',
     "line 1: revoked_at"),
    (b'{"device_id": 1, "token_sha256": "' + b"a" * 64 + b'", "revoked_at": "2026-12-01T10:00:00+00:00", '
     b'"name": "x"}', "line 1: name"),
    (b"{" * 5000, "line 1"),
    (b"not json", "line 1: is not valid JSON"),
])
def test_a_hostile_journal_line_is_refused_with_its_line_and_field(tmp_path, line, named):
    journal = tmp_path / "revocations.jsonl"
    journal.write_bytes(line + b"\n")

    with pytest.raises(revocations.ValidationError) as refused:
        revocations.read(journal)

    assert named in str(refused.value)


def test_a_journal_over_its_size_bound_is_refused_unread(tmp_path, monkeypatch):
    journal = tmp_path / "revocations.jsonl"
    journal.write_bytes(b"\n" * 2048)
    monkeypatch.setattr(revocations, "MAX_JOURNAL_BYTES", 1024)

    with pytest.raises(revocations.ValidationError) as refused:
        revocations.read(journal)

    assert "larger than 1,024 bytes" in str(refused.value)
