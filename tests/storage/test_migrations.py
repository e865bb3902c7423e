"""The schema is created and upgraded by Alembic at start-up."""

from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from intake_app.storage.migrate import alembic_config

from .helpers import saved_and_read_back_after_reopening


def test_a_new_store_is_at_every_head(store):
    heads = set(ScriptDirectory.from_config(alembic_config()).get_heads())
    with store.engine.connect() as conn:
        current = {row[0] for row in conn.execute(text("select version_num from alembic_version"))}
    assert current == heads


def test_the_foundation_tables_and_search_index_exist(store):
    tables = set(inspect(store.engine).get_table_names())
    assert {"incidents", "incident_agents", "incident_footage", "incident_violations", "meta", "autosaves",
            "report_sequences", "incident_fts"} <= tables


def test_opening_twice_is_harmless(data_dir, actor):
    saved, read_back = saved_and_read_back_after_reopening(data_dir, actor)
    assert read_back == saved
