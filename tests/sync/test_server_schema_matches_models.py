"""A server database made by the migrations on PostgreSQL holds exactly what the server's models declare."""

from sqlalchemy import create_engine

import intake_app.server
from intake_app.server.tables import Base

from ..schema_drift import drift, with_every_model
from .conftest import migrated_database


def test_a_new_server_database_is_what_the_models_declare():
    with_every_model(intake_app.server)
    with migrated_database() as url:
        engine = create_engine(url)
        with engine.connect() as conn:
            assert drift(conn, Base.metadata) == []
        engine.dispose()
