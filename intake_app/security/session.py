"""Who uses a window of the app and what they may read: one frozen value handed to the main window and its
screens at sign-in, so no screen learns it by patching another.

The reporting party (an immigrant who may fear exposure) is read only by those `privacy` names: the
supervisor who entered the record and reviewers. A window nobody signed in to belongs to a station without
users, from before review and station security: its one supervisor entered every record there.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..domain.actor import Actor
from .privacy import may_see_reporting_party

if TYPE_CHECKING:
    from ..domain.records import Incident
    from ..domain.settings import StationSettings


@dataclass(frozen=True)
class Session:
    actor: Actor  # every change made from the window is made as this person
    signed_in: bool = True

    @classmethod
    def nobody_signed_in(cls, settings: StationSettings) -> Session:
        return cls(Actor(settings.supervisor_name, settings.supervisor_star), signed_in=False)

    @property
    def role(self) -> str:
        return self.actor.role

    def may_read_party(self, incident: Incident) -> bool:
        return not self.signed_in or may_see_reporting_party(self.actor, incident)
