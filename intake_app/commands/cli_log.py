"""The command line's trace in the app's rotating log, and its crash reports (issue 6).

One line per command: its name (e.g. `cli.users.add`), exit code and duration. Never its arguments: they
hold file names, search text, names and star numbers. Lines go to the data folder's logs/ (the same
file and filter as the desktop app), but only when that folder exists: a command that does not use the
store (`hash`, the self-test) must not create the user's data folder just to log.

A crash report is the app's own kind (the error's type and where it happened; no message, no local
variables); it goes to the temporary folder when there is no data folder to write to.
"""

from __future__ import annotations

import argparse
import logging
import re
import tempfile
import time
from pathlib import Path

from ..logging_setup import setup_logging, write_crash_report
from ..paths import data_dir_path

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
        self._attached = False
        self._previous_level = logging.getLogger().level
        self._attach()

    def _attach(self) -> None:
        if not self._attached and self.folder.is_dir():
            try:
                setup_logging(self.folder)
            except OSError:
                return  # an unwritable data folder must not stop the command; it is reported elsewhere
            self._attached = True

    def finished(self, exit_code: int) -> None:
        self._attach()  # the command may have made the data folder (first run)
        log.info("command finished", extra={"action": self.action, "exit_code": exit_code,
                                            "duration_ms": round((time.monotonic() - self.started) * 1000)})

    def crashed(self, exc: BaseException) -> Path:
        self._attach()
        fallback = Path(tempfile.gettempdir()) / "intake"
        try:
            path = write_crash_report(self.folder if self.folder.is_dir() else fallback, type(exc), exc,
                                      exc.__traceback__)
        except OSError:
            path = write_crash_report(fallback, type(exc), exc, exc.__traceback__)
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
