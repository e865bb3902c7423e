"""Attach a footage file: its SHA-256 computed in the background with a progress bar, MB/s and Cancel.

The hash runs on the task runner's "io" pool (never the GUI thread); progress crosses to the GUI thread
through a queued signal, at most about ten times a second. A cancelled or failed hash leaves no result.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from ...security.hashing import CancelFlag, FileHash, HashCancelled, hash_file
from ..common.i18n import format_datetime

MB = 1_000_000


class _Relay(QObject):
    """Lives on the GUI thread; emitted from the worker, so delivery is queued onto the GUI thread."""

    progress = Signal(object, object)  # byte counts pass 2 GiB: not a C int


def throughput_text(done: int, seconds: float) -> str:
    return f"{done / MB / seconds:,.0f} MB/s" if seconds > 0 else ""


class HashProgress(QWidget):
    finished = Signal(object)  # FileHash
    cancelled = Signal()
    failed = Signal(str)
    running_changed = Signal(bool)

    EMIT_EVERY = 0.1  # seconds

    def __init__(self, runner, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = runner
        self.result: FileHash | None = None
        self._flag: CancelFlag | None = None
        self._started = 0.0
        self._relay = _Relay(self)
        self._relay.progress.connect(self._show_progress)

        self.bar = QProgressBar()
        self.bar.setRange(0, 1000)
        self.bar.setAccessibleName(self.tr("Hashing progress"))
        self.status = QLabel("")
        self.status.setMinimumWidth(200)
        self.cancel_button = QPushButton(self.tr("Cancel &hashing"))
        self.cancel_button.clicked.connect(self.cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.bar.setMaximumWidth(160)
        layout.addWidget(self.bar)
        layout.addWidget(self.status, 1)
        layout.addWidget(self.cancel_button)
        self._set_running(False)
        self.bar.setVisible(False)

    @property
    def running(self) -> bool:
        return self._flag is not None

    def start(self, path: str) -> None:
        self.cancel()
        self.result = None
        flag = self._flag = CancelFlag()
        relay, last = self._relay, [0.0]
        self._started = time.monotonic()

        def progress(done: int, total: int) -> None:
            now = time.monotonic()
            if now - last[0] >= self.EMIT_EVERY or done == total:
                last[0] = now
                relay.progress.emit(done, total)

        self.bar.setValue(0)
        self.bar.setVisible(True)
        self.status.setText(self.tr("Computing SHA-256…"))
        self._set_running(True)
        self.runner.run(lambda: hash_file(path, progress=progress, cancel=flag),
                        lambda result: self._done(flag, result), lambda exc: self._failed(flag, exc), pool="io")

    def cancel(self) -> None:
        if self._flag is not None:
            self._flag.cancel()
            self._flag = None
            self.status.setText(self.tr("Cancelled: no hash stored."))
            self._set_running(False)
            self.cancelled.emit()

    def _set_running(self, running: bool) -> None:
        self.cancel_button.setEnabled(running)
        self.running_changed.emit(running)

    def _show_progress(self, done: int, total: int) -> None:
        if self._flag is None:
            return
        self.bar.setValue(int(1000 * done / total) if total else 1000)
        elapsed = time.monotonic() - self._started
        self.status.setText(self.tr("%1 of %2 MB · %3").replace("%1", f"{done / MB:,.0f}").replace("%2", f"{total / MB:,.0f}")
                            .replace("%3", throughput_text(done, elapsed)))

    def _done(self, flag: CancelFlag, result: FileHash) -> None:
        if flag is not self._flag:  # cancelled or superseded meanwhile: this result is not wanted
            return
        self._flag = None
        self.result = result
        self.bar.setValue(1000)
        elapsed = time.monotonic() - self._started
        self.status.setText(f"{result.sha256[:12]}… · {result.size / MB:,.0f} MB · {throughput_text(result.size, elapsed)}")
        self.status.setToolTip(result.sha256)
        self._set_running(False)
        self.finished.emit(result)

    def _failed(self, flag: CancelFlag, exc: BaseException) -> None:
        if flag is not self._flag or isinstance(exc, HashCancelled):
            return
        self._flag = None
        self.status.setText(self.tr("Cannot read the file: %1").replace("%1", str(exc)))
        self._set_running(False)
        self.failed.emit(str(exc))


def attach_hashing(dialog, runner) -> HashProgress | None:
    """A "SHA-256" row under the file field of a footage dialog; OK waits while a hash runs, closing cancels it."""
    if runner is None:
        return None
    widget = HashProgress(runner, dialog)
    dialog.add_field("SHA-&256:", widget, QCoreApplication.translate("HashProgress", "SHA-256 of the attached file"))
    item = dialog.item
    if item.sha256:
        widget.status.setText(QCoreApplication.translate("HashProgress", "SHA-256 %1… (hashed %2)")
                              .replace("%1", item.sha256[:16]).replace("%2", format_datetime(item.hashed_at))
                              if item.hashed_at else f"SHA-256 {item.sha256[:16]}…")
        widget.status.setToolTip(item.sha256)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    widget.running_changed.connect(lambda running: ok.setEnabled(not running))
    dialog.rejected.connect(widget.cancel)
    return widget


def apply_hash(widget: HashProgress | None, item) -> None:
    """Store the finished hash on the item only if it is the hash of the file the item now names."""
    result = widget.result if widget is not None else None
    if result is not None and result.path == item.file_path:
        item.sha256, item.file_size, item.file_mtime, item.hashed_at = result.sha256, result.size, result.mtime, result.hashed_at
