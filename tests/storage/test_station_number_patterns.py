"""A station sets its own RD and OEMC number patterns (Settings); the store holds every record to the station's
patterns wherever it checks one (saving, a status change, `intake import`), not to the shipped defaults."""

from __future__ import annotations

import dataclasses

import pytest

from intake_app.domain.enums import Status
from intake_app.domain.interchange import dumps
from intake_app.domain.problems import ValidationError
from tests.station_settings import set_up_station

from ..order_story import refused_credentials_story

STRICTER_RD = r"^JK9\d{5}$"  # the default takes JK123456; this station only JK9 numbers
LOOSER_RD = r"^[A-Z]{2}\d{6,7}$"  # this station's numbers may have seven digits, which the default refuses
LOOSER_OEMC = r"^\d{6,14}(-\d{2})?$"


def use_patterns(store, rd: str | None = None, oemc: str | None = None) -> None:
    settings = store.settings()
    set_up_station(store, dataclasses.replace(settings, rd_number_pattern=rd or settings.rd_number_pattern,
                                            oemc_event_number_pattern=oemc or settings.oemc_event_number_pattern))


def paths(exc: pytest.ExceptionInfo) -> list[str]:
    return [p.path for p in exc.value.problems]


def test_a_stricter_station_rd_pattern_refuses_sending_for_review_naming_the_rd_number(store, actor):
    draft = store.save(refused_credentials_story(), actor)
    use_patterns(store, rd=STRICTER_RD)
    with pytest.raises(ValidationError) as exc:
        store.change_status(draft.id, Status.IN_REVIEW, actor)
    assert paths(exc) == ["cpd_rd_number"]
    assert store.get(draft.id).status == Status.DRAFT


def test_a_stricter_station_rd_pattern_refuses_saving_a_record_in_review(store, actor):
    in_review = store.change_status(store.save(refused_credentials_story(), actor).id, Status.IN_REVIEW, actor)
    use_patterns(store, rd=STRICTER_RD)
    in_review.narrative += " The supervisor added the crossing street."
    with pytest.raises(ValidationError) as exc:
        store.save(in_review, actor)
    assert paths(exc) == ["cpd_rd_number"]
    assert store.get(in_review.id).version == in_review.version


def test_a_looser_station_pattern_accepts_a_seven_digit_rd_number_at_save(store, actor):
    story = refused_credentials_story()
    story.cpd_rd_number = "JK1234567"
    draft = store.save(story, actor)
    with pytest.raises(ValidationError):  # the shipped pattern: two letters and six digits
        store.change_status(draft.id, Status.IN_REVIEW, actor)
    use_patterns(store, rd=LOOSER_RD)
    in_review = store.change_status(draft.id, Status.IN_REVIEW, actor)
    in_review.narrative += " Checked with the Records Division."
    assert store.save(in_review, actor).cpd_rd_number == "JK1234567"


def test_a_looser_station_pattern_accepts_the_numbers_at_intake_import(intake, store, tmp_path):
    story = refused_credentials_story()
    story.status = Status.IN_REVIEW
    story.cpd_rd_number, story.oemc_event_number = "JK1234567", "2630604512-01"
    f = tmp_path / "one.json"
    f.write_text(dumps(story))
    code, _, err = intake("import", str(f))
    assert code == 2 and "cpd_rd_number" in err and "oemc_event_number" in err
    use_patterns(store, rd=LOOSER_RD, oemc=LOOSER_OEMC)
    code, _, err = intake("import", str(f))
    assert (code, err) == (0, "")
    assert store.get(story.id).oemc_event_number == "2630604512-01"


def test_a_station_rd_pattern_refusal_points_to_the_settings_not_to_the_default_shape(store, actor):
    draft = store.save(refused_credentials_story(), actor)  # JK123456: two letters and six digits
    use_patterns(store, rd=STRICTER_RD)
    with pytest.raises(ValidationError) as exc:
        store.change_status(draft.id, Status.IN_REVIEW, actor)
    [problem] = exc.value.problems
    assert "six digits" not in problem.message  # the number has them: the station's pattern refused it
    assert "settings" in problem.message
