"""A store that held records before sync was installed sends all of them on its first sync."""

from __future__ import annotations

from alembic import command
from sqlalchemy import inspect

from intake_app.storage.migrate import alembic_config, upgrade
from intake_app.storage.opening import open_store
from intake_app.sync import state

from ..factories import make_incident


def test_records_saved_before_sync_existed_are_queued_by_the_upgrade(data_dir, actor):
    store = open_store(data_dir)
    saved = [store.save(make_incident(), actor) for _ in range(2)]
    cfg = alembic_config()
    with store.engine.connect() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0003_sync-1")  # as if the store predates sync
        conn.commit()
    assert "sync_outbox" not in inspect(store.engine).get_table_names()

    upgrade(store.engine)

    assert state.status(store).pending == len(saved)


def test_every_change_is_queued_in_its_own_transaction(store, actor):
    inc = store.save(make_incident(), actor)
    inc.narrative = "Second version."
    store.save(inc, actor)
    assert state.status(store).pending == 2


def test_a_change_that_fails_queues_nothing(store, actor):
    import pytest

    from intake_app.storage.errors import ConflictError

    inc = store.save(make_incident(), actor)
    stale = store.get(inc.id)
    stale.version = 0
    with pytest.raises(ConflictError):
        store.save(stale, actor)
    assert state.status(store).pending == 1
