"""The server's database backed up with pg_dump and restored with pg_restore as docs/SERVER.md says; devices then
send again what the restored database lacks (the restore epoch) and sync on with nothing lost, nothing twice,
and no change of the restored feed skipped."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from intake_app.domain.actor import Actor
from intake_app.sync import state
from intake_app.sync.engine import sync_once

from ..factories import make_incident
from .backups import dump, intake, restored_database
from .conftest import ServerProcess

ACTOR = Actor("Sgt. Maria Test", "2231")


@contextmanager
def restored_server(pg_url: str, backup: Path, *, migrate: bool = True) -> Iterator[tuple[ServerProcess, str, str]]:
    """The database lost and restored from `backup` into a new one as docs/SERVER.md says (pg_restore, `intake
    server migrate` unless told not to, `intake server restored`: new feed numbers, a new restore epoch), and a
    server on it: yields (the server, the restored database's URL, what `restored` said); both gone afterwards."""
    with restored_database(pg_url, backup) as restored_url:
        if migrate:
            intake("server", "migrate", "--database-url", restored_url)
        said = intake("server", "restored", "--database-url", restored_url)
        server = ServerProcess(restored_url).start()
        try:
            yield server, restored_url, said
        finally:
            server.stop()


def move_to(url: str, *stores) -> None:
    for store in stores:
        state.write(store, **{state.SERVER_URL: url})


def ids(store) -> list[str]:
    return sorted(inc.id for inc in store.all())


def ours(found, mine: set[str]) -> list[str]:
    return sorted(i for i in found if i in mine)


def edited(store, incident_id: str, narrative: str):
    inc = store.get(incident_id)
    inc.narrative = narrative
    return store.save(inc, ACTOR)


def test_after_a_restore_from_pg_dump_devices_send_again_what_it_lost_and_nothing_is_lost_or_twice(
        make_device, pg_url, tmp_path, capsys):
    a = make_device("a", district=9)
    b = make_device("b", district=9)
    c = make_device("c", district=12)  # lost between the backup and the restore: never syncs again
    hq = make_device("hq", headquarters=True)
    before = [a.save(make_incident(), ACTOR) for _ in range(3)]
    for store in (a, b, c, hq):
        assert sync_once(store).ok

    # The nightly backup (docs/SERVER.md: "Backup and restore").
    backup = dump(pg_url, tmp_path / "intake.dump")

    # Work after the backup, acknowledged by the server: new records, an edit; headquarters pulls all of it, so
    # its cursor is past what the backup holds.
    after_a = [a.save(make_incident(), ACTOR) for _ in range(2)]
    edited(a, before[0].id, "A's edit, acknowledged after the backup.")
    after_b = [b.save(make_incident(), ACTOR)]
    after_c = [c.save(make_incident(district=12, beat="1233"), ACTOR) for _ in range(2)]
    for store in (a, b, c, a, b, hq):
        assert sync_once(store).ok

    # The database is lost; restored from the backup into a new one, then marked restored (new feed numbers and
    # a new restore epoch).
    with restored_server(pg_url, backup) as (server, restored_url, said):
        assert "changes: new numbers start after" in said and "restore epoch:" in said
        move_to(server.base, a, b, hq)
        # On the restored server B goes on from A's edit (the server lost it), and A makes a record.
        edited(b, before[0].id, "B's edit on top of A's, after the restore.")
        new_a = a.save(make_incident(), ACTOR)
        reports = {}
        for name, store in (("b", b), ("a", a), ("hq", hq), ("b", b), ("a", a)):
            report = sync_once(store)
            assert report.ok, report.error
            assert report.conflicts == 0
            reports.setdefault(name, report)

        everything = sorted(i.id for i in [*before, *after_a, *after_b, *after_c, new_a])
        district_9 = sorted(i.id for i in [*before, *after_a, *after_b, new_a])
        mine = set(everything)
        # The server is shared with the session's other tests: only this story's records are counted, each once.
        with ServerSql(restored_url) as sql:
            on_server = sql.all("SELECT id FROM incidents ORDER BY id")
            versions = sql.rows("SELECT incident_id, version FROM changes")
            edit = sql.rows(f"SELECT version, record_json FROM incidents WHERE id = '{before[0].id}'")
            conflicts = sql.all("SELECT incident_id FROM conflicts")
            flagged = sql.all("SELECT id FROM devices WHERE audit_flagged")
        # Nothing lost: what the backup held, what was acknowledged after it (C's too, sent again by headquarters,
        # which had pulled it), and what was made since; each once, each version once in the feed.
        assert ours(on_server, mine) == everything
        ours_in_feed = [v for v in versions if v[0] in mine]
        assert len(ours_in_feed) == len(set(ours_in_feed))
        assert [i for i in conflicts if i in mine] == []
        [(version, record)] = edit
        assert version == 3 and "B's edit on top of A's" in record
        # Headquarters' cursor was past the backup's feed: the changes made after the restore still reach it.
        assert ours(ids(hq), mine) == everything
        assert ours(ids(a), mine) == district_9 and ours(ids(b), mine) == district_9
        for store in (a, b, hq):
            assert store.get(before[0].id).version == 3
        # Who sent again what: B (A's two records and the edit it pulled, under its own edit; its own record),
        # headquarters (C's two), A nothing (B had sent its records again before A synced).
        assert {name: r.resent for name, r in reports.items()} == {"b": 4, "a": 0, "hq": 2}
        assert "server restored from backup: re-sent 4 records" in reports["b"].notes
        assert "server restored from backup: re-sent 0 records" in reports["a"].notes
        # The audit heads reported after the backup were lost with it: no device is taken for a cut chain.
        my_devices = {int(state.read(store, state.DEVICE_ID)) for store in (a, b, hq)}
        assert [d for d in flagged if d in my_devices] == []
        assert len(my_devices) == 3
    assert "restore:       server restored from backup: re-sent 2 records" in sync_status(capsys, tmp_path / "hq")


def test_a_station_enrolled_after_the_backup_enrolls_again_and_sends_its_records_again(make_device, pg_url, tmp_path):
    from intake_app.sync import device

    backup = dump(pg_url, tmp_path / "intake.dump")
    late = make_device("late", district=9)  # enrolled after the backup
    made = [late.save(make_incident(), ACTOR) for _ in range(2)]
    assert sync_once(late).ok
    with restored_server(pg_url, backup, migrate=False) as (server, restored_url, _said):
        move_to(server.base, late)
        refused = sync_once(late)
        assert not refused.ok and "401" in refused.error  # the restored database does not know it
        code = intake("server", "create-enrollment", "--district", "9", "--database-url", restored_url).strip()
        device.enroll(late, server.base, code)

        report = sync_once(late)

        assert report.ok, report.error
        assert report.resent == 2
        with ServerSql(restored_url) as sql:
            on_server = sql.all("SELECT id FROM incidents")
        assert ours(on_server, {i.id for i in made}) == sorted(i.id for i in made)


def sync_status(capsys, data_dir) -> str:
    from intake_app.cli import main

    assert main(["--data-dir", str(data_dir), "sync", "--status"]) == 0
    return capsys.readouterr().out


class ServerSql:
    def __init__(self, url: str):
        from sqlalchemy import create_engine

        self.engine = create_engine(url)

    def __enter__(self) -> ServerSql:
        return self

    def __exit__(self, *exc) -> None:
        self.engine.dispose()

    def all(self, statement: str) -> list:
        return [row[0] for row in self.rows(statement)]

    def rows(self, statement: str) -> list[tuple]:
        from sqlalchemy import text

        with self.engine.connect() as conn:
            return [tuple(row) for row in conn.execute(text(statement))]


def test_after_a_restore_from_pg_dump_a_deleted_draft_stays_deleted_and_a_link_decision_comes_back_once(
        make_device, pg_url, tmp_path):
    from intake_app.domain.matching import AGENT_LINK, CONFIRMED
    from intake_app.storage.links.decisions import decide

    from ..links.helpers import decisions_for, incident_at, plate_agent

    a = make_device("a", district=9)
    b = make_device("b", district=9)  # never pulls between the backup and the restore
    hq = make_device("hq", headquarters=True)
    draft = a.save(make_incident(), ACTOR)
    kept = a.save(make_incident(), ACTOR)
    first = a.save(incident_at(district=9, agents=[plate_agent("ABC 1234")]), ACTOR)
    second = a.save(incident_at(district=9, minutes_later=60 * 24 * 3, agents=[plate_agent("abc-1234")]), ACTOR)
    for store in (a, b, hq):
        assert sync_once(store).ok
    backup = dump(pg_url, tmp_path / "intake.dump")

    # After the backup, acknowledged: A deletes the draft and its reviewer confirms the link; headquarters pulls both.
    a.delete_draft(draft.id, ACTOR)
    decide(a, first.id, second.id, AGENT_LINK, CONFIRMED, Actor("Lt. Ana Reviewer", "5150"), note="same Durango")
    assert sync_once(a).ok and sync_once(hq).ok
    assert hq.find(draft.id) is None and len(decisions_for(hq, first.id)) == 1

    with restored_server(pg_url, backup) as (server, restored_url, _said):
        move_to(server.base, a, b, hq)
        with ServerSql(restored_url) as sql:  # the restore brought the draft back and lost the decision
            assert sql.all(f"SELECT id FROM incidents WHERE id = '{draft.id}'") == [draft.id]
            assert sql.all("SELECT idempotency_key FROM link_decisions") == []
        # Headquarters first: it sends again the decision and the deletion it pulled; A's own are then held.
        for store in (hq, b, a, b, hq):
            report = sync_once(store)
            assert report.ok, report.error
            assert report.conflicts == 0

        with ServerSql(restored_url) as sql:
            on_server = sql.all("SELECT id FROM incidents")
            deletions = sql.all(f"SELECT version FROM changes WHERE incident_id = '{draft.id}' AND deleted")
            decisions = sql.rows("SELECT station, actor_name, note FROM link_decisions")
        assert draft.id not in on_server and kept.id in on_server
        assert deletions == [2]  # deleted again, once
        assert decisions == [("district 9", "Lt. Ana Reviewer", "same Durango")]  # once, where it was decided
        for store in (a, b, hq):
            assert store.find(draft.id) is None  # B, which never pulled the deletion, deleted its copy
            assert store.find(kept.id) is not None
            [decision] = decisions_for(store, first.id)  # B, which never pulled the decision, has it; none twice
            where = "" if store is a else "district 9"  # "": taken on this device
            assert (decision.station, decision.actor_name) == (where, "Lt. Ana Reviewer")
