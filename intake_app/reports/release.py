"""The public data release: incident-level rows without personal data, suppressed aggregate tables, a data
dictionary and a manifest of SHA-256 hashes, written to one folder.

Deterministic: the same records give byte-identical files (sorted rows, no timestamps, integers only).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .release_dictionary import INCIDENT_COLUMNS, dictionary_markdown
from .release_rows import ReleaseRow, fetch_rows
from .release_tables import TABLES, table_lines

FORMAT = "intake.release/1"
DEFAULT_THRESHOLD = 5
DEMO_PREFIX = "DEMO-"


@dataclass(frozen=True)
class ReleaseOptions:
    date_from: date | None = None
    date_to: date | None = None
    threshold: int = DEFAULT_THRESHOLD
    include_demo: bool = False


@dataclass(frozen=True)
class ReleaseResult:
    out_dir: Path
    incidents: int
    demo: bool
    files: list[str]
    demo_left_out: int  # demo incidents not released because include_demo was off


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"


def incident_record(r: ReleaseRow) -> dict:
    return {
        "incident_ref": r.report_number,
        "occurred_date": r.occurred_on.isoformat(),
        "month": r.month,
        "district": f"{r.district:03d}" if r.district is not None else "",
        "beat": r.beat,
        "block": r.block,
        "status": r.status,
        "referred_to_ccsao": _yes(r.referred),
        "agencies": "; ".join(r.agencies),
        "agency_count": len(r.agencies),
        "statutes": "; ".join(r.statutes),
        "offence_classes": "; ".join(r.offence_classes),
        "felony_alleged": _yes(r.felony),
        "footage_items": r.footage_items,
        "footage_with_deadline": r.footage_with_deadline,
        "footage_preserved": r.footage_preserved,
        "footage_preserved_on_time": r.footage_preserved_on_time,
        "footage_flagged": r.footage_flagged,
        "felony_review_outcome": r.review_decision,
        "credential_check": r.credential_check,
        "injured_people": r.injured_count,
        "ems_summoned": _yes(r.ems_summoned),
        "aid_rendered_by_cpd": r.aid_rendered,
        "demo": _yes(r.is_demo),
    }


def _csv_bytes(lines: list[list]) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerows(lines)
    return buf.getvalue().encode("utf-8")


def build_files(rows: list[ReleaseRow], options: ReleaseOptions) -> dict[str, bytes]:
    """File name -> content, manifest excluded. Pure: no store, no clock."""
    demo = any(r.is_demo for r in rows)
    prefix = DEMO_PREFIX if demo else ""
    columns = [name for name, _ in INCIDENT_COLUMNS]
    records = [incident_record(r) for r in rows]
    files: dict[str, bytes] = {}
    files[f"{prefix}incidents.csv"] = _csv_bytes([columns, *([rec[c] for c in columns] for rec in records)])
    files[f"{prefix}incidents.json"] = (json.dumps(
        {"format": FORMAT, "demo": demo, "incidents": records}, ensure_ascii=False, separators=(",", ":"))
        + "\n").encode("utf-8")
    table_files = []
    for stem in TABLES:
        name = f"{prefix}{stem}.csv"
        files[name] = _csv_bytes(table_lines(rows, stem, options.threshold))
        table_files.append(name)
    files[f"{prefix}DATA_DICTIONARY.md"] = dictionary_markdown(
        prefix=prefix, demo=demo, threshold=options.threshold, period=_period_text(options),
        table_files=table_files).encode("utf-8")
    return files


def _period_text(options: ReleaseOptions) -> str:
    start = options.date_from.isoformat() if options.date_from else "the earliest record"
    end = options.date_to.isoformat() if options.date_to else "the latest record"
    return f"{start} to {end} (dates of occurrence, inclusive)"


def manifest_bytes(files: dict[str, bytes], rows: list[ReleaseRow], options: ReleaseOptions) -> bytes:
    manifest = {
        "format": FORMAT,
        "demo": any(r.is_demo for r in rows),
        "period": {"from": options.date_from.isoformat() if options.date_from else None,
                   "to": options.date_to.isoformat() if options.date_to else None},
        "threshold": options.threshold,
        "incidents": len(rows),
        "files": [{"name": name, "bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}
                  for name, data in sorted(files.items())],
    }
    return (json.dumps(manifest, indent=2, sort_keys=True) + "\n").encode("utf-8")


def publish(store, out_dir: Path, options: ReleaseOptions = ReleaseOptions()) -> ReleaseResult:
    if options.threshold < 1:
        raise ValueError("threshold: must be 1 or more")
    if options.date_from and options.date_to and options.date_from > options.date_to:
        raise ValueError(f"--from {options.date_from} is after --to {options.date_to}")
    with store.reading() as session:
        every = fetch_rows(session, date_from=options.date_from, date_to=options.date_to, include_demo=True)
    rows = every if options.include_demo else [r for r in every if not r.is_demo]
    left_out = len(every) - len(rows)
    files = build_files(rows, options)
    files_with_manifest = dict(files)
    prefix = DEMO_PREFIX if any(r.is_demo for r in rows) else ""
    files_with_manifest[f"{prefix}manifest.json"] = manifest_bytes(files, rows, options)
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, data in files_with_manifest.items():
        (out_dir / name).write_bytes(data)
    return ReleaseResult(out_dir, len(rows), bool(prefix), sorted(files_with_manifest), left_out)

