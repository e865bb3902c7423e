"""Typed request and response bodies: FastAPI derives the OpenAPI document and first-line validation
from these; the incident itself is checked by the desktop app's own validator (see crud.parse_incident)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Annotated, Any, Literal

import orjson
from pydantic import BaseModel, ConfigDict, Field, field_validator

from ..domain.device_codes import DEVICE_CODE_PATTERN

UUID_PATTERN = r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
HEX64 = r"^([0-9a-f]{64})?$"
FINGERPRINT = r"^([0-9A-F]{2}(:[0-9A-F]{2}){31})?$"
# Sent at enrollment and with each audit head: the server registers a certificate it has not seen for the device.
StationCertificate = Annotated[str, Field(
    pattern=FINGERPRINT, description="SHA-256 fingerprint (AA:BB:..., 32 pairs) of the certificate that signs the "
                                     "station's packets now (registered when new, e.g. the city CA's after enrollment)")]
BASE64 = r"^[A-Za-z0-9+/]*={0,2}$"
MAX_TOKEN_B64 = 350_000  # an RFC 3161 token with its certificates is a few kB


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class EnrollRequest(Strict):
    code: str = Field(min_length=4, max_length=64)
    device_name: str = Field(default="", max_length=200)
    public_key: str = Field(default="", pattern=r"^([0-9a-f]{64})?$", description="Ed25519 public key, hex")
    device_code: str | None = Field(default=None, pattern=DEVICE_CODE_PATTERN,
                                    description="the code in the report numbers this device makes (e.g. K7Q)")
    station_certificate: StationCertificate = ""


class EnrollResponse(Strict):
    device_id: int
    token: str
    district: int | None
    headquarters: bool
    device_code: str | None = Field(default=None, description="the code this device must use from now on: the one "
                                    "it sent, or a free one when another device of its district holds that")
    sealing_keys: list[str] = Field(default_factory=list, max_length=64,
                                    description="X25519 public keys (hex) of the headquarters privacy officers: "
                                    "the device seals every civilian's identity to them")
    recovery_key: str = Field(default="", pattern=r"^([0-9a-f]{64})?$",
                              description="X25519 public key (hex) of the headquarters recovery key: the device "
                              "wraps its store's key to it")


RESENT_DELETION = "resent"  # beside the id in a delete_draft's `incident`: sent again after a restore (true)


class PushItem(Strict):
    idempotency_key: str = Field(pattern=UUID_PATTERN)
    base_version: int = Field(ge=0, le=2**31 - 1, description="the version this edit was based on; 0 = new")
    incident: dict[str, Any] = Field(
        description="an intake.incident/2 record, or /1 (checked by the app's validator), its civilians' identity "
                    "emptied and carried in `sealed` (intake.sealed/1); for delete_draft only its id is read, and "
                    "`resent` (true: a deletion sent again after a restore from a backup). "
                    "Either way it names the incident by its id.",
        # What the server accepts, said in the document too: an object with the incident's id at least.
        json_schema_extra={"required": ["id"], "properties": {"id": {"type": "string", "pattern": UUID_PATTERN}}})

    @field_validator("incident")
    @classmethod
    def _names_the_incident(cls, incident: dict[str, Any]) -> dict[str, Any]:
        incident_id = incident.get("id")
        if not isinstance(incident_id, str) or not re.match(UUID_PATTERN, incident_id):
            raise ValueError("needs the incident's id (a UUID, field 'id')")
        return incident
    action: Literal["save", "delete_draft", "resend"] = Field(
        default="save", description="delete_draft: the draft at base_version was deleted on the device; resend: "
        "a version the server had acknowledged before it was restored from a backup, sent again (it may jump "
        "versions; it never overwrites a newer edit made since the restore: that is a conflict)")


class PushRequest(Strict):
    items: list[PushItem] = Field(max_length=1000)


def push_request_json(items: Iterable[tuple[str, int, str, str]]) -> bytes:
    """A PushRequest as JSON, from (idempotency_key, base_version, action, record_json) items: the records are
    JSON already and go in as they are (orjson.Fragment), not parsed into models and written again.
    tests/sync/test_wire_against_schema.py checks the bytes against the served schema."""
    return orjson.dumps({"items": [
        {"idempotency_key": key, "base_version": int(base), "action": action, "incident": orjson.Fragment(record)}
        for key, base, action, record in items]})


class PushResult(Strict):
    idempotency_key: str
    incident_id: str
    outcome: Literal["applied", "unchanged", "conflict", "deleted"]
    version: int = Field(description="the server's version of the incident after this item")
    seq: int | None = Field(default=None, description="change-feed position of the applied version")
    conflict_id: int | None = None
    server_incident: dict[str, Any] | None = Field(default=None, description="theirs, on a conflict")
    server_deleted: bool = Field(default=False, description="on a conflict: theirs is a draft deleted on another device")
    number_taken: str | None = Field(default=None, description="on a conflict: this report number is held by "
                                     "another incident on the server; the record was not taken")


class PushResponse(Strict):
    results: list[PushResult]


class ChangeOut(Strict):
    seq: int
    incident: dict[str, Any]
    deleted: bool = Field(default=False, description="the draft was deleted: `incident` is its last content, one version up")


EPOCH = r"^[0-9a-f]{32}$"
EPOCH_DESCRIPTION = ("the server's restore epoch: renewed when its database is restored from a backup; a device that "
                     "sees a new one sends again what the server lacks (POST /holdings, push action resend)")


class ChangesResponse(Strict):
    changes: list[ChangeOut]
    next_cursor: int
    more: bool
    epoch: str = Field(default="", pattern=r"^([0-9a-f]{32})?$",
                       description=EPOCH_DESCRIPTION + "; empty from a server older than epochs")


def changes_page_json(rows: Iterable[tuple[int, bool, str]], *, next_cursor: int, more: bool, epoch: str) -> bytes:
    """A ChangesResponse as JSON, from (seq, deleted, record_json) rows. The stored records are JSON already:
    each goes in as it is (orjson.Fragment), not parsed into a model and written again, which would double a
    page's time (up to 1,000 records). tests/sync/test_wire_against_schema.py checks the bytes against the
    served schema, so these keys follow the models'."""
    return orjson.dumps({
        "changes": [{"seq": seq, "deleted": deleted, "incident": orjson.Fragment(record_json)}
                    for seq, deleted, record_json in rows],
        "next_cursor": next_cursor, "more": more, "epoch": epoch})


class EpochOut(Strict):
    epoch: str = Field(pattern=EPOCH, description=EPOCH_DESCRIPTION)


MAX_HOLDINGS = 1000  # incident ids in one POST /holdings


class HoldingsRequest(Strict):
    incident_ids: list[Annotated[str, Field(pattern=UUID_PATTERN)]] = Field(
        max_length=MAX_HOLDINGS, description="incidents this device holds: which version of each the server holds")


class Holding(Strict):
    incident_id: str = Field(pattern=UUID_PATTERN)
    version: int = Field(ge=1, le=2**31 - 1, description="the server's current version (or its draft deletion's)")
    line: int = Field(ge=0, le=2**31 - 1, description="the newest version the server holds of the history it had "
                      "before its last restore (restored, or sent again since); a device sends again a version it "
                      "holds above it. Below `version` when new edits were pushed since the restore")
    deleted: bool = Field(default=False, description="the draft was deleted: `version` is the deletion's")


class HoldingsResponse(Strict):
    holdings: list[Holding] = Field(max_length=MAX_HOLDINGS,
                                    description="the asked incidents the server holds; one it lacks is left out")
    epoch: str = Field(pattern=EPOCH, description=EPOCH_DESCRIPTION)


class AuditHeadIn(Strict):
    head: str = Field(pattern=HEX64, description="hex SHA-256 of the newest audit entry; empty if none")
    entries: int = Field(ge=0, le=2**62)
    previous_head: str = Field(default="", pattern=HEX64,
                               description="the hash, in the device's chain now, of the head it reported last time")
    signature: str = Field(pattern=r"^[0-9a-f]{128}$", description="Ed25519 over head|entries|previous_head, hex")
    timestamp_token: str = Field(default="", max_length=MAX_TOKEN_B64, pattern=BASE64,
                                 description="an RFC 3161 token (DER, base64) the device obtained over `head`")
    station_certificate: StationCertificate = ""


class AuditHeadOut(Strict):
    accepted: bool
    extends_previous: bool
    last_head: str
    last_entries: int
    timestamp_token: str = Field(default="", max_length=MAX_TOKEN_B64, pattern=BASE64,
                                 description="an RFC 3161 token (DER, base64) the server obtained over `head`")


class ConflictOut(Strict):
    id: int
    incident_id: str
    base_version: int
    server_version: int
    server_incident: dict[str, Any]
    pushed_incident: dict[str, Any]
    device_id: int
    resolved: bool


class ResolveRequest(Strict):
    conflict_ids: list[Annotated[int, Field(ge=1, le=2**62)]] = Field(max_length=1000, description="conflicts this device settled by taking the server's version")


class ResolveResponse(Strict):
    resolved: int


class ProblemOut(Strict):
    path: str
    message: str


class ErrorOut(Strict):
    detail: str | list[ProblemOut]


def signed_message(head: str, entries: int, previous_head: str) -> bytes:
    """What a device signs when it reports its audit-chain head (client and server build it alike)."""
    return f"intake-audit-head/1|{head}|{entries}|{previous_head}".encode()


# Every refusal the routes can answer, documented so the OpenAPI document matches what is sent.
ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorOut, "description": "the body is not JSON"},
    401: {"model": ErrorOut, "description": "unknown or revoked device token"},
    403: {"model": ErrorOut, "description": "another district, or a refused enrollment"},
    409: {"model": ErrorOut, "description": "deleting a record that is past draft on the server"},
    422: {"model": ErrorOut, "description": "invalid request: each problem names its field path"},
}
