"""What a migrated database lacks or has beyond what the code's models declare (alembic's own comparison), for
the store and the server alike: each keeps its schema by migrations, and a model changed without one (or a
migration that builds something else) is found here, not in a user's database."""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Connection, MetaData


def with_every_model(package: ModuleType) -> None:
    """Import every module of the package but its migrations, so that each model's table is in the metadata."""
    for module in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        if ".migrations" not in module.name:
            importlib.import_module(module.name)


def drift(conn: Connection, metadata: MetaData, *, not_modelled: tuple[str, ...] = ()) -> list[str]:
    """Alembic's differences, one line each; tables whose names start with `not_modelled` (SQLite's virtual
    tables and their shadow tables, which no model declares) left out."""
    out = []
    for change in compare_metadata(MigrationContext.configure(conn), metadata):
        if isinstance(change, tuple) and change[0] == "remove_table" and change[1].name.startswith(not_modelled):
            continue
        out.append(repr(change))
    return out
