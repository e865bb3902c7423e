"""The station's duplicate rules (distance and time window), kept in the encrypted store's meta table."""

from __future__ import annotations

import json
from datetime import timedelta

from ...domain.matching import DuplicateRules
from ..meta import read_meta, write_meta
from ..repository import IncidentStore

META_KEY = "duplicate_rules"


def duplicate_rules(store: IncidentStore) -> DuplicateRules:
    with store.reading() as session:
        stored = read_meta(session, META_KEY)
        raw = json.loads(stored) if stored else {}
    default = DuplicateRules()
    window = default.identifier_window
    ident = raw.get("identifier_window_min", window.total_seconds() / 60 if window is not None else None)
    return DuplicateRules(
        distance_m=float(raw.get("distance_m", default.distance_m)),
        window=timedelta(minutes=float(raw.get("window_min", default.window.total_seconds() / 60))),
        identifier_window=None if ident is None else timedelta(minutes=float(ident)),
    )


def save_duplicate_rules(store: IncidentStore, rules: DuplicateRules) -> None:
    if rules.distance_m <= 0 or rules.window <= timedelta(0):
        raise ValueError("duplicate rules: the distance and the time window must be greater than 0")
    value = json.dumps({
        "distance_m": rules.distance_m, "window_min": rules.window.total_seconds() / 60,
        "identifier_window_min": None if rules.identifier_window is None else rules.identifier_window.total_seconds() / 60,
    })
    with store.transaction() as session:
        write_meta(session, META_KEY, value)
