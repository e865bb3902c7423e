"""What the store raises. Kept apart from the repository so that the command line and the app's start can
name these errors without importing SQLAlchemy (start-up speed)."""

from __future__ import annotations


class StoreError(RuntimeError):
    pass


class NotFound(StoreError):
    pass


class ConflictError(StoreError):
    """The record changed since it was read: an edit based on an old version is never applied silently."""


class StoreOpenError(RuntimeError):
    WRONG_KEY = "wrong_key"
    # An administrator's statutes.json or beat map in the data folder that cannot be used: bad input (exit code 2)
    BAD_STATION_FILE = "bad_station_file"

    def __init__(self, message: str, reason: str):
        super().__init__(message)
        self.reason = reason  # a DatabaseKeyError reason, or WRONG_KEY
