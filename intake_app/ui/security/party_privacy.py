"""The record as a session may read it, for every screen that shows one: the reporting party masked for
those the privacy rule does not name, a sealed party opened (and the reading audited) only with the reader's
own key. Applied by the screen itself, so a new way of opening an incident cannot skip it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...security.privacy import masked

if TYPE_CHECKING:
    from ...domain.records import Incident
    from ...security.session import Session


def as_shown(store, session: Session, incident: Incident) -> Incident:
    """`incident` itself when the session may read all of it; else a copy, which must never be saved over it."""
    if not session.signed_in:
        return incident
    from ...sync.sealing_step import reveal  # with the first record shown, not at start-up

    opened, how = reveal(store, session.actor, incident)
    if how != "clear":
        return opened
    return incident if session.may_read_party(incident) else masked(incident)
