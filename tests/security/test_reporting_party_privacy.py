"""Who sees the reporting party's name, phone and address: the supervisor who entered it and reviewers.
Everyone else gets a masked copy; the stored record is never changed by masking."""

from intake_app.domain.actor import Actor
from intake_app.domain.roles import ADMINISTRATOR, REVIEWER, SUPERVISOR
from intake_app.security.privacy import MASK, for_viewer, masked
from tests.factories import make_incident


def test_a_masked_copy_hides_name_phone_and_address_and_leaves_the_original_alone():
    inc = make_incident()
    copy_ = masked(inc)
    party = copy_.reporting_party
    assert (party.name, party.phone, party.address) == (MASK, MASK, MASK)
    assert inc.reporting_party.address == "2206 W Reporterplace St"


def test_an_empty_address_stays_empty_when_masked():
    inc = make_incident()
    inc.reporting_party.address = ""
    assert masked(inc).reporting_party.address == ""


def test_another_supervisor_and_an_administrator_see_no_address_but_the_entering_supervisor_and_a_reviewer_do():
    inc = make_incident()  # entered by star 2231
    assert for_viewer(Actor("Sgt. Other", "2400", SUPERVISOR), inc).reporting_party.address == MASK
    assert for_viewer(Actor("Admin", "1000", ADMINISTRATOR), inc).reporting_party.address == MASK
    assert for_viewer(Actor("Sgt. Maria Test", "2231", SUPERVISOR), inc).reporting_party.address == "2206 W Reporterplace St"
    assert for_viewer(Actor("Lt. Ray Review", "3100", REVIEWER), inc).reporting_party.address == "2206 W Reporterplace St"
