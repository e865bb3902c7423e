"""The data folder holds the encrypted store, its salt and the audit trail: on a shared station PC (a Linux
desktop with several accounts) a folder Intake makes is its owner's alone, as the logs' folder is. A folder the
user chose and made beforehand keeps the permissions they gave it."""

from __future__ import annotations

import os
import stat

import pytest

from intake_app.cli import main

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_data_folder_made_by_a_command_is_the_owners_alone(tmp_path, capsys):
    folder = tmp_path / "new" / "intake"
    assert main(["--data-dir", str(folder), "demo", "--incidents", "1"]) == 0
    assert mode(folder) == 0o700


def test_the_platforms_data_folder_is_made_owner_only(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    assert main(["demo", "--incidents", "1"]) == 0
    assert mode(tmp_path / "share" / "intake") == 0o700


def test_the_platforms_data_folder_left_open_by_an_older_version_is_tightened(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    (tmp_path / "share" / "intake").mkdir(parents=True, mode=0o755)
    os.chmod(tmp_path / "share" / "intake", 0o755)
    assert main(["list"]) == 0
    assert mode(tmp_path / "share" / "intake") == 0o700


def test_a_folder_the_user_made_and_chose_keeps_its_permissions(tmp_path, capsys):
    folder = tmp_path / "shared-by-choice"
    folder.mkdir()
    os.chmod(folder, 0o750)
    assert main(["--data-dir", str(folder), "demo", "--incidents", "1"]) == 0
    assert mode(folder) == 0o750
