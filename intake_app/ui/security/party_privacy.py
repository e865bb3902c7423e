"""The record as a session may read it, for every screen that shows one: the reporting party masked for
those the privacy rule does not name, a sealed party opened (and the reading audited) only with the reader's
own key. Applied by the screen itself, so a new way of opening an incident cannot skip it.

Opening a sealed party reads the reader's key from the store, decrypts and writes an audit entry: that is
`as_shown`, run on the database worker, never on the GUI thread. `shown_at_once` answers, without the store,
for every record that needs no opening; until the worker answers for one that does, a screen shows
`while_opening` (the sealed fields masked).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...security.privacy import MASK, held_sealed, masked

if TYPE_CHECKING:
    from ...domain.records import Incident
    from ...security.session import Session


def shown_at_once(session: Session, incident: Incident) -> Incident | None:
    """`as_shown` for a record that needs no key nor store (no GUI-thread work beyond a copy); None for a
    signed-in session's sealed record, which `as_shown` opens on the worker."""
    if not session.signed_in:
        return incident
    if held_sealed(incident):  # the test sync/sealing_step.reveal makes first: the others it calls "clear"
        return None
    return incident if session.may_read_party(incident) else masked(incident)


def as_shown(store, session: Session, incident: Incident) -> Incident:
    """`incident` itself when the session may read all of it; else a copy, which must never be saved over it.
    Reads the store and may decrypt and audit: on the database worker."""
    if not session.signed_in:
        return incident
    from ...sync.sealing_step import reveal  # with the first record shown, not at start-up

    opened, how = reveal(store, session.actor, incident)
    if how != "clear":
        return opened
    return incident if session.may_read_party(incident) else masked(incident)


def while_opening(incident: Incident) -> Incident:
    """A copy of a sealed record to show until its party is opened: each sealed field reads MASK, so the screen
    says something is there without saying what."""
    from ...domain.interchange import from_dict, to_dict
    from ...security.sealing import reading

    return from_dict(reading(to_dict(incident), incident.sealed or {}, MASK))
