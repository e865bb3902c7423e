"""The statute catalogue is a sourced, dated convenience an administrator can replace."""

import json

from intake_app.domain.catalogue import is_felony_class, load_catalogue


def test_the_shipped_catalogue_has_sourced_dated_entries():
    cat = load_catalogue()
    assert len(cat.statutes) >= 25
    assert cat.source and cat.as_of and "not legal advice" in cat.disclaimer
    assert sum(s.citation.startswith("720 ILCS 5/") for s in cat.statutes) >= 25
    assert any(s.citation.startswith("Chicago MCC") for s in cat.statutes)


def test_an_entry_whose_class_depends_on_circumstances_says_so():
    battery = load_catalogue().get("720 ILCS 5/12-3.05")
    assert battery.classes == ("3", "2", "1", "X")
    assert battery.default_class == ""  # the supervisor chooses; the app does not pick one silently
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
