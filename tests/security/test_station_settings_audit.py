"""The station's settings for the order (RD and OEMC number patterns, POD and private camera retention) are checked
by the one validator before they are saved, and each change is in the audit trail."""

from __future__ import annotations

import dataclasses

import pytest

from intake_app.domain.problems import ValidationError
from intake_app.domain.settings import StationSettings
from intake_app.domain.validation import validate_settings
from intake_app.security.station import save_station_settings
from intake_app.storage.audit_tables import AuditEntryRow


def station_entries(store) -> list[str]:
    from sqlalchemy import select

    with store.reading() as session:
        return list(session.scalars(select(AuditEntryRow.new_value).where(AuditEntryRow.action == "station_settings")
                                    .order_by(AuditEntryRow.seq)))


def test_the_default_settings_have_no_problems():
    assert validate_settings(StationSettings()) == []


def test_a_pattern_that_is_not_a_regular_expression_is_refused_naming_the_setting():
    [problem] = validate_settings(StationSettings(rd_number_pattern="^[A-Z{2}\\d{6}$"))
    assert problem.path == "rd_number_pattern" and "is not a valid pattern" in problem.message


def test_an_empty_oemc_pattern_is_refused():
    [problem] = validate_settings(StationSettings(oemc_event_number_pattern="  "))
    assert problem.path == "oemc_event_number_pattern"


def test_a_retention_out_of_range_is_refused_naming_the_kind():
    [problem] = validate_settings(StationSettings(footage_retention_days={"pod_camera": -3}))
    assert problem.path == "footage_retention_days.pod_camera"


def test_a_changed_pattern_and_retention_are_saved_and_audited(store, actor):
    changed = dataclasses.replace(StationSettings(district=9), oemc_event_number_pattern=r"^\d{10}$",
                                  footage_retention_days={"pod_camera": 14})
    save_station_settings(store, actor, changed)
    assert store.settings().oemc_event_number_pattern == r"^\d{10}$"
    entries = station_entries(store)
    assert any(e.startswith("oemc_event_number_pattern:") and r"\\d{10}" in e for e in entries), entries
    assert any(e.startswith("footage_retention_days:") and "14" in e for e in entries), entries


def test_settings_the_validator_refuses_are_not_saved_nor_audited(store, actor):
    with pytest.raises(ValidationError, match="rd_number_pattern"):
        save_station_settings(store, actor, StationSettings(district=9, rd_number_pattern="(unclosed"))
    assert store.settings().rd_number_pattern == StationSettings().rd_number_pattern
    assert station_entries(store) == []
