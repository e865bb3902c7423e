"""`intake publish`: write the public data release (no personal data) to a folder."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from ..reports.release import DEFAULT_THRESHOLD, ReleaseOptions, publish
from ..security.audit import record_action
from .context import CliContext, UsageError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("publish", help="write the public data release (CSV, JSON, tables, dictionary, manifest); "
                                       "no names, phones, badges or exact addresses")
    p.add_argument("--out", type=Path, default=Path("intake-release"),
                   help="folder to write (created if needed; default ./intake-release)")
    p.add_argument("--from", dest="date_from", metavar="DATE", help="first date of occurrence, YYYY-MM-DD (inclusive)")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="last date of occurrence, YYYY-MM-DD (inclusive)")
    p.add_argument("--threshold", type=int, default=DEFAULT_THRESHOLD,
                   help=f"counts below this are shown as '<N' in the tables (default {DEFAULT_THRESHOLD})")
    p.add_argument("--include-demo", action="store_true",
                   help="release demo records too; the release is then marked DEMO in its file names and manifest")
    p.set_defaults(func=cmd_publish)


def _date(option: str, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{option}: {value!r} is not a date; write it as YYYY-MM-DD, e.g. 2026-11-01") from None


def cmd_publish(args, ctx: CliContext) -> int:
    options = ReleaseOptions(date_from=_date("--from", args.date_from), date_to=_date("--to", args.date_to),
                             threshold=args.threshold, include_demo=args.include_demo)
    if options.date_from and options.date_to and options.date_from > options.date_to:
        raise UsageError(f"--from {options.date_from} is after --to {options.date_to}")
    if options.threshold < 1:
        raise UsageError("--threshold: must be 1 or more")
    if args.out.exists() and not args.out.is_dir():
        raise UsageError(f"--out: {args.out} exists and is not a folder")
    actor = ctx.actor()  # on a station with users, nothing is written without a sign-in
    result = publish(ctx.store, args.out, options)
    record_action(ctx.store, None, "publish", actor,
                  f"{result.incidents} incident(s){' (DEMO DATA)' if result.demo else ''} to {result.out_dir.name}")
    marking = " (DEMO DATA)" if result.demo else ""
    print(f"released {result.incidents} incident(s){marking} to {result.out_dir}:", file=ctx.out)
    for name in result.files:
        print(f"  {name}", file=ctx.out)
    if result.demo_left_out:
        print(f"note: {result.demo_left_out} demo incident(s) left out; add --include-demo to build a release "
              f"marked DEMO from them", file=ctx.err)
    return 0
