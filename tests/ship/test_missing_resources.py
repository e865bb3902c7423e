"""A broken installation (a shipped file missing) is said plainly: which file, exit 1, "reinstall". It is never
blamed on the user's input."""

from __future__ import annotations

import shutil

import pytest

from intake_app import paths


@pytest.fixture
def shipped_copy(tmp_path, monkeypatch):
    """The program's resources as a copy we may break."""
    copy = tmp_path / "resources"
    shutil.copytree(paths.resources_root(), copy)
    monkeypatch.setattr(paths, "resources_root", lambda: copy)
    return copy


def test_a_receipt_without_its_shipped_texts_names_the_missing_file(intake, shipped_copy, tmp_path):
    shutil.rmtree(shipped_copy / "receipts")
    code, _out, err = intake("receipt", "D009-2026-ABC-00001", "--lang", "es", "--out", str(tmp_path / "r.pdf"))
    assert code == 1
    assert "incomplete" in err and str(shipped_copy / "receipts" / "en.json") in err
    assert "available" not in err and "--lang" not in err
    assert not (tmp_path / "r.pdf").exists()


def test_a_store_without_the_shipped_statute_catalogue_names_it(intake, shipped_copy):
    (shipped_copy / "statutes.json").unlink()
    code, _out, err = intake("list")
    assert code == 1
    assert str(shipped_copy / "statutes.json") in err and "reinstall" in err
