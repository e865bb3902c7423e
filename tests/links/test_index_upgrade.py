"""A store that already holds incidents when the links feature arrives has them indexed by the upgrade."""

from alembic import command
from sqlalchemy import inspect

from intake_app.storage.link_queries import links_for
from intake_app.storage.migrate import alembic_config, upgrade
from intake_app.storage.opening import open_store

from .helpers import incident_at, plate_agent


def test_incidents_saved_before_the_feature_are_linked_after_the_upgrade(data_dir, actor):
    store = open_store(data_dir)
    first = store.save(incident_at(agents=[plate_agent("ABC 1234")]), actor)
    second = store.save(incident_at(agents=[plate_agent("abc-1234")]), actor)
    cfg = alembic_config()
    with store.engine.connect() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0005_links-1")  # as if the store predates the feature
        conn.commit()
    assert "incident_identifiers" not in inspect(store.engine).get_table_names()

    upgrade(store.engine)

    assert [m.other.id for m in links_for(store, first.id)] == [second.id]
    store.engine.dispose()
