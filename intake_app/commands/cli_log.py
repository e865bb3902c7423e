"""The command line's trace in the app's rotating log, and its crash reports (review and station security).

One line per command: its name (e.g. `cli.users.add`), exit code and duration. Never its arguments: they
hold file names, search text, names and star numbers. Lines go to the data folder's logs/ (the same
file and filter as the desktop app) when that folder exists: a command that does not use the store
(`hash`, the self-test) must not create the user's data folder just to log. Otherwise they go to the
user's own state folder (paths.state_dir), until the command makes the data folder.

A crash report is the app's own kind (the error's type and where it happened; no message, no local
variables); it goes to the state folder when there is no data folder to write to. Folders are the owner's
only (0700), files too (0600): never a temporary folder every user of the computer can read.
"""

from __future__ import annotations

import argparse
import logging
import re
import time
from pathlib import Path

from ..logging_setup import setup_logging, write_crash_report
from ..paths import data_dir_path, state_dir

log = logging.getLogger("intake.cli")
_ACTION_PART = re.compile(r"[^a-z0-9_]")


def action_name(args: argparse.Namespace) -> str:
    """`cli.` + the sub-command and its action, if it has one (e.g. `users add` -> `cli.users.add`)."""
    parts = [args.command or "app"]
    parts += [value for key, value in sorted(vars(args).items())
              if key.endswith("_command") and key != "command" and isinstance(value, str)]
    return ".".join(["cli", *(_ACTION_PART.sub("_", p.lower()) for p in parts)])


class CommandLog:
    """Attach the log handler for one command, write its line, and detach again (main() may run many
    times in one process, e.g. in tests: the handler must not outlive the command)."""

    def __init__(self, data_dir_option: str | None, action: str):
        self.folder = data_dir_path(data_dir_option)
        self.action = action
        self.started = time.monotonic()
        self._attached: Path | None = None  # the folder whose logs/ the handler writes to
        self._previous_level = logging.getLogger().level
        self._attach()

    def _attach(self) -> None:
        """To the data folder once it exists (the command may make it: first run), else the state folder."""
        target = self.folder if self.folder.is_dir() else None  # None: the state folder
        if self._attached is not None and (target is None or self._attached == target):
            return
        try:
            folder = target or state_dir()
            setup_logging(folder)
        except OSError:
            return  # an unwritable folder must not stop the command; it is reported elsewhere
        self._attached = folder

    def finished(self, exit_code: int) -> None:
        self._attach()  # the command may have made the data folder (first run)
        log.info("command finished", extra={"action": self.action, "exit_code": exit_code,
                                            "duration_ms": round((time.monotonic() - self.started) * 1000)})

    def crashed(self, exc: BaseException) -> Path:
        self._attach()
        try:
            path = write_crash_report(self.folder if self.folder.is_dir() else state_dir(), type(exc), exc,
                                      exc.__traceback__)
        except OSError:
            path = write_crash_report(state_dir(), type(exc), exc, exc.__traceback__)
        log.error("crash report written", extra={"action": self.action})
        return path

    def close(self) -> None:
        root = logging.getLogger()
        if self._attached:
            for handler in list(root.handlers):
                if getattr(handler, "intake_log", False):
                    root.removeHandler(handler)
                    handler.close()
        root.setLevel(self._previous_level)
