"""`intake verify-packet`: does a packet PDF still match the record in the store?

Four checks, each saying whether it needs the store:
- the PDF signature (from the file alone; pyHanko's validator, reports/packet_signature_check.py): intact,
  covering the whole file, by this station's certificate, and its TSA time-stamp;
- the QR code (from the file alone): read from the rendered cover (what paper shows: pdftoppm + zxing-cpp)
  and from the PDF keywords, which must agree;
- the record (against the store): the stamp's version and canonical-JSON SHA-256;
- the chain (against the store): the audit chain must still hold the entry the QR code recorded: a chain cut
  short or rewritten after the packet was made no longer does.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import zxingcpp
from PIL import Image

from ..domain.interchange import record_hashes
from ..security.station_certificate import known_certificates
from ..storage.repository import IncidentStore
from .packet_qr import PacketStamp, parse_stamp, stamp_for
from .packet_signature_check import check_signature


class PacketUnreadable(ValueError):
    """Not a packet of ours, or not a PDF at all."""


def stamp_from_metadata(pdf: Path) -> PacketStamp | None:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        meta: Mapping[str, Any] = PdfReader(str(pdf)).metadata or {}
    except (PdfReadError, OSError, ValueError) as exc:
        raise PacketUnreadable(f"{pdf} is not a readable PDF: {exc}") from exc
    return parse_stamp(str(meta.get("/Keywords", "")))


def stamp_from_qr(pdf: Path, dpi: int = 150) -> PacketStamp | None:
    """Renders the cover page and decodes its QR code; None if there is none. Needs poppler's pdftoppm."""
    if shutil.which("pdftoppm") is None:
        raise FileNotFoundError("pdftoppm (poppler-utils) is not installed, so the QR code cannot be read")
    with tempfile.TemporaryDirectory() as tmp:
        prefix = Path(tmp) / "cover"
        subprocess.run(["pdftoppm", "-png", "-r", str(dpi), "-f", "1", "-l", "1", "-singlefile", str(pdf),
                        str(prefix)], check=True, capture_output=True)
        with Image.open(f"{prefix}.png") as image:
            results = zxingcpp.read_barcodes(image)
    for result in results:
        stamp = parse_stamp(result.text)
        if stamp:
            return stamp
    return None


@dataclass
class Verification:
    ok: bool
    lines: list[str] = field(default_factory=list)
    report_number: str = ""


OFFLINE, WITH_STORE = "checked from the file alone", "checked against this station's store"


def _signature_lines(store: IncidentStore, pdf: Path) -> tuple[bool, list[str]]:
    """(acceptable, lines): a broken signature is not acceptable; a packet without one (made before packets
    were signed) is, and says so."""
    from ..security import timestamps

    tsa = timestamps.config(store)
    check = check_signature(pdf.read_bytes(), known_certificates(store), tsa.certificates, tsa.crls)
    if not check.present:
        return True, [f"PDF signature: none ({check.problems[0]}) [{OFFLINE}]"]
    if not check.ok:
        return False, [f"PDF signature: BROKEN, {check.problems[0]} [{OFFLINE}]"]
    whose = "this station's certificate" if check.by_station else "a certificate this station never signed with"
    lines = [f"PDF signature: valid, covers the whole file [{OFFLINE}]",
             f"  signed by {check.signer} ({whose}), SHA-256 fingerprint {check.fingerprint}",
             f"  reason: {check.reason or '-'}"]
    if check.timestamp_time is None:
        lines.append("  no time-stamp: the signing time "
                     f"({check.signing_time.isoformat() if check.signing_time else '-'}) is the station's own clock")
    elif check.timestamp_trusted:
        lines.append(f"  time-stamped {check.timestamp_time.isoformat()} by {check.timestamp_tsa} (token valid, TSA trusted)")
        if check.timestamp_revocation:
            lines.append(f"  {check.timestamp_revocation}")
    else:
        lines.append(f"  time-stamped {check.timestamp_time.isoformat()} by {check.timestamp_tsa or '?'}: {check.timestamp_problem}")
    # Another station's certificate is said, not failed: a packet printed on another computer of the district
    # matches the synced record all the same, and the record check below catches any change of content.
    return check.timestamp_time is None or check.timestamp_problem != "the time-stamp token does not verify", lines


def verify_packet(store: IncidentStore, pdf: Path) -> Verification:
    result = _verify_record(store, pdf)
    signed_ok, lines = _signature_lines(store, pdf)
    result.lines = lines + result.lines
    result.ok = result.ok and signed_ok
    return result


def _verify_record(store: IncidentStore, pdf: Path) -> Verification:
    meta = stamp_from_metadata(pdf)
    try:
        qr = stamp_from_qr(pdf)
        qr_note = "" if qr else "no readable QR code on the cover"
    except (FileNotFoundError, subprocess.CalledProcessError) as exc:
        qr, qr_note = None, str(exc)
    if meta is None and qr is None:
        raise PacketUnreadable(f"{pdf} carries no Intake packet stamp (neither QR code nor metadata)")
    lines: list[str] = []
    if qr and meta and qr != meta:
        lines.append("QR code and PDF metadata disagree: the file was altered")
        return Verification(False, lines)
    stamp = qr or meta
    assert stamp is not None, "one of the two was read (checked above)"
    lines.append(f"QR code: {'read' if qr else qr_note}; metadata: {'read' if meta else 'missing'} [{OFFLINE}]")
    stored = store.find(stamp.incident_id)
    if stored is None:
        lines.append(f"No incident {stamp.incident_id} in this store")
        return Verification(False, lines)
    now = stamp_for(stored)
    result = Verification(False, lines, stored.report_number)
    if stamp.version != now.version:
        lines.append(f"Packet shows version {stamp.version}; the store holds version {now.version} "
                     f"(the record changed after the packet was made)")
    elif stamp.sha256 not in record_hashes(stored):  # a packet made before the second interchange format
        # hashed the record's first-format JSON
        lines.append("Same version but different content hash: the packet does not match the stored record")
    else:
        lines.append(f"Record: matches {stored.report_number} version {now.version} (SHA-256 {stamp.sha256}) [{WITH_STORE}]")
        result.ok = qr is not None  # paper is checked by its QR code; metadata alone is not enough
        if not qr:
            lines.append("Only the metadata matched; the QR code could not be checked")
    if not _audit_chain_holds(store, stamp, lines):
        result.ok = False
    return result


def _audit_chain_holds(store: IncidentStore, stamp: PacketStamp, lines: list[str]) -> bool:
    """The audit chain the packet saw must still be there: at least as long, with the same entry at the length
    the packet recorded. A chain cut back (or rewritten) since the packet was made is reported."""
    if stamp.audit_entries is None:
        lines.append("The packet records no audit-chain length (made before packets carried it, or without an "
                     "audit trail): the audit chain was not checked against it")
        return True
    try:
        from ..security import audit
    except ImportError:
        lines.append("No audit trail in this installation: the packet's audit-chain stamp could not be checked")
        return True
    length = audit.chain_length(store)
    if length < stamp.audit_entries:
        lines.append(f"AUDIT CHAIN CUT: the packet was made when the audit chain had {stamp.audit_entries:,} entries; "
                     f"it now has {length:,}. Entries were removed after the packet was made. [{WITH_STORE}]")
        return False
    if audit.hash_at(store, stamp.audit_entries) != stamp.audit_head:
        lines.append(f"AUDIT CHAIN REWRITTEN: audit entry #{stamp.audit_entries} is not the one the packet recorded "
                     f"(its hash differs). The chain was changed after the packet was made. [{WITH_STORE}]")
        return False
    lines.append(f"Audit chain holds the {stamp.audit_entries:,} entries the packet recorded (now {length:,}) "
                 f"[{WITH_STORE}]")
    return True
