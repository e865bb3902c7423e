"""Where things live: shipped resources (source tree or PyInstaller bundle) and the user's data folder."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "intake"
DATA_DIR_ENV = "INTAKE_DATA_DIR"
CONFIG_DIR_ENV = "INTAKE_CONFIG_DIR"  # tests and portable installs point this elsewhere


def resource_path(*parts: str) -> Path:
    """A file under resources/, in the source tree or inside the frozen bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    root = Path(bundle) if bundle else Path(__file__).resolve().parent.parent
    return root.joinpath("resources", *parts)


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The local store's folder: --data-dir, else INTAKE_DATA_DIR, else the folder chosen in Settings,
    else the platform's user data folder."""
    path = data_dir_path(override)
    path.mkdir(parents=True, exist_ok=True)
    return path


def data_dir_path(override: str | os.PathLike[str] | None = None) -> Path:
    """Where the data folder is, without making it (for those who must not create it, e.g. the CLI's log)."""
    chosen = override or os.environ.get(DATA_DIR_ENV) or preferred_data_dir()
    return Path(chosen).expanduser() if chosen else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def _config_file() -> Path:
    folder = os.environ.get(CONFIG_DIR_ENV) or platformdirs.user_config_dir(APP_NAME, appauthor=False)
    return Path(folder) / "config.json"


def preferred_data_dir() -> Path | None:
    """The data folder chosen in Settings (a path only: this file holds nothing personal)."""
    try:
        value = json.loads(_config_file().read_text(encoding="utf-8")).get("data_dir", "")
    except (OSError, ValueError):
        return None
    return Path(value) if value else None


def remember_data_dir(folder: Path | None) -> None:
    """Used from the next start on, by the app and the `intake` command alike."""
    config = _config_file()
    config.parent.mkdir(parents=True, exist_ok=True)
    tmp = config.with_suffix(".tmp")
    tmp.write_text(json.dumps({"data_dir": str(folder) if folder else ""}), encoding="utf-8")
    os.replace(tmp, config)
