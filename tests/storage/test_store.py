"""The encrypted local store: saves, numbers, finds, and never loses or silently overwrites."""

import copy
import re

import pytest

from intake_app.domain.enums import Status
from intake_app.domain.problems import ValidationError
from intake_app.domain.records import Incident
from intake_app.storage.errors import ConflictError, NotFound, StoreError
from intake_app.storage.opening import open_store
from intake_app.storage.queries import IncidentFilter
from tests.station_settings import set_up_station

from ..factories import make_incident


def test_first_save_assigns_a_report_number_with_district_year_device_and_sequence(store, actor):
    saved = store.save(make_incident(), actor)
    assert re.fullmatch(r"D009-2026-[A-Z0-9]{3}-00001", saved.report_number)
    assert saved.report_number.split("-")[2] == store.device_code()
    assert saved.version == 1 and saved.created_at == saved.updated_at


def test_sequence_counts_per_district_and_year(store, actor):
    numbers = [store.save(make_incident(), actor).report_number for _ in range(3)]
    other = store.save(make_incident(district=10, beat="1011"), actor).report_number
    assert [n[-5:] for n in numbers] == ["00001", "00002", "00003"]
    assert other.startswith("D010-2026-") and other.endswith("00001")


def test_each_installation_makes_its_own_device_code_once(tmp_path):
    codes = []
    for name in ("a", "b", "a"):
        (tmp_path / name).mkdir(exist_ok=True)
        s = open_store(tmp_path / name)
        codes.append(s.device_code())
        s.engine.dispose()
    assert codes[0] == codes[2]  # made once, kept
    assert all(re.fullmatch(r"[A-Z0-9]{3}", c) for c in codes)


def test_a_saved_incident_reads_back_equal(store, actor):
    saved = store.save(make_incident(agents=3, footage=2), actor)
    assert store.get(saved.id) == saved
    assert store.get(saved.report_number) == saved


def test_an_edit_based_on_an_old_version_is_a_conflict_and_changes_nothing(store, actor):
    saved = store.save(make_incident(), actor)
    mine, theirs = copy.deepcopy(saved), copy.deepcopy(saved)
    theirs.narrative = "Their edit"
    store.save(theirs, actor)
    mine.narrative = "My edit"
    with pytest.raises(ConflictError):
        store.save(mine, actor)
    assert store.get(saved.id).narrative == "Their edit"


def test_a_draft_keeps_invalid_values_as_typed(store, actor):
    saved = store.save(make_incident(beat="99x"), actor)
    assert store.get(saved.id).beat == "99x"


def test_a_record_past_draft_must_stay_valid(store, actor):
    saved = store.change_status(store.save(make_incident(), actor).id, Status.IN_REVIEW, actor)
    saved.beat = "1011"
    with pytest.raises(ValidationError, match="beat"):
        store.save(saved, actor)


def test_status_change_is_stored_with_history(store, actor):
    saved = store.save(make_incident(), actor)
    moved = store.change_status(saved.report_number, Status.IN_REVIEW, actor)
    assert store.get(saved.id).status == Status.IN_REVIEW
    assert moved.version == 2 and moved.history[-1].by_star == actor.star


def test_only_drafts_can_be_deleted(store, actor):
    draft = store.save(make_incident(), actor)
    submitted = store.change_status(store.save(make_incident(), actor).id, Status.IN_REVIEW, actor)
    store.delete_draft(draft.id, actor)
    assert store.find(draft.id) is None
    assert store.search(draft.report_number) == []
    with pytest.raises(StoreError):
        store.delete_draft(submitted.id, actor)


def test_unknown_reference_is_not_found(store):
    with pytest.raises(NotFound):
        store.get("D009-2026-AAA-99999")


def test_search_finds_a_plate_however_it_is_typed(store, actor):
    saved = store.save(make_incident(), actor)  # plate "ABC 1234"
    other = make_incident(narrative="Unrelated")
    other.agents[0].vehicle.plate = "XYZ 9876"
    store.save(other, actor)
    for query in ("ABC 1234", "abc1234", "ABC1234"):
        assert [s.id for s in store.search(query)] == [saved.id]


def test_search_covers_narrative_address_names_badges_and_number(store, actor):
    saved = store.save(make_incident(), actor)
    for query in ("grocery", "Michigan", "Doe", "ERO-4471", saved.report_number):
        assert saved.id in {s.id for s in store.search(query)}, query


def test_search_ignores_accents_and_treats_syntax_as_text(store, actor):
    saved = store.save(make_incident(narrative='José said "NEAR" AND (OR) *'), actor)
    assert [s.id for s in store.search("jose")] == [saved.id]
    assert [s.id for s in store.search('"NEAR" AND (OR')] == [saved.id]


def test_search_never_looks_at_the_reporting_party(store, actor):
    store.save(make_incident(), actor)  # reporting party "Test Reporter" of "2206 W Reporterplace St"
    assert store.search("Reporter") == []
    assert store.search("Reporterplace") == []


def test_list_filters_by_status_district_and_date(store, actor):
    a = store.save(make_incident(), actor)
    b = store.save(make_incident(district=10, beat="1011"), actor)
    store.change_status(b.id, Status.IN_REVIEW, actor)
    assert [s.id for s in store.list(IncidentFilter(status=Status.IN_REVIEW))] == [b.id]
    assert [s.id for s in store.list(IncidentFilter(district=9))] == [a.id]
    after = a.occurred_at.replace(day=3)
    assert store.list(IncidentFilter(occurred_from=after)) == []


def test_import_is_all_or_nothing(store, actor):
    good, bad = make_incident(), make_incident(district=13, beat="1311")
    with pytest.raises(ValidationError) as err:
        store.import_incidents([good, bad], actor)
    assert err.value.problems[0].path.startswith("[1].district")
    assert store.count() == 0


def test_reimporting_the_same_record_creates_no_duplicate(store, actor):
    inc = store.save(make_incident(), actor)
    store.import_incidents([inc], actor)
    assert store.count() == 1


def test_importing_a_different_record_with_a_known_id_is_refused(store, actor):
    inc = store.save(make_incident(), actor)
    changed = copy.deepcopy(inc)
    changed.narrative = "Silently different"
    with pytest.raises(ConflictError):
        store.import_incidents([changed], actor)
    assert store.get(inc.id).narrative == inc.narrative


def test_autosave_keeps_the_form_until_a_real_save(store, actor):
    inc = make_incident(narrative="half typed")
    store.autosave(inc)
    [(when, restored)] = store.autosaves()
    assert restored == inc and when.tzinfo is not None
    store.save(inc, actor)
    assert store.autosaves() == []


def test_listeners_run_inside_the_same_transaction(store, actor):
    def refuse(session, event):
        raise RuntimeError("listener failed")

    store.add_listener(refuse)
    with pytest.raises(RuntimeError):
        store.save(make_incident(), actor)
    assert store.count() == 0


def test_settings_are_kept_in_the_store(store):
    s = store.settings()
    s.district, s.supervisor_name, s.supervisor_star = 9, "Sgt. Maria Test", "2231"
    set_up_station(store, s)
    assert store.settings().supervisor_star == "2231"


def test_an_incident_without_district_gets_its_number_once_the_district_is_known(store, actor):
    saved = store.save(Incident(narrative="just started"), actor)
    assert saved.report_number == ""
    saved.district, saved.beat, saved.occurred_at = 9, "0911", make_incident().occurred_at
    assert store.save(saved, actor).report_number.startswith("D009-2026-")


def test_intake_list_search_finds_a_plate_however_it_is_typed(store, actor, data_dir, capsys):
    from intake_app.cli import main

    inc = make_incident()
    inc.agents[0].vehicle.plate = "ZX81234"
    saved = store.save(inc, actor)
    for typed in ("zx 81234", "ZX-81234"):
        assert main(["--data-dir", str(data_dir), "list", "--search", typed]) == 0
        assert saved.report_number in capsys.readouterr().out, typed
