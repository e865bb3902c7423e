import pytest

from intake_app.security.users import REVIEWER, SUPERVISOR, add_user, create_first_administrator, sign_in

ADMIN_PASS = "admin correct horse"
SGT_PASS = "sergeant battery staple"
LT_PASS = "lieutenant blue river"
LT2_PASS = "second lieutenant pass"


@pytest.fixture
def people(store):
    """A station with an administrator, a supervisor (the record's sergeant, star 2231) and two reviewers."""
    create_first_administrator(store, "1000", "Admin Alvarez", ADMIN_PASS)
    admin = sign_in(store, "1000", ADMIN_PASS)
    add_user(store, admin, "2231", "Sgt. Maria Test", SUPERVISOR, SGT_PASS)
    add_user(store, admin, "3100", "Lt. Ray Review", REVIEWER, LT_PASS)
    add_user(store, admin, "3200", "Lt. Ana Second", REVIEWER, LT2_PASS)
    return {
        "admin": admin,
        "sgt": sign_in(store, "2231", SGT_PASS),
        "lt": sign_in(store, "3100", LT_PASS),
    }
