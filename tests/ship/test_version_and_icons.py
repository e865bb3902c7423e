"""The version lives in pyproject.toml only; the icon set is complete for Windows, macOS and Linux."""

from __future__ import annotations

import struct
import tomllib
from pathlib import Path

import intake_app
from intake_app.cli import main
from intake_app.paths import resource_path

ROOT = Path(__file__).resolve().parents[2]


def test_the_version_shown_is_the_one_in_pyproject(capsys):
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert intake_app.__version__ == declared
    try:
        main(["--version"])
    except SystemExit as exc:
        assert exc.code == 0
    assert capsys.readouterr().out.strip() == f"intake {declared}"


def test_windows_icon_holds_every_size_up_to_256():
    data = resource_path("icons", "intake.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    sizes = {struct.unpack_from("<B", data, 6 + 16 * i)[0] or 256 for i in range(count)}
    assert (reserved, kind) == (0, 1)
    assert {16, 32, 48, 256} <= sizes


def test_macos_icon_is_an_icns_with_retina_sizes():
    data = resource_path("icons", "intake.icns").read_bytes()
    assert data[:4] == b"icns" and struct.unpack_from(">I", data, 4)[0] == len(data)
    kinds, offset = set(), 8
    while offset < len(data):
        kinds.add(data[offset:offset + 4].decode("ascii"))
        offset += struct.unpack_from(">I", data, offset + 4)[0]
    assert {"ic07", "ic08", "ic09", "ic10"} <= kinds


def test_the_svg_master_and_the_pngs_are_shipped():
    assert resource_path("icons", "intake.svg").read_text(encoding="utf-8").startswith("<svg")
    for size in (16, 32, 256):
        assert resource_path("icons", f"intake-{size}.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
