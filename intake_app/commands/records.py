"""Records on the command line: import, export, list, show, demo."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from zoneinfo import ZoneInfo

from ..domain.demo import demo_incidents
from ..domain.enums import Status, label
from ..domain.interchange import dumps, loads, to_dict
from ..domain.records import Incident
from ..storage.queries import IncidentFilter, IncidentSummary
from .context import CliContext, UsageError

CHICAGO = ZoneInfo("America/Chicago")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("import", help="import incidents from an intake.incident/1 JSON file (one or a list; all or nothing)")
    p.add_argument("file", type=Path)
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("export", help="export incidents as intake.incident/1 JSON")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("ref", nargs="?", help="incident UUID or report number")
    which.add_argument("--all", action="store_true", help="every incident")
    p.add_argument("--out", type=Path, required=True, help="output file (- for standard output)")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("list", help="list incidents")
    p.add_argument("--search", default="", help="full-text search: report number, narrative, address, agent names, badges, plates")
    p.add_argument("--status", choices=[s.value for s in Status])
    p.add_argument("--district", type=int)
    p.add_argument("--limit", type=int, default=200)
    p.add_argument("--json", action="store_true", help="print a JSON array")
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("show", help="show one incident (UUID or report number)")
    p.add_argument("ref")
    p.add_argument("--json", action="store_true", help="print the full record as JSON")
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("demo", help="fill the store with synthetic incidents, clearly marked as demo data")
    p.add_argument("--incidents", type=int, default=50)
    p.add_argument("--seed", type=int, default=2026)
    p.set_defaults(func=cmd_demo)


def cmd_import(args, ctx: CliContext) -> int:
    try:
        text = args.file.read_text(encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"Cannot read {args.file}: {exc.strerror}") from exc
    incidents = loads(text)  # ValidationError -> exit 2, with field paths
    stored = ctx.store.import_incidents(incidents, ctx.actor())
    for inc in stored:
        print(f"imported {inc.report_number or '(no report number yet)'}  {inc.id}", file=ctx.out)
    return 0


def cmd_export(args, ctx: CliContext) -> int:
    if args.all:
        incidents: list[Incident] | Incident = ctx.store.all()
    else:
        incidents = ctx.store.get(args.ref)
    text = dumps(incidents) + "\n"
    if str(args.out) == "-":
        ctx.out.write(text)
    else:
        args.out.write_text(text, encoding="utf-8")
        count = len(incidents) if isinstance(incidents, list) else 1
        print(f"exported {count} incident(s) to {args.out}", file=ctx.err)
    return 0


def _summary_dict(s: IncidentSummary) -> dict:
    return {
        "id": s.id, "report_number": s.report_number, "status": s.status.value, "district": s.district,
        "beat": s.beat, "occurred_at": s.occurred_at.astimezone(CHICAGO).isoformat() if s.occurred_at else None,
        "address": s.address, "agents": s.agent_count, "version": s.version, "is_demo": s.is_demo,
    }


def cmd_list(args, ctx: CliContext) -> int:
    status = Status(args.status) if args.status else None
    rows = ctx.store.list(IncidentFilter(status=status, district=args.district, text=args.search, limit=args.limit))
    if args.json:
        json.dump([_summary_dict(r) for r in rows], ctx.out, ensure_ascii=False, indent=2)
        ctx.out.write("\n")
        return 0
    for r in rows:
        when = r.occurred_at.astimezone(CHICAGO).strftime("%Y-%m-%d %H:%M") if r.occurred_at else "-"
        demo = "  [DEMO]" if r.is_demo else ""
        print(f"{r.report_number or '-':<20} {label(r.status):<22} D{r.district or '-':<3} {when}  {r.address}{demo}", file=ctx.out)
    print(f"{len(rows)} incident(s)", file=ctx.err)
    return 0


def cmd_show(args, ctx: CliContext) -> int:
    inc = ctx.store.get(args.ref)
    if args.json:
        json.dump(to_dict(inc), ctx.out, ensure_ascii=False, indent=2)
        ctx.out.write("\n")
        return 0
    from ..domain.summary import summary_lines

    for line in summary_lines(inc, catalogue=ctx.store.catalogue):
        print(line, file=ctx.out)
    return 0


def cmd_demo(args, ctx: CliContext) -> int:
    if args.incidents < 1:
        raise UsageError("--incidents must be at least 1")
    incidents = demo_incidents(args.incidents, seed=args.seed)
    store = ctx.store
    batch = 2000  # one transaction per batch keeps memory flat for large demos
    for start in range(0, len(incidents), batch):
        store.import_incidents(incidents[start:start + batch], ctx.actor())
    print(f"added {len(incidents)} demo incidents (marked DEMO) to {ctx.data_dir}", file=ctx.out)
    return 0
