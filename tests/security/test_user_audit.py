"""Managing users is attributable: each addition, deactivation, reactivation and passphrase reset is an audit
entry naming the administrator who did it and the star concerned; never the passphrase."""

from sqlalchemy import select

from intake_app.security.audit_verify import verify
from intake_app.security.users import set_active, set_passphrase
from intake_app.storage.audit_tables import AuditEntryRow

from .conftest import ADMIN_PASS, LT_PASS, SGT_PASS


def station_entries(store) -> list[tuple[str, str, str]]:
    with store.reading() as session:
        rows = session.scalars(select(AuditEntryRow).where(AuditEntryRow.incident_id.is_(None))
                               .order_by(AuditEntryRow.seq))
        return [(r.action, r.actor_star, r.new_value) for r in rows]


def test_every_user_change_names_the_administrator_and_the_star(store, people):
    set_active(store, people["admin"], "2231", False)
    set_active(store, people["admin"], "2231", True)
    set_passphrase(store, people["admin"], "3100", "a fresh lieutenant passphrase")
    assert station_entries(store) == [
        ("user_added", "1000", "star 1000 as administrator (first user of the station)"),
        ("user_added", "1000", "star 2231 as supervisor"),
        ("user_added", "1000", "star 3100 as reviewer"),
        ("user_added", "1000", "star 3200 as reviewer"),
        ("user_disabled", "1000", "star 2231"),
        ("user_enabled", "1000", "star 2231"),
        ("user_passphrase_reset", "1000", "star 3100"),
    ]


def test_no_passphrase_reaches_the_audit_trail_and_the_chain_still_verifies(store, people):
    set_passphrase(store, people["admin"], "3100", "a fresh lieutenant passphrase")
    with store.reading() as session:
        text = " ".join(f"{r.old_value} {r.new_value} {r.field_path}" for r in session.scalars(select(AuditEntryRow)))
    for secret in (ADMIN_PASS, SGT_PASS, LT_PASS, "a fresh lieutenant passphrase"):
        assert secret not in text
    assert verify(store).ok
