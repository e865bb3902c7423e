"""The PyInstaller bundle: built from build.spec exactly as docs/BUILD.md says, then started on a clean
environment (no virtual environment, no PYTHONPATH, not from the source tree) and self-tested.

About 25 s to build on this 2-core machine (run with `-m bundle`; .ci/run runs it with the whole suite).
"""

from __future__ import annotations

import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest

pytestmark = pytest.mark.bundle

ROOT = Path(__file__).resolve().parents[2]
CHECKS = ("resources", "keyring", "translations", "store", "save", "encryption", "pdf", "window")


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("bundle")
    pyinstaller = Path(sys.executable).parent / "pyinstaller"
    start = time.perf_counter()
    done = subprocess.run([str(pyinstaller), "--noconfirm", "--workpath", str(out / "work"), "--distpath",
                           str(out / "dist"), str(ROOT / "build.spec")], cwd=ROOT, capture_output=True, text=True,
                          timeout=900)
    print(f"\nPyInstaller build: {time.perf_counter() - start:.1f} s")
    assert done.returncode == 0, done.stderr[-4000:]
    return out / "dist" / "intake"


def clean_env(home: Path) -> dict[str, str]:
    """What a station PC has: no venv, no PYTHONPATH, no data folder of ours; a display only via offscreen."""
    return {"PATH": "/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen"}


def run(program: Path, *args: str, home: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(program), *args], env=clean_env(home), cwd=home, capture_output=True, text=True,
                          timeout=120)


def test_the_built_program_passes_its_selftest_outside_the_venv(bundle, tmp_path):
    start = time.perf_counter()
    done = run(bundle / "intake-cli", "--selftest", home=tmp_path)
    print(f"bundle selftest: {time.perf_counter() - start:.2f} s\n{done.stdout}")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "(frozen bundle)" in done.stdout.splitlines()[0]
    for name in CHECKS:
        assert f"ok    {name}:" in done.stdout
    assert done.stdout.rstrip().endswith("selftest passed")


def test_the_desktop_program_runs_the_same_selftest(bundle, tmp_path):
    done = run(bundle / "Intake", "--selftest", home=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_bundle_reports_the_version_from_pyproject(bundle, tmp_path):
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    done = run(bundle / "intake-cli", "--version", home=tmp_path)
    assert done.stdout.strip() == f"intake {version}"


def test_the_bundle_carries_migrations_translations_and_icons(bundle):
    internal = bundle / "_internal"
    assert (internal / "intake_app" / "storage" / "migrations" / "env.py").is_file()
    assert list((internal / "intake_app" / "storage" / "migrations" / "versions").glob("0001_*.py"))
    assert (internal / "intake_app" / "_resources" / "translations" / "intake_es.qm").is_file()
    assert (internal / "intake_app" / "_resources" / "icons" / "intake.ico").is_file()
    assert not list(internal.rglob("*WebEngine*")) and not list(internal.rglob("*Qt6Quick*"))


def test_the_bundle_works_as_a_command_line_tool_on_a_passphrase_store(bundle, tmp_path):
    env = clean_env(tmp_path) | {"INTAKE_PASSPHRASE": "a long station passphrase", "INTAKE_DATA_DIR": str(tmp_path / "d")}
    demo = subprocess.run([str(bundle / "intake-cli"), "demo", "--incidents", "3"], env=env, capture_output=True,
                          text=True, timeout=120)
    assert demo.returncode == 0, demo.stderr
    listed = subprocess.run([str(bundle / "intake-cli"), "list", "--json"], env=env, capture_output=True, text=True,
                            timeout=120)
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.count('"report_number"') == 3
