"""What validation reports: a field path, plain words, and whether the value is missing or wrong.

The words are an English template with named {placeholders} and their values, not a finished sentence, so the
desktop UI can translate the template as a whole (word order differs between languages) and fill in the same
values; the CLI, the server and the logs use `message`, the English sentence."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    # A required value is not there yet: fine in a draft, blocks submission.
    INCOMPLETE = "incomplete"
    # A value is there but wrong: still saved as a draft (nothing typed is lost), blocks submission and import.
    INVALID = "invalid"


@dataclass(frozen=True)
class Problem:
    path: str  # e.g. "agents[1].vehicle.plate"
    template: str  # e.g. "{plate} is not a plate"; a plain sentence when there is nothing to fill in
    severity: Severity = Severity.INVALID
    params: Mapping[str, str] = field(default_factory=dict, hash=False)

    @property
    def message(self) -> str:
        """The English sentence (templates without params may hold literal braces, e.g. from a repr)."""
        return self.template.format_map(self.params) if self.params else self.template

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class ValidationError(ValueError):
    """Raised where bad input must stop an action; carries every problem found."""

    def __init__(self, problems: list[Problem], context: str = ""):
        self.problems = list(problems)
        self.context = context
        lines = [f"{context}{p}" for p in self.problems]
        super().__init__("\n".join(lines) or "invalid input")
