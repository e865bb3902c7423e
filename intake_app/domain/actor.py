"""Who makes a change: every record, audit entry and status step names the person by name and star number."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    pass


@dataclass(frozen=True)
class Actor:
    name: str
    star: str
    # For display only: the store looks the role up by star (intake_app.security.authorization).
    role: str = ""
