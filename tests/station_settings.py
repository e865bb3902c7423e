"""A test station's settings, saved as the settings dialog saves them: through the audited
intake_app.security.station.save_station_settings (checked by the one validator, one audit entry per change)."""

from __future__ import annotations

from intake_app.domain.actor import Actor
from intake_app.domain.settings import StationSettings
from intake_app.security.station import save_station_settings

SETUP = Actor("Station set-up (test)", "")


def set_up_station(store, settings: StationSettings) -> StationSettings:
    return save_station_settings(store, SETUP, settings)
