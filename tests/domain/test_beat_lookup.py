"""The beat map answers each point for itself, also when it is asked about the same point again right after
(the last answer is kept: a record's check asks for its point twice)."""

from intake_app.domain.geography import default_beat_map, locate


def test_asking_about_two_points_in_turn_gives_each_its_own_beat():
    beats = default_beat_map()
    first, second = beats.point_in("0111"), beats.point_in("2533")
    answers = [locate(*first), locate(*first), locate(*second), locate(*first), locate(41.8781, -87.9)]
    assert [a.beat if a else None for a in answers] == ["0111", "0111", "2533", "0111", None]
