"""A store made by the migrations holds exactly the tables, columns, types and indexes the models declare."""

import intake_app.storage
from intake_app.storage.opening import open_store
from intake_app.storage.tables import Base

from ..schema_drift import drift, with_every_model

# The search index (FTS5) and the map's R-tree are virtual tables the migrations make with SQL; no model declares them.
VIRTUAL = ("incident_fts", "incident_place_index")


def test_a_new_store_is_what_the_models_declare(data_dir):
    with_every_model(intake_app.storage)
    store = open_store(data_dir)
    with store.engine.connect() as conn:
        assert drift(conn, Base.metadata, not_modelled=VIRTUAL) == []
    store.engine.dispose()
