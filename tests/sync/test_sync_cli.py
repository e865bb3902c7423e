"""The administrator and the station on the command line, end to end through a real server."""

from __future__ import annotations

from intake_app.cli import main
from intake_app.domain.interchange import dumps

from ..factories import make_incident
from .conftest import ServerProcess, free_port


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_stations_enter_records_while_the_server_is_stopped_and_headquarters_gets_each_once(tmp_path, capsys, pg_url, admin):
    admin.sql_do("TRUNCATE incidents, changes, pushes, conflicts, audit_heads")
    url = f"http://127.0.0.1:{free_port()}"
    server = ServerProcess(pg_url, port=int(url.rsplit(":", 1)[1])).start()
    codes = {}
    for name, scope in (("a", ["--district", "9"]), ("b", ["--district", "9"]), ("hq", ["--headquarters"])):
        code, out, _ = run(capsys, "server", "create-enrollment", *scope, "--database-url", pg_url)
        assert code == 0
        codes[name] = out.strip()
    for name in codes:
        assert run(capsys, "--data-dir", str(tmp_path / name), "enroll", url, "--code", codes[name])[0] == 0
    server.stop()

    for name, count in (("a", 3), ("b", 2)):
        path = tmp_path / f"{name}.json"
        path.write_text(dumps([make_incident() for _ in range(count)]))
        assert run(capsys, "--data-dir", str(tmp_path / name), "import", str(path))[0] == 0
        code, _, err = run(capsys, "--data-dir", str(tmp_path / name), "sync")
        assert code == 1 and "Cannot reach the server" in err and "kept" in err
    code, out, _ = run(capsys, "--data-dir", str(tmp_path / "a"), "sync", "--status")
    assert "pending:       3 change(s)" in out and "Cannot reach the server" in out

    server.start()
    try:
        for name in ("a", "b", "hq"):
            code, out, err = run(capsys, "--data-dir", str(tmp_path / name), "sync")
            assert code == 0, err
        code, out, _ = run(capsys, "--data-dir", str(tmp_path / "hq"), "list", "--json")
    finally:
        server.stop()
    import json

    listed = json.loads(out)
    assert len(listed) == 5 and len({r["id"] for r in listed}) == 5


def test_enrolling_over_plain_http_to_another_computer_is_refused(tmp_path, capsys):
    code, _, err = run(capsys, "--data-dir", str(tmp_path / "a"), "enroll", "http://intake.example.org", "--code", "X")
    assert code == 2 and "not encrypted" in err


def test_sync_before_enrolling_says_what_to_do(tmp_path, capsys):
    code, _, err = run(capsys, "--data-dir", str(tmp_path / "a"), "sync")
    assert code == 1 and "intake enroll URL --code CODE" in err


def test_revoking_an_unknown_device_is_bad_input(capsys, pg_url):
    code, _, err = run(capsys, "server", "revoke-device", "999999", "--database-url", pg_url)
    assert code == 2 and "no device 999999" in err
