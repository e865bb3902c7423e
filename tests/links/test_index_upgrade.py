"""A store that already holds incidents when the links feature arrives has them indexed by the upgrade."""

from alembic import command
from sqlalchemy import inspect

from intake_app.storage.links.queries import links_for
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


def test_decisions_and_chinese_names_from_before_link_sync_are_queued_and_linked_after_the_upgrade(data_dir, actor):
    from intake_app.domain.matching import AGENT_LINK, CONFIRMED
    from intake_app.storage.links.decisions import decide
    from intake_app.sync.link_decisions_sync import pending
    from intake_app.wire.link_decisions import LinkDecisionIn

    from .helpers import decisions_for, unique_agent

    store = open_store(data_dir)
    first = store.save(incident_at(agents=[unique_agent(name="李小龙")]), actor)
    second = store.save(incident_at(minutes_later=60 * 24 * 3, agents=[unique_agent(name="李小龙")]), actor)
    decided_on = store.save(incident_at(agents=[plate_agent("ABC 1234")]), actor)
    other = store.save(incident_at(agents=[plate_agent("abc-1234")]), actor)
    decide(store, decided_on.id, other.id, AGENT_LINK, CONFIRMED, actor)
    cfg = alembic_config()
    with store.engine.connect() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0007_link_decision_sync-1")  # as if the store predates link sync
        # What the older app had written: no key for a Chinese name, no queue for the decision.
        conn.exec_driver_sql("DELETE FROM incident_identifiers WHERE kind = 'name' AND value = '李小龙'")
        conn.commit()
    assert "link_decision_outbox" not in inspect(store.engine).get_table_names()

    upgrade(store.engine)

    assert [m.other.id for m in links_for(store, first.id)] == [second.id]
    assert pending(store) == 1
    with store.engine.connect() as conn:
        queued = LinkDecisionIn.model_validate_json(conn.exec_driver_sql(
            "SELECT payload_json FROM link_decision_outbox").scalar())  # what the server will be sent
    assert (queued.decision, queued.actor_star) == (CONFIRMED, actor.star)
    assert queued.decided_at == decisions_for(store, decided_on.id)[0].decided_at
    store.engine.dispose()
