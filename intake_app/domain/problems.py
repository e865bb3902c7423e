"""What validation reports: a field path, plain words, and whether the value is missing or wrong."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    # A required value is not there yet: fine in a draft, blocks submission.
    INCOMPLETE = "incomplete"
    # A value is there but wrong: still saved as a draft (nothing typed is lost), blocks submission and import.
    INVALID = "invalid"


@dataclass(frozen=True)
class Problem:
    path: str  # e.g. "agents[1].vehicle.plate"
    message: str
    severity: Severity = Severity.INVALID

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class ValidationError(ValueError):
    """Raised where bad input must stop an action; carries every problem found."""

    def __init__(self, problems: list[Problem], context: str = ""):
        self.problems = list(problems)
        self.context = context
        lines = [f"{context}{p}" for p in self.problems]
        super().__init__("\n".join(lines) or "invalid input")
