"""`intake hash` and `intake verify-footage` at a terminal."""

import os
import subprocess

from intake_app.security.hashing import hash_file

from ..factories import make_incident


def test_hash_prints_sha256_size_and_path_like_sha256sum(intake, tmp_path):
    a, b = tmp_path / "a.mp4", tmp_path / "empty.mp4"
    a.write_bytes(os.urandom(70_000))
    b.write_bytes(b"")
    code, out, _ = intake("hash", str(a), str(b))
    assert code == 0
    expected = subprocess.run(["sha256sum", str(a), str(b)], capture_output=True, text=True).stdout.split("\n")
    lines = out.splitlines()
    assert lines[0] == f"{expected[0].split()[0]}  70000  {a}"
    assert lines[1] == f"{expected[1].split()[0]}  0  {b}"


def test_hash_of_a_missing_file_is_bad_input(intake, tmp_path):
    code, _, err = intake("hash", str(tmp_path / "nope.mp4"))
    assert code == 2 and "nope.mp4" in err


def _with_files(store, actor, tmp_path):
    inc = make_incident(footage=3)
    for i, item in enumerate(inc.footage):
        path = tmp_path / f"cam{i}.mp4"
        path.write_bytes(os.urandom(50_000))
        item.file_path, item.sha256 = str(path), hash_file(path).sha256
    saved = store.save(inc, actor)
    store.engine.dispose()
    return saved


def test_verify_footage_reports_every_file_matching(intake, store, actor, tmp_path):
    saved = _with_files(store, actor, tmp_path)
    code, out, _ = intake("verify-footage", saved.report_number)
    assert code == 0 and out.count("MATCH") == 3


def test_verify_footage_reports_a_changed_file_and_a_missing_one(intake, store, actor, tmp_path):
    saved = _with_files(store, actor, tmp_path)
    with open(saved.footage[1].file_path, "r+b") as f:
        f.write(b"X")
    os.remove(saved.footage[2].file_path)
    code, out, _ = intake("verify-footage", saved.id)
    assert code == 1
    lines = out.splitlines()
    assert lines[0].startswith("MATCH") and lines[1].startswith("MISMATCH") and "footage[1]" in lines[1]
    assert lines[2].startswith("MISSING") and "cam2.mp4" in lines[2]
