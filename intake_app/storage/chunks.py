"""Long lists of keys asked of SQLite a slice at a time: one `IN (...)` stays under its bound-parameter limit."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")

CHUNK = 500  # keys in one IN (...): well under SQLite's 32,766 bound parameters, and fast to plan


def chunked(values: Iterable[T], size: int = CHUNK) -> Iterator[list[T]]:
    """The values in lists of at most `size`, in order (none for no values)."""
    items = list(values)
    for start in range(0, len(items), size):
        yield items[start:start + size]
