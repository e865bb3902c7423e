"""An in-memory keyring backend: tests never touch the real user keyring."""

from keyring.backend import KeyringBackend


class MemoryKeyring(KeyringBackend):
    priority = 10  # counts as a secure backend for the app

    def __init__(self):
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.items.get((service, username))

    def set_password(self, service, username, password):
        self.items[(service, username)] = password

    def delete_password(self, service, username):
        self.items.pop((service, username), None)
