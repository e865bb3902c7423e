"""Links on the command line: `intake links`, `intake duplicates`, `intake link` (linked incidents)."""

from __future__ import annotations

import argparse
import json
from dataclasses import replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from ..domain.matching import AGENT_LINK, CONFIRMED, DISMISSED, LINK_KINDS, REJECTED, Match
from ..storage.links.decisions import LinkError, decide
from ..storage.links.queries import duplicate_pairs, links_for
from ..storage.links.settings import duplicate_rules, save_duplicate_rules
from .context import CliContext, UsageError

CHICAGO = ZoneInfo("America/Chicago")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("links", help="incidents sharing an agent's badge, name or vehicle plate with this one, with scores")
    p.add_argument("ref", help="incident UUID or report number")
    p.add_argument("--json", action="store_true", help="print a JSON array")
    p.set_defaults(func=cmd_links)

    p = sub.add_parser("duplicates", help="pairs of incidents that may describe the same event")
    p.add_argument("--since", help="only pairs with an incident on or after this date (YYYY-MM-DD, Chicago time)")
    p.add_argument("--distance", type=float, help="metres (default: the station's rule, 500 unless set)")
    p.add_argument("--window", type=float, help="minutes either side (default: the station's rule, 120 unless set)")
    p.add_argument("--save-rules", action="store_true",
                   help="keep --distance/--window as the station's rule for the duplicates offered after a save")
    p.add_argument("--json", action="store_true", help="print a JSON array")
    p.set_defaults(func=cmd_duplicates)

    p = sub.add_parser("link", help="record a reviewer's decision on a link between two incidents")
    p.add_argument("ref", help="incident UUID or report number")
    p.add_argument("other", help="the other incident")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--confirm", dest="decision", action="store_const", const=CONFIRMED)
    which.add_argument("--reject", dest="decision", action="store_const", const=REJECTED)
    which.add_argument("--dismiss", dest="decision", action="store_const", const=DISMISSED)
    p.add_argument("--kind", choices=LINK_KINDS, default=AGENT_LINK,
                   help="agent: same agent or vehicle (default); event: the same event reported twice")
    p.add_argument("--note", default="")
    p.set_defaults(func=cmd_link)


def _when(value: datetime | None) -> str | None:
    return value.astimezone(CHICAGO).isoformat() if value else None


def match_dict(m: Match) -> dict:
    o = m.other
    return {
        "id": o.id, "report_number": o.report_number, "district": o.district, "occurred_at": _when(o.occurred_at),
        "status": o.status, "kind": m.kind, "score": m.score, "strength": m.strength, "decision": m.decision,
        "shared": [{"kind": s.kind, "value": s.value, "state": s.state, "here": s.here, "there": s.there}
                   for s in m.shared],
        "distance_m": round(m.distance_m, 1) if m.distance_m is not None else None,
        "minutes_apart": round(m.minutes_apart, 1) if m.minutes_apart is not None else None,
    }


def _line(m: Match) -> str:
    when = m.other.occurred_at.astimezone(CHICAGO).strftime("%Y-%m-%d %H:%M") if m.other.occurred_at else "-"
    state = m.decision or "suggested"
    return (f"{m.other.report_number or m.other.id:<20} D{m.other.district or '-':<3} {when}  {m.score:4.2f} {m.strength:<6}"
            f" {m.kind:<5} {state:<9}  {'; '.join(m.reasons())}")


def cmd_links(args, ctx: CliContext) -> int:
    matches = links_for(ctx.store, args.ref)
    if args.json:
        json.dump([match_dict(m) for m in matches], ctx.out, ensure_ascii=False, indent=2)
        ctx.out.write("\n")
        return 0
    for m in matches:
        print(_line(m), file=ctx.out)
    print(f"{len(matches)} linked or possibly linked incident(s)", file=ctx.err)
    return 0


def _since(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        day = datetime.strptime(value, "%Y-%m-%d")
    except ValueError as exc:
        raise UsageError(f"--since: expected a date as YYYY-MM-DD, got {value!r}") from exc
    return day.replace(tzinfo=CHICAGO)


def cmd_duplicates(args, ctx: CliContext) -> int:
    if (args.distance is not None and args.distance <= 0) or (args.window is not None and args.window <= 0):
        raise UsageError("--distance and --window must be greater than 0")
    rules = duplicate_rules(ctx.store)
    if args.distance is not None:
        rules = replace(rules, distance_m=args.distance)
    if args.window is not None:
        rules = replace(rules, window=timedelta(minutes=args.window))
    if args.save_rules:
        save_duplicate_rules(ctx.store, rules)
        print(f"station rule saved: {rules.distance_m:.0f} m, {rules.window.total_seconds() / 60:.0f} min", file=ctx.err)
    pairs = duplicate_pairs(ctx.store, since=_since(args.since), rules=rules)
    if args.json:
        out = [{"a": {"id": p.a.id, "report_number": p.a.report_number, "district": p.a.district,
                      "occurred_at": _when(p.a.occurred_at)},
                "b": match_dict(p.match)} for p in pairs]
        json.dump(out, ctx.out, ensure_ascii=False, indent=2)
        ctx.out.write("\n")
        return 0
    for p in pairs:
        print(f"{p.a.report_number or p.a.id:<20} ~ {_line(p.match)}", file=ctx.out)
    print(f"{len(pairs)} possible duplicate pair(s)", file=ctx.err)
    return 0


def cmd_link(args, ctx: CliContext) -> int:
    try:
        d = decide(ctx.store, args.ref, args.other, args.kind, args.decision, ctx.actor(), args.note)
    except (LinkError, PermissionError) as exc:
        raise UsageError(str(exc)) from exc
    print(f"{args.kind} link between {args.ref} and {args.other}: {d.decision} by {d.actor_name} ({d.actor_star})",
          file=ctx.out)
    return 0
