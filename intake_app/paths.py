"""Where things live: shipped resources (source tree or PyInstaller bundle) and the user's data folder."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "intake"
DATA_DIR_ENV = "INTAKE_DATA_DIR"


def resource_path(*parts: str) -> Path:
    """A file under resources/, in the source tree or inside the frozen bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    root = Path(bundle) if bundle else Path(__file__).resolve().parent.parent
    return root.joinpath("resources", *parts)


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The local store's folder: --data-dir, else INTAKE_DATA_DIR, else the platform's user data folder."""
    chosen = override or os.environ.get(DATA_DIR_ENV)
    path = Path(chosen).expanduser() if chosen else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path
