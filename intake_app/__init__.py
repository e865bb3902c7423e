"""Intake: documenting alleged violations by federal immigration agents (Chicago "ICE On Notice")."""

from __future__ import annotations

from pathlib import Path

# The version is written in one place: pyproject.toml's [project] version. The frozen bundle carries
# no pyproject.toml, so build.spec stamps that same value into intake_app/_version.txt inside the bundle.
VERSION_STAMP = "_version.txt"


def _read_version() -> str:
    here = Path(__file__).resolve().parent
    pyproject = here.parent / "pyproject.toml"
    if pyproject.is_file():  # source tree (also an editable install): read it fresh, never a stale copy
        import tomllib

        with pyproject.open("rb") as f:
            return tomllib.load(f)["project"]["version"]
    stamp = here / VERSION_STAMP
    if stamp.is_file():  # PyInstaller bundle
        return stamp.read_text(encoding="utf-8").strip()
    from importlib.metadata import PackageNotFoundError, version

    try:  # installed as a wheel
        return version("intake-app")
    except PackageNotFoundError:
        return "0.0.0+unknown"


def __getattr__(name: str) -> str:
    """`__version__` is read on first use: the desktop app's start (start-up speed) needs it only in the About box."""
    if name == "__version__":
        globals()["__version__"] = version = _read_version()
        return version
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
