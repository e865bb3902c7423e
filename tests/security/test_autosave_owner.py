"""An autosave belongs to the user who typed it: kept under their star in the encrypted store and offered back
to them alone, never to another supervisor (who may not see the reporting party it holds)."""

import json

from intake_app.domain.interchange import to_dict
from intake_app.domain.records import ReportingParty
from intake_app.storage.tables import AutosaveRow

from ..factories import make_incident


def typed_with_party(**extra):
    incident = make_incident(narrative="Half-typed, never saved", **extra)
    incident.reporting_party = ReportingParty(name="Rosa Witness", phone="312-555-0177",
                                              address="4021 W Witness Ln", confidential=True)
    return incident


def test_another_supervisor_is_not_offered_the_form_a_sergeant_typed(store):
    store.autosave(typed_with_party(), "2231")
    assert store.autosaves("2400") == []
    [(_when, restored)] = store.autosaves("2231")
    assert restored.reporting_party.name == "Rosa Witness"


def test_two_users_editing_one_incident_keep_each_their_own_form(store, actor):
    incident = store.save(make_incident(), actor)
    mine, theirs = typed_with_party(), typed_with_party()
    mine.id = theirs.id = incident.id
    mine.narrative, theirs.narrative = "the sergeant's words", "the lieutenant's words"
    store.autosave(mine, "2231")
    store.autosave(theirs, "3100")
    assert [i.narrative for _w, i in store.autosaves("2231")] == ["the sergeant's words"]
    assert [i.narrative for _w, i in store.autosaves("3100")] == ["the lieutenant's words"]


def test_a_real_save_clears_only_the_savers_own_form(store, actor):
    incident = store.save(make_incident(), actor)
    for star in ("2231", "3100"):
        form = make_incident(narrative=f"typed by {star}")
        form.id = incident.id
        store.autosave(form, star)
    store.save(store.get(incident.id), actor)  # the sergeant (star 2231) saves
    assert store.autosaves("2231") == []
    assert [i.narrative for _w, i in store.autosaves("3100")] == ["typed by 3100"]


def test_a_form_from_before_owners_is_offered_only_to_the_supervisor_its_record_names(store):
    legacy = typed_with_party()  # the factories' record names Sgt. Maria Test, star 2231
    with store.transaction() as session:
        session.add(AutosaveRow(incident_id=legacy.id, owner_star="", saved_at=legacy.occurred_at.replace(tzinfo=None),
                                record_json=json.dumps(to_dict(legacy))))
    assert store.autosaves("2400") == [] and store.autosaves("") == []
    assert [i.id for _w, i in store.autosaves("2231")] == [legacy.id]
