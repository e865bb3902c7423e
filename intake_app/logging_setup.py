"""Structured log (JSON lines, rotated) and crash reports in the data folder's logs/ (review and station security). No Qt.

Rule for every caller: log ids and actions, never record contents. The filter here is the second line of
defence: it drops formatting arguments that are not plain numbers or ids and blanks quoted text, phone-like
digit runs and e-mail addresses, because a reporting party's identity must never reach a file in clear.
Crash reports hold the exception type and where it happened; never its message or local variables.
"""

from __future__ import annotations

import json
import logging
import os
import re
import sys
import traceback
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

LOG_FILE = "intake.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
REDACTED = "(redacted)"
SAFE_FIELDS = ("incident_id", "report_number", "action", "star", "count", "duration_ms", "exit_code")

_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
_PHONE = re.compile(r"(?<![\w-])\+?\(?\d[\d\-\s().]{5,}\d(?![\w-])")
_WORD = re.compile(r"^[a-z_][a-z0-9_.]{0,39}$")  # an action name such as "status" or "sync.push"
_ID = re.compile(r"^(?:[0-9a-fA-F-]{36}|D\d{3}-\d{4}-[A-Z0-9]{3}-\d{5})$")


def redact(text: str) -> str:
    text = _QUOTED.sub(REDACTED, text)
    text = _EMAIL.sub(REDACTED, text)
    return _PHONE.sub(REDACTED, text)


def _safe_arg(value: object) -> object:
    if isinstance(value, bool | int | float) or value is None:
        return value
    import uuid  # here: the app's start logs before it needs the module (start-up speed)

    if isinstance(value, uuid.UUID) or (isinstance(value, str) and _ID.match(value)):
        return str(value)
    return REDACTED


class RedactingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if record.args:
            args = record.args if isinstance(record.args, tuple) else (record.args,)
            try:
                record.msg = str(record.msg) % tuple(_safe_arg(a) for a in args)
            except (TypeError, ValueError):
                record.msg = str(record.msg)
            record.args = None
        record.msg = redact(str(record.msg))
        record.exc_text = None
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, object] = {
            "at": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "event": redact(record.getMessage()),
        }
        for name in SAFE_FIELDS:
            if hasattr(record, name):
                value = getattr(record, name)
                line[name] = value if name == "action" and _WORD.match(str(value)) else _safe_arg(value)
        if record.exc_info and record.exc_info[0] is not None:
            line["exception"] = record.exc_info[0].__name__  # the type only: messages may hold values
        return json.dumps(line, ensure_ascii=False)


class RotatingLog(logging.FileHandler):
    """The log file, renamed to `<name>.1` (the older ones to .2, .3 ... up to BACKUPS, the oldest dropped) when
    the next line would take it past MAX_BYTES. logging.handlers.RotatingFileHandler does the same, but its
    module imports the socket, pickle and queue modules for its other handlers: 5 ms of the app's start
    (start-up speed)."""

    def __init__(self, path: Path, max_bytes: int = MAX_BYTES, backups: int = BACKUPS):
        super().__init__(path, encoding="utf-8")
        self.max_bytes, self.backups = max_bytes, backups
        self.intake_log = False  # set on the one handler setup_logging installs, so a second call replaces it

    def _open(self):
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, PRIVATE_FILE)
        return open(fd, "a", encoding=self.encoding, errors=self.errors)

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self.stream is not None and self.stream.tell() + len(self.format(record)) + 1 > self.max_bytes:
                self._roll_over()
        except Exception:  # noqa: BLE001 - as logging's own handlers: a logging failure never stops the app
            self.handleError(record)
            return
        super().emit(record)

    def _roll_over(self) -> None:
        if self.stream is not None:
            self.stream.close()
        self.stream = None  # reopened by FileHandler.emit
        base = Path(self.baseFilename)
        numbered = [base.with_name(f"{base.name}.{n}") for n in range(1, self.backups + 1)]
        for older, newer in zip(reversed(numbered[1:]), reversed(numbered[:-1]), strict=True):
            if newer.exists():
                os.replace(newer, older)
        os.replace(base, numbered[0])


PRIVATE_FILE = 0o600  # logs and crash reports: the owner only, whatever the umask


def logs_dir(data_dir: Path) -> Path:
    from .paths import private_folder

    return private_folder(Path(data_dir) / "logs")


def setup_logging(data_dir: Path, level: int = logging.INFO) -> Path:
    """Send the root logger to logs/intake.log (rotated); returns the file's path. Safe to call twice."""
    path = logs_dir(data_dir) / LOG_FILE
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "intake_log", False):
            root.removeHandler(handler)
            handler.close()
    handler = RotatingLog(path)
    handler.intake_log = True
    handler.addFilter(RedactingFilter())
    handler.setFormatter(JsonFormatter())
    root.addHandler(handler)
    root.setLevel(level)
    return path


def write_crash_report(data_dir: Path, exc_type, exc, tb) -> Path:
    """Where it happened and what kind of error, without local variables, record contents or the error's
    message: a message can quote anything (a name typed in a form, a search, a file's contents), unquoted
    too, where redact() cannot see it. The type and the place are enough to find the bug."""
    import uuid

    now = datetime.now(UTC)
    path = logs_dir(data_dir) / f"crash-{now:%Y%m%d-%H%M%S}-{uuid.uuid4().hex[:6]}.txt"
    lines = [
        "Intake crash report (no personal data: local variables and record contents are never written)",
        f"time: {now.isoformat(timespec='seconds')}",
        f"python: {sys.version.split()[0]}  platform: {sys.platform}",
        f"error: {exc_type.__name__} (its message is left out: it may quote personal data)",
        "where (most recent call last):",
    ]
    for frame in traceback.extract_tb(tb):
        lines.append(f"  {Path(frame.filename).name}:{frame.lineno} in {frame.name}")
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    with open(fd, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    return path


def install_crash_handler(data_dir: Path, on_crash: Callable[[Path], None] | None = None) -> None:
    """sys.excepthook writes a crash report and tells `on_crash` (the app's crash dialog) where it is."""
    def hook(exc_type, exc, tb):
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        path = write_crash_report(data_dir, exc_type, exc, tb)
        logging.getLogger("intake.crash").error("crash report written", extra={"action": "crash"})
        sys.stderr.write(f"Intake stopped because of an error. A report without personal data is in {path}\n")
        if on_crash is not None:
            on_crash(path)
    sys.excepthook = hook
