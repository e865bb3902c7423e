"""Server settings (pydantic-settings): from arguments, or INTAKE_SERVER_* environment variables."""

from __future__ import annotations

from pathlib import Path

from pydantic import field_validator
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
    # RFC 3161 time-stamping authority: the server stamps each reported audit head a station did not stamp
    # itself; the certificates (PEM: its CA or its own) are what tokens from stations are checked against.
    tsa_url: str = ""
    tsa_certificates: Path | None = None

    @field_validator("statutes_file", mode="before")
    @classmethod
    def _empty_is_unset(cls, value):
        return None if isinstance(value, str) and not value.strip() else value

    def resolved_url(self) -> str:
        url = self.database_url.strip()
        if not url:
            return f"sqlite:///{self.sqlite_path.resolve()}"
        if url.startswith("postgresql://") or url.startswith("postgres://"):
            url = "postgresql+psycopg://" + url.split("://", 1)[1]
        return url
