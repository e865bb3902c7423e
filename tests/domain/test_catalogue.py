"""The statute catalogue is a sourced, dated convenience an administrator can replace."""

import json

import pytest

from intake_app.domain.catalogue import default_catalogue, is_felony_class, load_catalogue


def test_the_shipped_catalogue_has_sourced_dated_entries():
    cat = load_catalogue()
    assert len(cat.statutes) >= 25
    assert cat.source and cat.as_of and "not legal advice" in cat.disclaimer
    assert sum(s.citation.startswith("720 ILCS 5/") for s in cat.statutes) >= 25
    assert any(s.citation.startswith("Chicago MCC") for s in cat.statutes)


def test_an_entry_whose_class_depends_on_circumstances_says_so():
    battery = load_catalogue().get("720 ILCS 5/12-3.05")
    assert battery.classes == ("3", "2", "1", "X")
    assert battery.class_note


def test_felony_classes():
    assert all(is_felony_class(c) for c in ("M", "X", "1", "2", "3", "4"))
    assert not any(is_felony_class(c) for c in ("A", "B", "C", "ordinance", ""))


def test_an_administrators_copy_in_the_data_folder_wins(tmp_path):
    (tmp_path / "statutes.json").write_text(json.dumps({
        "source": "County memo", "as_of": "2027-01-01", "disclaimer": "x",
        "entries": [{"citation": "720 ILCS 5/12-3", "title": "Battery", "classes": ["A"]}],
    }))
    cat = load_catalogue(tmp_path)
    assert cat.source == "County memo" and len(cat.statutes) == 1


def test_search_matches_words_in_citation_or_title():
    titles = {s.title for s in load_catalogue().search("battery")}
    assert {"Battery", "Aggravated battery"} <= titles


def test_every_shipped_entry_has_a_spanish_title_and_note_but_keeps_its_english_legal_title():
    for s in load_catalogue().statutes:
        assert s.title_in("es") != s.title, s.citation
        assert s.title_in("en") == s.title
        assert bool(s.class_note_in("es")) == bool(s.class_note), s.citation


def test_an_entry_without_a_translation_shows_its_english_title(tmp_path):
    (tmp_path / "statutes.json").write_text(json.dumps({
        "entries": [{"citation": "720 ILCS 5/12-3", "title": "Battery", "classes": ["A"], "class_note": "n"}],
    }))
    battery = load_catalogue(tmp_path).get("720 ILCS 5/12-3")
    assert (battery.title_in("es"), battery.class_note_in("es")) == ("Battery", "n")


def test_search_finds_spanish_titles_typed_without_accents():
    citations = {s.citation for s in load_catalogue().search("agresion fisica")}
    assert citations == {"720 ILCS 5/12-3", "720 ILCS 5/12-3.05"}


# ---------------------------------------------------------------- corrections and additions, checked against the text

def test_the_catalogue_names_every_act_it_draws_from():
    catalogue = default_catalogue()
    acts = {s.citation.split("/")[0] if "ILCS" in s.citation else "Chicago Municipal Code" for s in catalogue.statutes}
    assert acts == {"720 ILCS 5", "625 ILCS 5", "Chicago Municipal Code"}
    assert all(act in catalogue.source for act in acts)


def test_corrected_classes_and_titles():
    catalogue = default_catalogue()
    assert "1" in catalogue.get("720 ILCS 5/19-1").classes
    assert "place of worship" in catalogue.get("720 ILCS 5/19-1").class_note
    assert catalogue.get("Chicago MCC 8-4-020").title == "Inciting riots (Chicago Municipal Code)"
    assert "B" in catalogue.get("720 ILCS 5/21-1").classes
    disorderly = catalogue.get("720 ILCS 5/26-1")
    assert "3" in disorderly.classes and "(a)(5) and (a)(11) Class A" in disorderly.class_note
    assert "streetgang" in catalogue.get("720 ILCS 5/31-4").class_note
    assert "P.A. 102-0235" in catalogue.get("720 ILCS 5/12-7.1").class_note
    assert {"2", "1"} <= set(catalogue.get("720 ILCS 5/17-2").classes)


@pytest.mark.parametrize("citation", ["720 ILCS 5/8-4", "720 ILCS 5/12C-5", "720 ILCS 5/25-1", "720 ILCS 5/14-2",
                                      "625 ILCS 5/11-503", "625 ILCS 5/11-401", "625 ILCS 5/11-402"])
def test_offences_often_relevant_are_in_the_catalogue(citation):
    assert default_catalogue().get(citation) is not None


def test_peace_officer_exemptions_carry_an_applicability_note():
    catalogue = default_catalogue()
    assert "peace officer performing official duties" in catalogue.get("720 ILCS 5/24-1.5").applicability
    assert "public officer or employee" in catalogue.get("720 ILCS 5/33-3").applicability
    assert catalogue.get("720 ILCS 5/24-1.5").applicability_in("es").startswith("No se aplica")


# ---------------------------------------------------------------- an administrator's copy that cannot be used

@pytest.mark.parametrize("content, named", [
    ('{"entries": [{"citation": "720 ILCS 5/12-3", "classes": ["A"]}]}', "entries[0].title: is missing"),
    ('{"entries": [{"citation": "720 ILCS 5/12-3", "title": "Battery", "classes": ["Q"]}]}', "entries[0].classes[0]"),
    ('{"entries": [{"citation": 5, "title": "Battery", "classes": "A"}]}', "entries[0].citation: must be text"),
    ('{"entries": [', "is not valid JSON"),
    ('[]', "must be an object with a list of entries"),
    ('{"entries": [{"citation": "x", "title": "y", "classes": ["A"], "translations": {"es": 3}}]}',
     "entries[0].translations.es"),
])
def test_a_damaged_catalogue_stops_the_opening_naming_what_is_wrong(data_dir, content, named):
    from intake_app.storage.errors import StoreOpenError
    from intake_app.storage.opening import open_store

    (data_dir / "statutes.json").write_text(content)
    with pytest.raises(StoreOpenError) as raised:
        open_store(data_dir)
    assert raised.value.reason == StoreOpenError.BAD_STATION_FILE
    assert named in str(raised.value) and "statutes.json" in str(raised.value)
    assert not (data_dir / "intake.db").exists()  # stopped before the store was made or changed


def test_an_oversized_catalogue_is_refused_unread(tmp_path):
    from intake_app.domain.catalogue import MAX_CATALOGUE_FILE
    from intake_app.domain.problems import ValidationError

    (tmp_path / "statutes.json").write_bytes(b" " * (MAX_CATALOGUE_FILE + 1))
    with pytest.raises(ValidationError, match="larger than"):
        load_catalogue(tmp_path)


def test_the_command_line_says_what_is_wrong_in_the_catalogue_with_exit_code_2(intake, data_dir):
    assert intake("demo", "--incidents", "1")[0] == 0
    (data_dir / "statutes.json").write_text('{"entries": [{"citation": "720 ILCS 5/12-3", "classes": ["A"]}]}')
    code, _, err = intake("list")
    assert code == 2
    assert "entries[0].title: is missing" in err and "Nothing was changed" in err
