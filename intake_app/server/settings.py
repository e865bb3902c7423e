"""Server settings (pydantic-settings): from arguments, or INTAKE_SERVER_* environment variables."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationInfo, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from ..domain.settings import OEMC_EVENT_NUMBER_PATTERN, RD_NUMBER_PATTERN, StationSettings


class ServerSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="INTAKE_SERVER_")

    # postgresql+psycopg://user@host/db in production; empty = a SQLite file (one machine trying it out).
    database_url: str = ""
    sqlite_path: Path = Path("intake-server.sqlite3")
    # PostgreSQL connections per server process (each worker has its own pool): processes x (size + overflow)
    # must stay under the database's max_connections.
    db_pool_size: int = 10
    db_max_overflow: int = 10
    # Per device (by its token; by address before enrollment), in each server process: a token bucket of
    # `rate_limit_burst` requests refilled at `rate_limit_per_second`. Over it: 429 with Retry-After.
    rate_limit_per_second: float = 10.0
    rate_limit_burst: int = 60
    # Requests handled at once per process, writes (POST) and reads apart (reads: what the connection pool has
    # left), and how long one may wait for its turn before it is answered 503 with Retry-After (the desktop
    # client waits 30 s for an answer).
    max_concurrent_writes: int = 2
    queue_wait_seconds: float = 15.0
    # A request body over this is refused with 413 before it is read (a push batch of 1,000 incidents is
    # a few MB); the client then sends smaller batches.
    max_request_bytes: int = 32 * 1024 * 1024
    # Structured access log (one JSON object a line on the `intake.access` logger): on unless turned off.
    access_log: bool = True
    # The feed metrics (pending changes, lag by device) are read from the database at most this often.
    metrics_cache_seconds: float = 10.0
    # The statute catalogue records are checked against (INTAKE_SERVER_STATUTES_FILE): the same format as the
    # desktop's statutes.json; empty = the one shipped with Intake. A record citing a statute it lacks is
    # stored and flagged (table unknown_statutes), never refused: the station's administrator may know more.
    statutes_file: Path | None = None
    # Each revocation is also written here before it is committed (server/revocations.py), and applied again by
    # `intake server restored`: keep it apart from the database (another disk, backed up with the dumps).
    # Empty = no journal: a restore from a backup then brings back devices revoked after it.
    revocation_journal: Path | None = None
    # RFC 3161 time-stamping authority: the server stamps each reported audit head a station did not stamp
    # itself; the certificates (PEM: its CA or its own) are what tokens from stations are checked against.
    tsa_url: str = ""
    tsa_certificates: Path | None = None
    # The RD and OEMC number patterns the server holds pushed records to (INTAKE_SERVER_RD_NUMBER_PATTERN,
    # INTAKE_SERVER_OEMC_EVENT_NUMBER_PATTERN; regular expressions a number must match whole). A number they
    # refuse is stored and flagged (table unmatched_numbers), never refused: a station may set its own.
    rd_number_pattern: str = RD_NUMBER_PATTERN
    oemc_event_number_pattern: str = OEMC_EVENT_NUMBER_PATTERN

    @field_validator("rd_number_pattern", "oemc_event_number_pattern")
    @classmethod
    def _a_pattern(cls, value: str, info: ValidationInfo) -> str:
        """The station's own check of a pattern (present, bounded, a regular expression): a bad one stops the
        start with its setting named."""
        from ..domain.validation import validate_settings

        name = info.field_name or ""  # always set for a validator bound to named fields
        station = StationSettings()
        setattr(station, name, value)
        problems = [p for p in validate_settings(station) if p.path == name]
        if problems:
            raise ValueError(f"INTAKE_SERVER_{name.upper()}: {problems[0].message}")
        return value

    def number_patterns(self) -> StationSettings:
        """The patterns as the domain's validator takes them."""
        return StationSettings(rd_number_pattern=self.rd_number_pattern,
                               oemc_event_number_pattern=self.oemc_event_number_pattern)

    @field_validator("statutes_file", "revocation_journal", mode="before")
    @classmethod
    def _empty_is_unset(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    def max_concurrent_reads(self) -> int:
        return max(1, self.db_pool_size + self.db_max_overflow - self.max_concurrent_writes)

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
