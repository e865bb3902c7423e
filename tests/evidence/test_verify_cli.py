"""`intake verify` catches what someone holding the store's key could do to the file behind the app's back."""

import pytest

from ..factories import make_incident


@pytest.fixture
def three_audited_changes(store, actor):
    """A created, an edited and a printed incident: a chain of several entries."""
    from intake_app.security import audit

    first = store.save(make_incident(), actor)
    first.narrative = "Edited once."
    store.save(first, actor)
    audit.record_action(store, first.id, "print", actor, "packet")
    second = store.save(make_incident(), actor)
    store.engine.dispose()  # the attacker works on the closed file
    return first, second


def _drop_triggers(shell):
    shell.execute("DROP TRIGGER audit_entries_no_update")
    shell.execute("DROP TRIGGER audit_entries_no_delete")


def _verify_after_tampering(intake, shell, *statements) -> str:
    """Runs the attacker's statements on the audit trail (its guarding triggers dropped first, as the key holder
    can), then `intake verify`, which must fail; returns what it wrote on stderr."""
    _drop_triggers(shell)
    for statement in statements:
        shell.execute(statement)
    code, _, err = intake("verify")
    assert code == 1
    return err


def test_an_untouched_store_verifies(intake, three_audited_changes):
    code, out, err = intake("verify")
    assert code == 0, err
    assert out.startswith("OK:") and "entries chained and signed" in out


def test_an_altered_entry_is_named(intake, three_audited_changes, attacker_shell):
    err = _verify_after_tampering(intake, attacker_shell,
                                  "UPDATE audit_entries SET actor_name = 'Someone Else' WHERE seq = 2")
    assert "audit entry #2 was altered" in err


def test_a_removed_entry_is_named(intake, three_audited_changes, attacker_shell):
    err = _verify_after_tampering(intake, attacker_shell, "DELETE FROM audit_entries WHERE seq = 3")
    assert "audit entry #3 is missing" in err


def test_two_reordered_entries_are_named(intake, three_audited_changes, attacker_shell):
    err = _verify_after_tampering(intake, attacker_shell, "UPDATE audit_entries SET seq = -1 WHERE seq = 2",
                                  "UPDATE audit_entries SET seq = 2 WHERE seq = 3",
                                  "UPDATE audit_entries SET seq = 3 WHERE seq = -1")
    assert "audit entry #2" in err


def test_an_incident_edited_behind_the_apps_back_is_named(intake, three_audited_changes, attacker_shell):
    first, _ = three_audited_changes
    attacker_shell.execute("UPDATE incidents SET record_json = replace(record_json, 'Edited once.', 'Nothing happened.') "
                           "WHERE id = ?", (first.id,))
    code, _, err = intake("verify")
    assert code == 1
    assert f"incident {first.report_number} was altered outside the app" in err


def test_an_incident_deleted_behind_the_apps_back_is_named(intake, three_audited_changes, attacker_shell):
    _, second = three_audited_changes
    attacker_shell.execute("DELETE FROM incidents WHERE id = ?", (second.id,))
    code, _, err = intake("verify")
    assert code == 1
    assert f"incident {second.id} was deleted outside the app" in err


def test_a_forged_entry_with_a_recomputed_hash_fails_its_signature(intake, three_audited_changes, attacker_shell, data_dir):
    """An attacker who recomputes the hash chain still cannot sign without the keyring's private key."""
    import hashlib

    from intake_app.security.audit import HASHED_FIELDS, canonical_entry

    _drop_triggers(attacker_shell)
    cols = ", ".join((*HASHED_FIELDS, "entry_hash"))
    rows = attacker_shell.execute(f"SELECT {cols} FROM audit_entries ORDER BY seq").fetchall()
    from datetime import datetime
    last = rows[-1]
    values = dict(zip((*HASHED_FIELDS, "entry_hash"), last, strict=True))
    values["at"] = datetime.fromisoformat(values["at"])
    values["new_value"] = "forged"
    forged_hash = hashlib.sha256(canonical_entry(values)).hexdigest()
    attacker_shell.execute("UPDATE audit_entries SET new_value = 'forged', entry_hash = ? WHERE seq = ?",
                           (forged_hash, values["seq"]))
    code, _, err = intake("verify")
    assert code == 1
    assert f"audit entry #{values['seq']} has no valid signature" in err


@pytest.fixture
def one_run_of_three_entries(store, actor):
    """An edit of three fields: one run of three entries, only the last of them signed."""
    from intake_app.security.audit import entries_for

    inc = store.save(make_incident(), actor)
    inc.narrative, inc.beat, inc.location.address = "Edited narrative.", inc.beat[:-1] + "9", "1 N State St"
    store.save(inc, actor)
    run = [e for e in entries_for(store, inc.id) if e.action == "update"]
    store.engine.dispose()
    return run


def test_a_run_of_entries_is_signed_once_at_its_end_and_verifies(intake, one_run_of_three_entries):
    assert [bool(e.signature) for e in one_run_of_three_entries] == [False, False, True]
    code, _, err = intake("verify")
    assert code == 0, err


def test_an_entry_added_at_the_end_without_a_signature_is_named(intake, one_run_of_three_entries, attacker_shell):
    """Someone with the store's key appends a well-chained entry but cannot sign it."""
    import hashlib
    from datetime import datetime

    from intake_app.security.audit import HASHED_FIELDS, canonical_entry

    _drop_triggers(attacker_shell)
    cols = ", ".join((*HASHED_FIELDS, "entry_hash"))
    last = dict(zip((*HASHED_FIELDS, "entry_hash"),
                    attacker_shell.execute(f"SELECT {cols} FROM audit_entries ORDER BY seq DESC LIMIT 1").fetchone(),
                    strict=True))
    forged = {**last, "seq": last["seq"] + 1, "at": datetime.fromisoformat(last["at"]), "prev_hash": last["entry_hash"],
              "field_path": "", "old_value": "", "new_value": "forged", "action": "print", "record_hash": ""}
    forged["entry_hash"] = hashlib.sha256(canonical_entry(forged)).hexdigest()
    forged["at"] = last["at"]
    names = (*HASHED_FIELDS, "entry_hash")
    attacker_shell.execute(f"INSERT INTO audit_entries ({', '.join(names)}, signature) VALUES "
                           f"({', '.join('?' for _ in names)}, '')", [forged[n] for n in names])
    code, _, err = intake("verify")
    assert code == 1
    assert f"audit entry #{forged['seq']} has no valid signature" in err


def test_a_signature_blanked_at_the_end_of_a_run_is_named(intake, one_run_of_three_entries, attacker_shell):
    _drop_triggers(attacker_shell)
    attacker_shell.execute("UPDATE audit_entries SET signature = '' WHERE seq = (SELECT max(seq) FROM audit_entries)")
    code, _, err = intake("verify")
    assert code == 1
    assert f"audit entry #{one_run_of_three_entries[0].seq} has no valid signature" in err
