"""The story the ICE On Notice order asks a supervisor to record: the federal supervisor refused to show
credentials on camera, a man was injured and taken to Mount Sinai, the body-worn-camera video is flagged for use
of force, RD number JK123456, and the coordinates (26th Street and Pulaski, Little Village) are in district 10."""

from __future__ import annotations

from datetime import timedelta

from intake_app.domain.enums import (
    Agency,
    CredentialCheck,
    FlagReason,
    InjuredRole,
    InjurySeverity,
    YesNoUnknown,
)
from intake_app.domain.records import FederalSupervisor, Incident, Injury, Location, Medical

from .factories import make_incident

LITTLE_VILLAGE = (41.8445, -87.7243)  # 26th St and Pulaski Rd: district 10, beat 1013


def refused_credentials_story(*, district: int | None = 10, beat: str = "1013") -> Incident:
    inc = make_incident(district=district, beat=beat,
                        location=Location("2600 S Pulaski Rd", *LITTLE_VILLAGE))
    camera = inc.footage[0]
    inc.cpd_rd_number = "JK123456"
    inc.oemc_event_number = "2630604512"
    inc.federal_supervisor = FederalSupervisor(
        agency=Agency.ICE_ERO, name="", badge="", credential_check=CredentialCheck.REFUSED,
        checked_at=inc.occurred_at + timedelta(minutes=6), footage_id=camera.id)
    inc.agents[0].visible_id_displayed = YesNoUnknown.NO
    inc.agents[0].body_camera_worn = YesNoUnknown.NO
    inc.agents[0].refused_to_identify = YesNoUnknown.YES
    inc.use_of_force = YesNoUnknown.YES
    inc.injuries = [Injury(role=InjuredRole.CIVILIAN, description="Laceration to the forehead after being pushed "
                           "to the pavement", severity=InjurySeverity.SERIOUS)]
    inc.medical = Medical(anyone_injured=YesNoUnknown.YES, ems_summoned_at=inc.occurred_at + timedelta(minutes=4),
                          ems_unit="Ambulance 38", aid_rendered_by_cpd=YesNoUnknown.YES,
                          transported_to="Mount Sinai Hospital")
    camera.flagged_at = inc.occurred_at + timedelta(hours=2)
    camera.flag_reasons = [FlagReason.USE_OF_FORCE]
    camera.hold_form = "CPD-65.224"
    inc.violations[0].subsection = "(a)(1)"
    return inc
