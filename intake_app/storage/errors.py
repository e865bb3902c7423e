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
    BAD_CATALOGUE = "bad_catalogue"  # the administrator's statutes.json: bad input, said with its field paths

    def __init__(self, message: str, reason: str):
        super().__init__(message)
        self.reason = reason  # a DatabaseKeyError reason, or WRONG_KEY
