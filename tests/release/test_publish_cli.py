"""`intake publish` on the command line."""

from __future__ import annotations

from intake_app.cli import main
from intake_app.domain.enums import Status
from tests.factories import make_incident

from .conftest import stored_as


def test_a_bad_date_exits_2_naming_the_option_and_the_format(data_dir, tmp_path, capsys):
    code = main(["--data-dir", str(data_dir), "publish", "--out", str(tmp_path / "r"), "--from", "2026-13-01"])
    err = capsys.readouterr().err
    assert code == 2
    assert "--from" in err and "YYYY-MM-DD" in err
    assert not (tmp_path / "r").exists()


def test_from_after_to_exits_2(data_dir, tmp_path, capsys):
    code = main(["--data-dir", str(data_dir), "publish", "--out", str(tmp_path / "r"),
                 "--from", "2026-11-02", "--to", "2026-11-01"])
    assert code == 2
    assert "after" in capsys.readouterr().err


def test_publish_writes_the_release_and_says_what_it_left_out(store, actor, data_dir, tmp_path, capsys):
    stored_as(store, actor, make_incident(), Status.APPROVED)
    stored_as(store, actor, make_incident(is_demo=True), Status.APPROVED)
    store.engine.dispose()
    out = tmp_path / "r"
    code = main(["--data-dir", str(data_dir), "publish", "--out", str(out)])
    captured = capsys.readouterr()
    assert code == 0
    assert "released 1 incident(s)" in captured.out
    assert "1 demo incident(s) left out" in captured.err and "--include-demo" in captured.err
    assert (out / "incidents.csv").read_text().count("\n") == 2


def test_demo_then_publish_with_include_demo_gives_a_marked_release(data_dir, tmp_path, capsys):
    assert main(["--data-dir", str(data_dir), "demo", "--incidents", "60"]) == 0
    out = tmp_path / "r"
    assert main(["--data-dir", str(data_dir), "publish", "--out", str(out), "--include-demo"]) == 0
    assert "(DEMO DATA)" in capsys.readouterr().out
    assert (out / "DEMO-incidents.csv").exists() and (out / "DEMO-manifest.json").exists()
