"""The users of a test station (review and station security), made through the users API as an administrator would."""

from __future__ import annotations

from intake_app.domain.roles import REVIEWER, SUPERVISOR
from intake_app.security.users import add_user, create_first_administrator, sign_in
from intake_app.storage.opening import open_store

ADMIN_PASS = "admin correct horse"
SGT_PASS = "sergeant battery staple"
LT_PASS = "lieutenant blue river"
LT2_PASS = "second lieutenant pass"


def add_people(store) -> dict:
    """An administrator (1000), a supervisor (the factories' sergeant, star 2231) and two reviewers (3100, 3200);
    returns the administrator, the sergeant and the first reviewer signed in on this store."""
    create_first_administrator(store, "1000", "Admin Alvarez", ADMIN_PASS)
    admin = sign_in(store, "1000", ADMIN_PASS)
    add_user(store, admin, "2231", "Sgt. Maria Test", SUPERVISOR, SGT_PASS)
    add_user(store, admin, "3100", "Lt. Ray Review", REVIEWER, LT_PASS)
    add_user(store, admin, "3200", "Lt. Ana Second", REVIEWER, LT2_PASS)
    return {"admin": admin, "sgt": sign_in(store, "2231", SGT_PASS), "lt": sign_in(store, "3100", LT_PASS)}


def add_people_to(data_dir) -> None:
    """The same people in the store of a data folder no test holds open (a second station)."""
    store = open_store(data_dir)
    try:
        add_people(store)
    finally:
        store.engine.dispose()
