"""Server settings (pydantic-settings): from arguments, or INTAKE_SERVER_* environment variables."""

from __future__ import annotations

from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict


class ServerSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="INTAKE_SERVER_")

    # postgresql+psycopg://user@host/db in production; empty = a SQLite file (one machine trying it out).
    database_url: str = ""
    sqlite_path: Path = Path("intake-server.sqlite3")
    push_batch_limit: int = 500
    feed_page_limit: int = 1000
    # The statute catalogue records are checked against (INTAKE_SERVER_STATUTES_FILE): the same format as the
    # desktop's statutes.json; empty = the one shipped with Intake. A record citing a statute it lacks is
    # stored and flagged (table unknown_statutes), never refused: the station's administrator may know more.
    statutes_file: Path | None = None
    # Sealed identity: the headquarters privacy officers' X25519 public keys (hex, comma-separated), which
    # every station seals its civilians' identity to, and the public half of the headquarters recovery key
    # (its private half is kept offline), which every station wraps its store's key to. Both are published
    # to a device at enrollment; the server holds no private key.
    privacy_officer_keys: str = ""
    recovery_public_key: str = ""

    def sealing_keys(self) -> list[str]:
        keys = [k.strip().lower() for k in self.privacy_officer_keys.split(",") if k.strip()]
        for k in [*keys, *([self.recovery_public_key.strip().lower()] if self.recovery_public_key.strip() else [])]:
            if len(k) != 64 or any(c not in "0123456789abcdef" for c in k):
                raise ValueError("privacy_officer_keys / recovery_public_key: X25519 public keys are 64 hex digits")
        return keys

    def resolved_url(self) -> str:
        url = self.database_url.strip()
        if not url:
            return f"sqlite:///{self.sqlite_path.resolve()}"
        if url.startswith("postgresql://") or url.startswith("postgres://"):
            url = "postgresql+psycopg://" + url.split("://", 1)[1]
        return url
