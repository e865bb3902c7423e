"""Start-up skips Alembic when the store was already upgraded by the same migration scripts,
and runs it whenever the scripts differ from the ones that last upgraded the store."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import text

from intake_app.storage import migrate
from intake_app.storage.cipher import DB_FILE
from intake_app.storage.database_key import database_key
from intake_app.storage.engine import encrypted_engine
from intake_app.storage.opening import open_store

PASSPHRASE = "fingerprint test passphrase"


def recorded_and_expected(engine) -> tuple[int, int]:
    with engine.connect() as conn:
        return (conn.exec_driver_sql("PRAGMA user_version").scalar(),
                migrate.fingerprint(lambda sql: [tuple(r) for r in conn.exec_driver_sql(sql)]))


def test_an_upgraded_store_records_the_fingerprint_of_its_scripts(store):
    recorded, expected = recorded_and_expected(store.engine)
    assert recorded == expected != 0


def test_a_store_upgraded_by_other_scripts_is_brought_to_every_head(data_dir):
    key, _ = database_key(data_dir, PASSPHRASE)
    engine = encrypted_engine(data_dir / DB_FILE, key)
    cfg = migrate.alembic_config()
    with engine.connect() as conn:  # an older app: only the foundation revision
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
        conn.commit()
    engine.dispose()
    store = open_store(data_dir, passphrase=PASSPHRASE)
    with store.engine.connect() as conn:
        current = {row[0] for row in conn.execute(text("select version_num from alembic_version"))}
    assert current == set(ScriptDirectory.from_config(migrate.alembic_config()).get_heads())
    recorded, expected = recorded_and_expected(store.engine)
    assert recorded == expected
    store.engine.dispose()


def test_reopening_an_up_to_date_store_does_not_load_alembic(data_dir):
    open_store(data_dir, passphrase=PASSPHRASE).engine.dispose()
    code = textwrap.dedent(f"""
        import sys
        from pathlib import Path
        from intake_app.storage.opening import open_store
        store = open_store(Path({str(data_dir)!r}), passphrase={PASSPHRASE!r})
        print(store.count(), "alembic" in sys.modules)
    """)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.split() == ["0", "False"], done.stderr
