"""The limits of a record, in one place: how many parts it may have, which years its times may fall in, which
characters its texts may hold. The validator enforces them (validation._limits) for the wizard, the CLI, the
importer and the server alike; resources/schema/ documents them for whoever writes files for import."""

from __future__ import annotations

import re
from datetime import UTC, datetime

# Far above any real incident (the largest seen: a dozen agents, a few dozen videos), far below what would
# make a record slow to store, sync or print.
MAX_AGENTS = 100
MAX_FOOTAGE = 200
MAX_VIOLATIONS = 100
MAX_HISTORY = 1000
MAX_AGENT_IDS = MAX_AGENTS
MAX_VERSION = 2**31 - 1

# Times a record may hold: none before the app's era, none past the century (year 9999 overflows when
# moved to another zone; year 1 has no real UTC offset in Chicago, whose zone then was local mean time).
EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)
LATEST = datetime(2100, 1, 1, tzinfo=UTC)
TIME_LIMITS_TEXT = "from 2000-01-01 to 2099-12-31"

# C0 and C1 control characters, DEL, and the Unicode line/paragraph separators. Multi-line texts (the
# narrative, descriptions, details, comments) may hold line breaks and tabs; no text may hold the rest.
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
CONTROL_IN_MULTILINE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")


def year_well_inside(year: int) -> bool:
    """A time of this year lies within EARLIEST..LATEST whatever its UTC offset. Nearly every time is: only
    one in the first or the last year needs the exact comparison of aware times (which converts both to UTC,
    and a record holds a dozen times)."""
    return EARLIEST.year < year < LATEST.year - 1


def within_time_limits(value: datetime) -> bool:
    """Whether an aware time lies within EARLIEST..LATEST (a naive one is judged as if it were UTC)."""
    if year_well_inside(value.year):
        return True
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    try:
        return EARLIEST <= value < LATEST
    except OverflowError:  # pragma: no cover - comparison of aware datetimes does not overflow in CPython
        return False
