"""The public release counts what the order has CPD do on scene, without names: the federal supervisor's credential
check (verified, refused...) and the injuries (people injured, EMS summoned, aid rendered by CPD), per incident and
in count tables by month. The files open as a spreadsheet opens them (Python's csv reader)."""

from __future__ import annotations

import csv

from intake_app.domain.enums import CredentialCheck, Status

from ..factories import make_incident
from ..order_story import refused_credentials_story
from .conftest import on, stored_as

SUPERVISOR_NAME = "Deputy Field Office Director Kessler"
SUPERVISOR_BADGE = "ERO-55821"


def sheet(path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def grid(path) -> dict[str, dict[str, str]]:
    return {row[next(iter(row))]: row for row in sheet(path)}


def verified_story():
    inc = refused_credentials_story()
    inc.occurred_at = on("2026-10-14")
    inc.federal_supervisor.credential_check = CredentialCheck.VERIFIED
    inc.federal_supervisor.name, inc.federal_supervisor.badge = SUPERVISOR_NAME, SUPERVISOR_BADGE
    return inc


def released(store, actor, *incidents):
    for inc in incidents:
        stored_as(store, actor, inc, Status.APPROVED)


def test_each_incident_row_says_how_the_credential_check_went_and_who_was_hurt_and_helped(
        store, actor, run_release, release_dir):
    released(store, actor, refused_credentials_story())
    run_release()
    [row] = sheet(release_dir / "incidents.csv")
    assert (row["credential_check"], row["injured_people"], row["ems_summoned"], row["aid_rendered_by_cpd"]) == (
        "refused", "1", "yes", "yes")


def test_an_incident_without_a_federal_supervisor_or_injury_section_says_so(store, actor, run_release, release_dir):
    released(store, actor, make_incident(occurred_at=on("2026-10-14")))
    run_release()
    [row] = sheet(release_dir / "incidents.csv")
    assert (row["credential_check"], row["injured_people"], row["ems_summoned"], row["aid_rendered_by_cpd"]) == (
        "no_supervisor_present", "0", "no", "")


def test_credential_checks_are_counted_by_outcome_and_month(store, actor, run_release, release_dir):
    released(store, actor, refused_credentials_story(), verified_story(), make_incident(occurred_at=on("2026-10-15")))
    run_release(threshold=1)
    table = grid(release_dir / "incidents_by_credential_check_month.csv")
    month = on("2026-10-14").strftime("%Y-%m")
    assert table["verified"][month] == "1" and table["no_supervisor_present"][month] == "1"
    assert sum(int(table["refused"][c]) for c in table["refused"] if c not in ("credential_check", "total")) == 1


def test_injuries_ems_and_aid_are_counted_by_month(store, actor, run_release, release_dir):
    released(store, actor, verified_story(), make_incident(occurred_at=on("2026-10-15")))
    run_release(threshold=1)
    table = grid(release_dir / "incidents_by_injuries_and_aid_month.csv")
    month = on("2026-10-14").strftime("%Y-%m")
    assert {key: row[month] for key, row in table.items() if key != "total"} == {
        "injury_reported": "1", "ems_summoned": "1", "aid_rendered_by_cpd": "1"}


def test_no_name_badge_hospital_or_injury_description_is_released(store, actor, run_release, release_dir):
    story = verified_story()
    released(store, actor, story)
    run_release(threshold=1)
    everything = "".join(p.read_text(encoding="utf-8") for p in release_dir.iterdir())
    for secret in (SUPERVISOR_NAME, SUPERVISOR_BADGE, story.medical.transported_to, story.medical.ems_unit,
                   story.injuries[0].description):
        assert secret not in everything, secret


def test_the_dictionary_explains_the_new_columns_and_tables(store, actor, run_release, release_dir):
    released(store, actor, verified_story())
    run_release()
    text = (release_dir / "DATA_DICTIONARY.md").read_text(encoding="utf-8")
    for name in ("`credential_check`", "`injured_people`", "`ems_summoned`", "`aid_rendered_by_cpd`",
                 "incidents_by_credential_check_month.csv", "incidents_by_injuries_and_aid_month.csv"):
        assert name in text, name


def test_a_store_from_before_the_count_columns_gets_them_filled_from_its_records_at_upgrade(store, actor, data_dir):
    from sqlcipher3 import dbapi2 as sqlcipher

    from intake_app.reports.release import ReleaseOptions, publish
    from intake_app.storage.database_key import database_key
    from intake_app.storage.opening import open_store

    released(store, actor, refused_credentials_story())
    store.engine.dispose()
    key, _ = database_key(data_dir, None)
    old = sqlcipher.connect(str(data_dir / "intake.db"), isolation_level=None)
    old.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    for column in ("credential_check", "injured_count", "ems_summoned", "aid_rendered"):  # as the last release had it
        old.execute(f"ALTER TABLE incidents DROP COLUMN {column}")
    old.execute("DELETE FROM alembic_version WHERE version_num = '0010_release_order_counts'")
    old.execute("INSERT INTO alembic_version VALUES ('0009_order_fields')")
    old.execute("PRAGMA user_version = 0")
    old.close()
    reopened = open_store(data_dir)
    try:
        publish(reopened, data_dir / "release", ReleaseOptions())
        [row] = sheet(data_dir / "release" / "incidents.csv")
        assert (row["credential_check"], row["injured_people"], row["ems_summoned"], row["aid_rendered_by_cpd"]) == (
            "refused", "1", "yes", "yes")
    finally:
        reopened.engine.dispose()
