"""A normal install: the wheel built from this checkout, installed into a fresh virtual environment outside
it, runs the README's commands from a folder that is not the checkout. resources/ (statute catalogue,
schema, receipts, fonts, icons, translations) travels inside the wheel as intake_app/_resources, and every
library a command imports is a runtime dependency.

The install takes a minute or two (PySide6 comes from pip's cache); run alone with `-m wheel`.
"""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PG = ["-h", "127.0.0.1", "-U", "postgres"]
PASSPHRASE = "a wheel install passphrase"


def test_every_folder_of_the_package_is_listed_for_the_wheel():
    """pyproject.toml lists the packages (resources/ is mapped in, so they cannot be found): a new folder of
    Python files left off the list would be missing from every install."""
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    folders = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "intake_app").rglob("*.py")
               if "__pycache__" not in p.parts}
    assert folders - listed == set()
    assert "intake_app._resources" in listed


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The `intake` program of a fresh virtual environment that has only the wheel and its dependencies."""
    where = tmp_path_factory.mktemp("wheel-install")
    assert ROOT not in where.parents
    wheels = where / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-q", "-w", str(wheels)],
                   check=True, capture_output=True, timeout=600)
    (wheel,) = wheels.glob("intake_app-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    # Every file of resources/ (a new folder, such as the beat map's, included) is in the wheel.
    shipped = {p.relative_to(ROOT / "resources").as_posix() for p in (ROOT / "resources").rglob("*") if p.is_file()}
    assert {name for name in shipped if f"intake_app/_resources/{name}" not in names} == set()
    assert {"statutes.json", "geography/chicago-police-beats.geojson", "translations/intake_es.qm"} <= shipped
    venv = where / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    done = subprocess.run([str(venv / "bin" / "pip"), "install", "-q", str(wheel)], capture_output=True, text=True,
                          timeout=1200)
    assert done.returncode == 0, done.stderr[-3000:]
    return venv / "bin" / "intake"


@pytest.fixture
def user(tmp_path) -> dict[str, str]:
    """A user's environment: no PYTHONPATH, no virtual environment active, a home and data folder of their own."""
    home = tmp_path / "home"
    home.mkdir()
    env = {key: value for key, value in os.environ.items()
           if key not in ("PYTHONPATH", "VIRTUAL_ENV", "INTAKE_DATA_DIR", "INTAKE_CONFIG_DIR")}
    env.update(HOME=str(home), INTAKE_PASSPHRASE=PASSPHRASE, QT_QPA_PLATFORM="offscreen",
               XDG_DATA_HOME=str(home / ".local" / "share"), XDG_CONFIG_HOME=str(home / ".config"),
               XDG_STATE_HOME=str(home / ".local" / "state"))
    return env


def run(intake: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(intake), *args], env=env, cwd=env["HOME"], capture_output=True, text=True, timeout=300)


@pytest.fixture
def fresh_database():
    name = f"intake_wheel_{secrets.token_hex(4)}"
    subprocess.run(["createdb", *PG, name], check=True)
    yield f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    subprocess.run(["dropdb", "--force", *PG, name], check=True)


@pytest.mark.wheel
def test_an_installed_wheel_runs_the_readme_commands_outside_the_checkout(installed, user, fresh_database):
    def ok(*args: str) -> str:
        done = run(installed, user, *args)
        assert done.returncode == 0, f"intake {' '.join(args)}: {done.stdout}{done.stderr}"
        return done.stdout

    assert "added 3 demo incidents" in ok("demo", "--incidents", "3")
    first = json.loads(ok("list", "--json"))[0]["report_number"]
    home = Path(user["HOME"])
    assert "wrote" in ok("report", first, "--out", "packet.pdf")
    assert (home / "packet.pdf").read_bytes().startswith(b"%PDF")
    assert "(es)" in ok("receipt", first, "--lang", "es", "--out", "receipt.pdf")
    assert "OK: the packet matches the record" in ok("verify-packet", "packet.pdf")
    assert "server schema is up to date" in ok("server", "migrate", "--database-url", fresh_database)
    selftest = ok("--selftest")
    assert selftest.rstrip().endswith("selftest passed")
    assert "_resources" in selftest  # the resources check names where it found them: inside the package


@pytest.mark.wheel
def test_an_installed_wheel_says_plainly_which_shipped_file_is_missing(installed, user):
    """A broken install (here: the receipts taken out) is reported as such, exit 1, never blamed on the input."""
    receipts = installed.parent.parent / "lib"
    (english,) = receipts.glob("python3*/site-packages/intake_app/_resources/receipts/en.json")
    spanish = english.with_name("es.json")
    saved = {path: path.read_bytes() for path in (english, spanish)}
    try:
        for path in saved:
            path.unlink()
        done = run(installed, user, "receipt", "D000-0000-XXX-00000", "--lang", "es", "--out", "r.pdf")
    finally:
        for path, data in saved.items():
            path.write_bytes(data)
    assert done.returncode == 1, done.stderr
    assert "incomplete" in done.stderr and "receipts/en.json" in done.stderr
    assert "available" not in done.stderr
