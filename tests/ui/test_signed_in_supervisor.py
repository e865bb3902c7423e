"""The record's supervisor is the user who signed in on this PC, not a name left in the station settings:
the record, its audit trail and its packet name the person who actually entered and submitted it."""

from intake_app.domain.enums import Status
from intake_app.domain.roles import SUPERVISOR
from intake_app.domain.settings import StationSettings
from intake_app.security.audit import entries_for
from intake_app.security.users import add_user, create_first_administrator, sign_in
from tests.station_settings import set_up_station

from ..reports.helpers import flat, packet_pdf, page_texts
from .test_review_story import signed_in_window, submit_new_incident

A_PASS, B_PASS = "alpha shift passphrase", "bravo shift passphrase"


def two_supervisors(store):
    # Settings still name someone else: what they say must not end up on the record.
    set_up_station(store, StationSettings(district=9, supervisor_name="Sgt. Left In Settings", supervisor_star="9999"))
    create_first_administrator(store, "1000", "Admin Alvarez", "admin correct horse")
    admin = sign_in(store, "1000", "admin correct horse")
    add_user(store, admin, "2231", "Sgt. Alma Alpha", SUPERVISOR, A_PASS)
    add_user(store, admin, "2400", "Sgt. Boris Bravo", SUPERVISOR, B_PASS)


def test_each_signed_in_supervisor_is_named_on_the_record_they_submit(qtbot, store, data_dir):
    two_supervisors(store)
    a_window = signed_in_window(qtbot, store, data_dir, "2231", A_PASS)
    wizard = a_window.new_incident()
    page = wizard.currentPage()
    assert (page.supervisor_name.text(), page.supervisor_star.text()) == ("Sgt. Alma Alpha", "2231")
    assert page.supervisor_name.isReadOnly() and page.supervisor_star.isReadOnly()
    wizard.close()
    submit_new_incident(qtbot, a_window)
    [a_summary] = store.list()
    a_record = store.get(a_summary.id)
    assert a_record.status == Status.IN_REVIEW
    assert (a_record.supervisor.name, a_record.supervisor.star) == ("Sgt. Alma Alpha", "2231")
    assert {(e.actor_name, e.actor_star) for e in entries_for(store, a_record.id)} == {("Sgt. Alma Alpha", "2231")}
    assert "Sgt.AlmaAlpha" in flat("".join(page_texts(packet_pdf(a_record))))
    a_window.close()

    b_window = signed_in_window(qtbot, store, data_dir, "2400", B_PASS)
    submit_new_incident(qtbot, b_window)
    b_record = next(store.get(s.id) for s in store.list() if s.id != a_summary.id)
    assert (b_record.supervisor.name, b_record.supervisor.star) == ("Sgt. Boris Bravo", "2400")
    assert {(e.actor_name, e.actor_star) for e in entries_for(store, b_record.id)} == {("Sgt. Boris Bravo", "2400")}
    assert [(c.by_name, c.by_star) for c in b_record.history] == [("Sgt. Boris Bravo", "2400")]
    # A's record still names A: signing in as B changed nothing already entered.
    assert store.get(a_summary.id).supervisor.star == "2231"
    assert "Sgt. Left In Settings" not in {a_record.supervisor.name, b_record.supervisor.name}
