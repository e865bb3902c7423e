import pytest

from intake_app.cli import main
from intake_app.security.database_key import database_key


@pytest.fixture
def intake(data_dir, capsys):
    """The real `intake` command on the test's store."""
    def run(*args):
        code = main(["--data-dir", str(data_dir), *args])
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.fixture
def attacker_shell(data_dir):
    """What someone holding the store's key can do: open the file with sqlcipher3 and edit it directly."""
    from sqlcipher3 import dbapi2 as sqlcipher

    key, _ = database_key(data_dir, None)
    conn = sqlcipher.connect(str(data_dir / "intake.db"), isolation_level=None)
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    yield conn
    conn.close()
