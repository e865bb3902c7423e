"""What every sub-command gets: where the store is, how to open it, who is acting, where to print."""

from __future__ import annotations

import getpass
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from ..domain.actor import Actor
from ..paths import data_dir as resolve_data_dir

if TYPE_CHECKING:
    from ..storage.repository import IncidentStore


class UsageError(ValueError):
    """Bad input on the command line: printed plainly, exit code 2."""


def ask_secret(prompt: str, env_hint: str) -> str:
    """A passphrase typed at the terminal (never echoed). With no one to type (input closed, e.g. a script),
    a usage error that names the environment variable to use instead."""
    try:
        return getpass.getpass(prompt)
    except EOFError as exc:
        raise UsageError(f"No passphrase was typed (the input is closed); a script sets {env_hint}.") from exc


@dataclass
class CliContext:
    data_dir_option: str | None = None
    prompt_passphrase: bool = False
    out: TextIO = field(default_factory=lambda: sys.stdout)
    err: TextIO = field(default_factory=lambda: sys.stderr)
    _store: IncidentStore | None = None

    @property
    def data_dir(self) -> Path:
        return resolve_data_dir(self.data_dir_option)

    def passphrase(self) -> str | None:
        if self.prompt_passphrase:
            return getpass.getpass("Passphrase for the local store: ")
        return None  # INTAKE_PASSPHRASE, if set, is read where the key is made

    @property
    def store(self) -> IncidentStore:
        if self._store is None:
            from ..storage.opening import open_store

            self._store = open_store(self.data_dir, passphrase=self.passphrase())
        return self._store

    def actor(self, star: str | None = None) -> Actor:
        """Once the station has users (review and station security): the user named by `star` (else INTAKE_USER), signed in with
        INTAKE_USER_PASSPHRASE or a prompt. Before that: the station's supervisor from Settings; otherwise
        the OS account, so every change still has a who."""
        from ..security.users import has_users, sign_in

        if has_users(self.store):
            star = (star or os.environ.get("INTAKE_USER", "")).strip()
            if not star:
                raise UsageError("This station has users: set INTAKE_USER to your star number "
                                 "(and INTAKE_USER_PASSPHRASE, or type it when asked).")
            passphrase = os.environ.get("INTAKE_USER_PASSPHRASE")
            if passphrase is None:
                passphrase = ask_secret(f"Passphrase for star {star}: ", "INTAKE_USER_PASSPHRASE")
            try:
                return sign_in(self.store, star, passphrase)
            except PermissionError as exc:
                raise UsageError(str(exc)) from exc
        s = self.store.settings()
        if s.supervisor_name and s.supervisor_star:
            return Actor(s.supervisor_name, s.supervisor_star)
        return Actor(os.environ.get("INTAKE_ACTOR") or f"{getpass.getuser()} (CLI)", os.environ.get("INTAKE_ACTOR_STAR", "0"))

    def viewer(self, star: str | None = None) -> Actor | None:
        """Who is reading (review and station security): the user who signed in with `--as STAR` (or INTAKE_USER) and their
        passphrase, or None when nobody did, and then the reporting party stays masked. Unlike `actor`, it
        never falls back to the station's settings or the OS account: those prove nobody's identity, so
        they get no role. A wrong passphrase is a usage error (exit 2) raised before anything is printed."""
        from ..security.users import has_users

        explicit = (star or "").strip()
        if not has_users(self.store):
            if explicit:
                raise UsageError(f"--as: this station has no users yet, so star {explicit} cannot sign in. "
                                 "Its administrator creates them: intake users add --star N --name NAME --role ROLE")
            return None  # INTAKE_USER set for a station that has no users yet: nobody to sign in as
        if not (explicit or os.environ.get("INTAKE_USER", "").strip()):
            return None
        return self.actor(star=explicit or None)

    def close(self) -> None:
        if self._store is not None:
            self._store.engine.dispose()
            self._store = None


def display_available() -> bool:
    """Whether a window can open here (the desktop app, `intake selftest`'s window check)."""
    if sys.platform in ("win32", "darwin"):
        return True
    if os.environ.get("QT_QPA_PLATFORM", "").split(":")[0] in ("offscreen", "minimal", "vnc", "eglfs", "linuxfb"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
