import os

# Qt aborts without a display unless this is set before Qt is imported.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import keyring  # noqa: E402
import pytest  # noqa: E402

from intake_app.cli import main  # noqa: E402
from intake_app.domain.actor import Actor  # noqa: E402
from intake_app.storage.opening import open_store  # noqa: E402

from .memory_keyring import MemoryKeyring  # noqa: E402


@pytest.fixture(autouse=True)
def memory_keyring(monkeypatch):
    """Every test gets its own in-memory keyring; the real one is never touched."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    monkeypatch.delenv("INTAKE_PASSPHRASE", raising=False)
    monkeypatch.delenv("INTAKE_DATA_DIR", raising=False)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def separate_config(tmp_path, monkeypatch):
    """The app's small config file (the chosen data folder) goes to the test's folder, never the user's."""
    monkeypatch.setenv("INTAKE_CONFIG_DIR", str(tmp_path / "config"))
    # ...and the log and crash reports of a command without a data folder (paths.state_dir) there too.
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))


@pytest.fixture
def data_dir(tmp_path):
    path = tmp_path / "data"
    path.mkdir()
    return path


@pytest.fixture
def store(data_dir):
    s = open_store(data_dir)
    yield s
    s.engine.dispose()


@pytest.fixture
def intake(data_dir, capsys):
    """The real `intake` command on the test's store: returns (exit code, stdout, stderr)."""

    def run(*args):
        code = main(["--data-dir", str(data_dir), *args])
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.fixture
def actor():
    return Actor("Sgt. Maria Test", "2231")


@pytest.fixture(scope="module")
def ca():
    """A test certificate authority (tests/evidence/tsa.py); its TSA, `tsa`, is OpenSSL's `openssl ts -reply`
    on loopback. For the time-stamp tests of the station and of sync alike."""
    from .evidence.tsa import LoopbackCA

    return LoopbackCA.make()


@pytest.fixture
def tsa(ca):
    from .evidence.tsa import LoopbackTSA

    with LoopbackTSA(ca) as running:
        yield running
