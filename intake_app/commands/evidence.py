"""Evidence integrity on the command line: verify the audit trail, hash files, re-check footage."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..security.audit_verify import verify
from ..security.hashing import hash_file
from .context import CliContext, UsageError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("verify", help="check the audit chain, every signature, and every record against its audited state")
    p.set_defaults(func=cmd_verify)

    p = sub.add_parser("hash", help="print 'sha256  size  path' for each file")
    p.add_argument("files", nargs="+", type=Path)
    p.set_defaults(func=cmd_hash)

    p = sub.add_parser("verify-footage", help="re-hash an incident's footage files: match, mismatch or missing")
    p.add_argument("ref", help="incident UUID or report number")
    p.set_defaults(func=cmd_verify_footage)


def cmd_verify(args: argparse.Namespace, ctx: CliContext) -> int:
    from ..security.anchoring import check_anchors

    report = verify(ctx.store)
    anchors = check_anchors(ctx.store)  # RFC 3161 tokens: up to which entry an outside authority vouches
    if report.ok and anchors.ok:
        print(f"OK: {report.entries} audit entries chained and signed; {report.incidents} incidents match their audited state.",
              file=ctx.out)
        checked = f" ({anchors.tokens:,} time-stamp tokens checked)" if anchors.tokens else ""
        print(f"Time-stamps: {anchors.summary()}{checked}.", file=ctx.out)
        for note in anchors.notes:
            print(f"  note: {note}", file=ctx.out)
        return 0
    problems = report.problems + anchors.problems
    print(f"FAILED: {problems[0]}", file=ctx.err)
    for problem in problems[1:]:
        print(f"  also: {problem}", file=ctx.err)
    print(f"Time-stamps: {anchors.summary()}.", file=ctx.err)
    return 1


def cmd_hash(args: argparse.Namespace, ctx: CliContext) -> int:
    for path in args.files:
        if not path.is_file():
            raise UsageError(f"{path}: no such file")
    # One at a time keeps the output in the order given; each file is still streamed in large blocks.
    for path in args.files:
        result = hash_file(path)
        print(f"{result.sha256}  {result.size}  {path}", file=ctx.out)
    return 0


def cmd_verify_footage(args: argparse.Namespace, ctx: CliContext) -> int:
    incident = ctx.store.get(args.ref)
    bad = 0
    checked = 0
    for i, item in enumerate(incident.footage):
        if not item.file_path:
            continue
        checked += 1
        where = f"footage[{i}] {item.file_path}"
        path = Path(item.file_path)
        if not path.is_file():
            print(f"MISSING   {where}", file=ctx.out)
            bad += 1
            continue
        actual = hash_file(path).sha256
        if item.sha256 and actual == item.sha256:
            print(f"MATCH     {where}", file=ctx.out)
        else:
            print(f"MISMATCH  {where}: recorded {item.sha256 or '(none)'}, now {actual}", file=ctx.out)
            bad += 1
    if not checked:
        print(f"Incident {incident.report_number or incident.id} references no local footage files.", file=ctx.out)
    return 1 if bad else 0
