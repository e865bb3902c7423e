"""A store made by the release before the second interchange format opens with nothing lost: its records read
as they were written, the audit trail still verifies, the packet stamp of a record still matches, and the new
fields can be added on top."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from intake_app.domain.enums import CredentialCheck, Status
from intake_app.domain.interchange import to_dict
from intake_app.reports.packet_qr import record_sha256
from intake_app.security import audit_verify
from intake_app.storage.opening import open_store
from intake_app.storage.queries import IncidentFilter

REPO = Path(__file__).resolve().parents[2]
# The release this format was built on (main before intake.incident/2).
PREVIOUS_RELEASE = "1b92b77fc3c711c7bfca9891148956696e0c02cb"
PASSPHRASE = "previous release store passphrase"

OLD_RELEASE_SCRIPT = """
import json, sys
from intake_app.domain.actor import Actor
from intake_app.domain.enums import Status
from intake_app.domain.interchange import to_dict
from intake_app.reports.packet_qr import record_sha256
from intake_app.storage.opening import open_store
from tests.factories import make_incident

store = open_store(__import__("pathlib").Path(sys.argv[1]), passphrase=sys.argv[2])
actor = Actor("Sgt. Maria Test", "2231")
draft = store.save(make_incident(felony=False), actor)
referred = store.save(make_incident(), actor)
for to in (Status.IN_REVIEW, Status.APPROVED, Status.REFERRED):
    referred = store.change_status(referred.id, to, actor)
print(json.dumps({"records": [to_dict(store.get(i.id)) for i in (draft, referred)],
                  "packet_sha256": record_sha256(store.get(referred.id))}))
store.engine.dispose()
"""


@pytest.fixture
def previous_release(tmp_path) -> Path:
    source = tmp_path / "previous"
    source.mkdir()
    archive = subprocess.run(["git", "-C", str(REPO), "archive", PREVIOUS_RELEASE, "intake_app", "resources", "tests"],
                             check=True, capture_output=True, timeout=60).stdout
    subprocess.run(["tar", "-x", "-C", str(source)], input=archive, check=True, timeout=60)
    return source


@pytest.fixture
def old_store(previous_release, data_dir) -> dict:
    env = {**os.environ, "PYTHONPATH": str(previous_release), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("INTAKE_PASSPHRASE", None)
    done = subprocess.run([sys.executable, "-c", OLD_RELEASE_SCRIPT, str(data_dir), PASSPHRASE],
                          cwd=previous_release, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_previous_releases_store_opens_with_every_record_as_it_was_written(old_store, data_dir):
    store = open_store(data_dir, passphrase=PASSPHRASE)
    try:
        for written in old_store["records"]:
            now = to_dict(store.get(written["id"]))
            assert now["format"] == "intake.incident/2" and written["format"] == "intake.incident/1"
            assert {k: v for k, v in now.items() if k != "format"} == {k: v for k, v in written.items() if k != "format"}
        assert len(store.list(IncidentFilter())) == 2
    finally:
        store.engine.dispose()


def test_the_previous_releases_audit_trail_and_packet_stamp_still_verify(old_store, data_dir):
    store = open_store(data_dir, passphrase=PASSPHRASE)
    try:
        report = audit_verify.verify(store)
        assert report.ok, report.problems
        referred = store.get(old_store["records"][1]["id"])
        from intake_app.domain.interchange import record_hashes

        assert old_store["packet_sha256"] in record_hashes(referred)
        assert record_sha256(referred) != old_store["packet_sha256"]  # new packets hash the second format
    finally:
        store.engine.dispose()


def test_a_record_of_the_previous_release_takes_the_new_fields_and_is_found_by_its_rd_number(old_store, data_dir,
                                                                                              actor):
    store = open_store(data_dir, passphrase=PASSPHRASE)
    try:
        draft = store.get(old_store["records"][0]["id"])
        assert draft.status == Status.DRAFT
        draft.cpd_rd_number = "JK123456"
        draft.federal_supervisor.credential_check = CredentialCheck.REFUSED
        store.save(draft, actor)
        [found] = store.list(IncidentFilter(text="JK123456"))
        assert found.id == draft.id
        assert audit_verify.verify(store).ok
    finally:
        store.engine.dispose()
