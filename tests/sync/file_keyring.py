"""A keyring kept in a JSON file, for tests that run the app in a child process (the in-memory one
cannot cross a process boundary). Selected with PYTHON_KEYRING_BACKEND and INTAKE_TEST_KEYRING_FILE."""

import json
import os
from pathlib import Path

from jaraco.classes.properties import classproperty
from keyring.backend import KeyringBackend


class FileKeyring(KeyringBackend):
    @classproperty
    def priority(cls):
        # Viable only where a test asked for it (keyring instantiates every backend class it knows).
        if not os.environ.get("INTAKE_TEST_KEYRING_FILE"):
            raise RuntimeError("not a test child process")
        return 10

    def __init__(self, path: str | None = None):
        super().__init__()
        self._path = path

    @property
    def path(self) -> Path:
        return Path(self._path or os.environ["INTAKE_TEST_KEYRING_FILE"])

    def _load(self) -> dict:
        return json.loads(self.path.read_text()) if self.path.exists() else {}

    def get_password(self, service, username):
        return self._load().get(f"{service}/{username}")

    def set_password(self, service, username, password):
        items = self._load()
        items[f"{service}/{username}"] = password
        self.path.write_text(json.dumps(items))

    def delete_password(self, service, username):
        items = self._load()
        items.pop(f"{service}/{username}", None)
        self.path.write_text(json.dumps(items))
