"""One agent, typed differently by different witnesses, gives one matching key."""

from intake_app.domain.identifiers import (
    PLATE,
    identifiers_of,
    normalise_badge,
    normalise_name,
    normalise_plate,
    normalise_state,
)
from intake_app.domain.records import Vehicle

from ..factories import make_agent, make_incident


def test_a_plate_typed_with_spaces_dashes_or_lower_case_gives_one_key():
    assert normalise_plate("ABC 1234") == normalise_plate("abc-1234") == normalise_plate(" Abc1234 ")


def test_letters_read_for_digits_on_a_plate_fold_to_the_digit():
    assert normalise_plate("ABC l234") == normalise_plate("ABC 1234")
    assert normalise_plate("ABC I234") == normalise_plate("ABC 1234")
    assert normalise_plate("P0X 77") == normalise_plate("POX 77")


def test_different_plates_stay_different():
    assert normalise_plate("ABC 1234") != normalise_plate("ABC 1235")


def test_a_placeholder_plate_is_no_plate():
    assert normalise_plate("unknown") == ""
    assert normalise_plate("n/a") == ""


def test_a_state_written_out_is_its_postal_code():
    assert normalise_state("Illinois") == "IL"
    assert normalise_state(" il ") == "IL"
    assert normalise_state("") == ""


def test_badges_ignore_case_spaces_dashes_and_hash():
    assert normalise_badge("ero-4471") == normalise_badge("ERO 4471") == normalise_badge("#ERO4471") == "ERO4471"


def test_names_ignore_case_accents_order_and_titles():
    assert normalise_name("Doe, John") == normalise_name("JOHN  DOE") == normalise_name("Agent Jöhn Doe") == "doe john"


def test_an_unknown_name_is_no_name():
    assert normalise_name("Unknown") == ""


def test_two_agents_in_one_car_give_the_plate_once():
    car = Vehicle(plate="ABC 1234", plate_state="IL")
    inc = make_incident(agents=0)
    inc.agents = [make_agent(badge="A-1", name="", vehicle=car), make_agent(badge="A-2", name="", vehicle=car)]
    plates = [i for i in identifiers_of(inc) if i.kind == PLATE]
    assert len(plates) == 1
    assert plates[0].state == "IL" and plates[0].display == "ABC 1234 (IL)"


def test_names_in_other_scripts_have_a_key_and_match_however_spaced_or_ordered():
    assert normalise_name("李小龙") == normalise_name(" 李小龙 ") != ""
    assert normalise_name("محمد الأحمد") == normalise_name("الأحمد، محمد") != ""
    assert normalise_name("Иван Петров") == normalise_name("ПЕТРОВ Иван") != ""
    assert normalise_name("李小龙") != normalise_name("李小虎")
