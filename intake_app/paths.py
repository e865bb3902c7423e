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


RESOURCES_PACKAGE = "intake_app._resources"  # resources/ as installed from the wheel (pyproject.toml)


class MissingResource(FileNotFoundError):
    """A file the program ships with is not there: the installation is broken, not the user's input."""

    def __init__(self, path: Path):
        super().__init__(f"this installation of Intake is incomplete: {path} is missing (reinstall Intake; "
                         f"`intake --selftest` checks every shipped file)")
        self.path = path


def resources_root() -> Path:
    """The folder of the shipped resources: inside the PyInstaller bundle (build.spec puts them in
    intake_app/_resources, as the wheel does); in the source tree (also an editable install) the
    repository's resources/; in an installed wheel the package intake_app._resources."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle, *RESOURCES_PACKAGE.split("."))
    checkout = Path(__file__).resolve().parent.parent
    if (checkout / "pyproject.toml").is_file() and (checkout / "resources").is_dir():
        return checkout / "resources"
    from importlib.resources import files

    # A wheel installs as plain files (never zipped), so the traversable is a folder on disk.
    return Path(str(files("intake_app").joinpath("_resources")))


def resource_path(*parts: str) -> Path:
    """A file under resources/, wherever this copy of Intake runs from (see resources_root)."""
    return resources_root().joinpath(*parts)


def shipped_file(*parts: str) -> Path:
    """A shipped file that must be there; MissingResource (exit 1, "reinstall") when it is not."""
    path = resource_path(*parts)
    if not path.is_file():
        raise MissingResource(path)
    return path


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The local store's folder: --data-dir, else INTAKE_DATA_DIR, else the folder chosen in Settings,
    else the platform's user data folder."""
    path = data_dir_path(override)
    if path == default_data_dir():
        return private_folder(path)  # ours alone by definition, tightened if an older version left it open
    if not path.is_dir():
        # Made by us: the store, its salt and the audit trail are the owner's alone on a shared computer. A
        # folder the user made and chose keeps the permissions they gave it.
        path.parent.mkdir(parents=True, exist_ok=True)
        private_folder(path)
    return path


def default_data_dir() -> Path:
    """The platform's user data folder (`~/.local/share/intake`, `%LOCALAPPDATA%\\intake`)."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def data_dir_path(override: str | os.PathLike[str] | None = None) -> Path:
    """Where the data folder is, without making it (for those who must not create it, e.g. the CLI's log)."""
    chosen = override or os.environ.get(DATA_DIR_ENV) or preferred_data_dir()
    return Path(chosen).expanduser() if chosen else default_data_dir()


def private_folder(path: Path) -> Path:
    """A folder only its owner may enter (0700), made if needed and tightened if it exists: logs and crash
    reports never sit where other users of the computer can read them."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    if os.name == "posix":
        os.chmod(path, 0o700)
    return path


def state_dir() -> Path:
    """The user's own state folder (`~/.local/state/intake` on Linux, XDG_STATE_HOME honoured), owner-only:
    the log and crash reports of a command whose data folder does not exist (yet) go there, never to a
    temporary folder shared by every user of the computer."""
    return private_folder(Path(platformdirs.user_state_dir(APP_NAME, appauthor=False)))


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
