"""What every step of a sync run shares: the report it fills in, the actor records from the server are
written by, and the label a record is named by in the report. The steps import it; it imports no step, so no
step has to reach back into the orchestrator (sync/engine.py) for them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..domain.actor import Actor

SYNC_ACTOR = Actor("Sync from the server", "")


@dataclass
class SyncReport:
    pushed: int = 0
    resent: int = 0  # versions the server had lost with a restore from a backup, sent again (sync/resend.py)
    conflicts: int = 0
    pulled: int = 0
    applied: int = 0
    rewrapped: int = 0  # envelopes on the server given to readers added since (sync/rewrap_step.py)
    pending: int = 0
    error: str = ""
    notes: list[str] = field(default_factory=list)
    # What a supervisor must act on (the server found this device's audit chain cut): the sync fails.
    alarms: list[str] = field(default_factory=list)
    # Pulled records this app refused (set aside in state.QUARANTINED, the rest of the pull went on).
    rejected: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.error and self.pending == 0 and not self.alarms and not self.rejected


def record_label(record: dict[str, Any] | None) -> str:
    """How the report names a record the server sent: its report number, else its id."""
    return str((record or {}).get("report_number") or (record or {}).get("id") or "?")
