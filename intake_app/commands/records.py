"""Records on the command line: import, export, list, show, demo.

The reporting party (review and station security): `show` masks its name, phone and address exactly as the app does, unless the
reader signs in (`--as STAR` or INTAKE_USER, passphrase prompt or INTAKE_USER_PASSPHRASE) as someone the core's
rule (`security/privacy.py`) lets see it. `export` is a complete, lossless copy, so it is refused unless the
signed-in user may see the reporting party of every record it carries; each such record's export is in the
audit trail. A station without users has nobody who can sign in: there, show masks and export refuses
records that carry a reporting party.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from ..domain import bounded_json
from ..domain.actor import Actor
from ..domain.demo import demo_incidents
from ..domain.enums import Status, label
from ..domain.interchange import dumps, loads_file, to_dict
from ..domain.records import Incident
from ..domain.summary import summary_lines
from ..security.audit import record_action, record_action_in
from ..security.privacy import carries_reporting_party, for_viewer, hidden_from, masked
from ..security.users import has_users
from ..storage.chunks import chunked
from ..storage.queries import IncidentFilter, IncidentSummary
from ..sync.sealing_step import SHOWN_ACTION, reveal
from .context import CliContext, UsageError

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

CHICAGO = ZoneInfo("America/Chicago")
WHO_SEES = "only the supervisor who entered the record and reviewers see them"
SIGN_IN_HELP = ("sign in as this star (default: INTAKE_USER); the passphrase is asked for, or read from "
                "INTAKE_USER_PASSPHRASE")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("import", help="import incidents from an intake.incident/2 JSON file, or /1 (upgraded; one or a list; all or nothing)")
    p.add_argument("file", type=Path)
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("export", help="export incidents as intake.incident/2 JSON")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("ref", nargs="?", help="incident UUID or report number")
    which.add_argument("--all", action="store_true", help="every incident")
    p.add_argument("--out", type=Path, required=True, help="output file (- for standard output)")
    p.add_argument("--as", dest="as_star", metavar="STAR",
                   help=f"{SIGN_IN_HELP}. Needed when a record carries a reporting party's name, phone or address: "
                        "the export is a complete copy, for a reviewer or the supervisor who entered the records")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("list", help="list incidents")
    p.add_argument("--search", default="", help="full-text search: report number, narrative, address, agent names, badges, plates")
    p.add_argument("--status", choices=[s.value for s in Status])
    p.add_argument("--district", type=int)
    p.add_argument("--limit", type=int, default=200)
    p.add_argument("--json", action="store_true", help="print a JSON array")
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("show", help="show one incident (UUID or report number); the reporting party is masked "
                                    "unless you sign in with --as")
    p.add_argument("ref")
    p.add_argument("--json", action="store_true", help="print the full record as JSON")
    p.add_argument("--as", dest="as_star", metavar="STAR",
                   help=f"{SIGN_IN_HELP}. The reporting party's name, phone and address are shown to the "
                        "supervisor who entered the record and to reviewers; masked for everyone else")
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("demo", help="fill the store with synthetic incidents, clearly marked as demo data")
    p.add_argument("--incidents", type=int, default=50)
    p.add_argument("--seed", type=int, default=2026)
    p.set_defaults(func=cmd_demo)


def cmd_import(args, ctx: CliContext) -> int:
    try:
        with args.file.open("rb") as handle:  # never more than the bound read into memory
            data = handle.read(bounded_json.MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise UsageError(f"Cannot read {args.file}: {exc.strerror}") from exc
    incidents = loads_file(data)  # ValidationError -> exit 2, with field paths (or the byte offset)
    stored = ctx.store.import_incidents(incidents, ctx.actor())
    for inc in stored:
        print(f"imported {inc.report_number or '(no report number yet)'}  {inc.id}", file=ctx.out)
    return 0


def cmd_export(args, ctx: CliContext) -> int:
    viewer = ctx.viewer(args.as_star)  # first: a wrong passphrase gets nothing, not even "no such incident"
    if viewer is None and has_users(ctx.store):
        # A station with users: no record leaves without a signed-in user, whatever it carries.
        raise UsageError("export: this station has users: sign in with --as STAR (or INTAKE_USER); the "
                         "passphrase is asked for, or read from INTAKE_USER_PASSPHRASE. Nothing was written.")
    incidents = ctx.store.all() if args.all else [ctx.store.get(args.ref)]
    carrying = [inc for inc in incidents if carries_reporting_party(inc)]
    if carrying:
        _may_export(ctx, viewer, carrying, len(incidents))
    text = dumps(incidents if args.all else incidents[0]) + "\n"
    if str(args.out) == "-":
        # Committed before the first byte goes out: whoever reads the pipe may have the data even if it breaks.
        with ctx.store.transaction() as session:
            _audit_export_in(session, viewer, carrying, "standard output")
        ctx.out.write(text)
        return 0
    # The entries and the file go together: a file that cannot be written (whole) is removed and its entries
    # roll back with the exception.
    with ctx.store.transaction() as session:
        _audit_export_in(session, viewer, carrying, args.out.name)
        _write_whole(args.out, text)
    print(f"exported {len(incidents)} incident(s) to {args.out}", file=ctx.err)
    return 0


def _write_whole(path: Path, text: str) -> None:
    """The whole text, or no file: one cut short (a full disk) is removed. A file that could not even be
    opened is left as it was: it may be someone's earlier export."""
    try:
        handle = path.open("w", encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"--out: cannot write {path}: {exc.strerror}; nothing was exported") from exc
    try:
        with handle:
            handle.write(text)
    except OSError as exc:
        if path.is_file():  # never a device or pipe given as --out
            path.unlink()
        raise UsageError(f"--out: could not write all of {path} ({exc.strerror}); it was removed and nothing "
                         "was exported") from exc


def _audit_export_in(session: Session, viewer: Actor | None, carrying: list[Incident], where: str) -> None:
    """One audit entry per record exported with its reporting party: who, which incident, where to."""
    if not carrying:
        return
    if viewer is None:  # _may_export refused already: nobody signed in may carry a party out
        raise AssertionError("a reporting party exported without a signed-in user")
    for inc in carrying:
        record_action_in(session, inc.id, "export", viewer, f"with the reporting party, to {where}")


def _may_export(ctx: CliContext, viewer: Actor | None, carrying: list[Incident], total: int) -> None:
    """Refuses (exit 2, nothing written) unless the signed-in user may see every reporting party exported."""
    which = ("this incident carries" if total == 1 else f"{len(carrying)} of these {total} incidents carry") + \
        " a reporting party's name, phone or address, and an export is a complete copy"
    if viewer is None:
        if not has_users(ctx.store):
            raise UsageError(f"export: {which}; {WHO_SEES}, and this station has no users yet, so nobody can sign "
                             "in. Its administrator creates them first: intake users add --star N --name NAME "
                             "--role ROLE. Nothing was written.")
        raise UsageError(f"export: {which}; {WHO_SEES}. Sign in: intake export ... --as STAR. Nothing was written.")
    refused = hidden_from(viewer, carrying)
    if refused:
        numbers = ", ".join(inc.report_number or inc.id for inc in refused[:10]) + (", ..." if len(refused) > 10 else "")
        raise UsageError(f"--as: star {viewer.star} ({viewer.role}) may not see the reporting party of "
                         f"{len(refused)} incident(s) ({numbers}): {WHO_SEES}. Nothing was written.")


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
    viewer = ctx.viewer(args.as_star)  # first: a wrong passphrase gets nothing, not even "no such incident"
    inc = ctx.store.get(args.ref)
    # Pulled with the identity sealed: shown only to a signed-in user whose key opens it (audited).
    inc, how = reveal(ctx.store, viewer, inc)
    # The same rule and the same mask as the app's incident view; nobody signed in = nobody with a role.
    if how == "opened":
        shown, note = inc, ""
    elif how == "sealed":
        shown, note = inc, ("The reporting party is sealed: only a reader whose key it was sealed to "
                            "(the station's reviewers, headquarters privacy officers) can open it.")
    else:
        shown = for_viewer(viewer, inc) if viewer is not None else masked(inc)
        note = _masked_note(ctx, viewer, args.ref) if shown is not inc and carries_reporting_party(inc) else ""
        if shown is inc and viewer is not None and carries_reporting_party(inc):
            record_action(ctx.store, inc.id, SHOWN_ACTION, viewer, "view on the command line")  # an unmasking
    if args.json:
        json.dump(to_dict(shown), ctx.out, ensure_ascii=False, indent=2)
        ctx.out.write("\n")
        if note:  # standard output stays the record alone, for scripts
            print(note, file=ctx.err)
        return 0
    for line in summary_lines(shown, catalogue=ctx.store.catalogue, reporting_party_note=note):
        print(line, file=ctx.out)
    return 0


def _masked_note(ctx: CliContext, viewer: Actor | None, ref: str) -> str:
    said = f"The reporting party's name, phone and address are masked ({WHO_SEES})."
    if viewer is not None:
        return f"{said} You are signed in as star {viewer.star} ({viewer.role})."
    if not has_users(ctx.store):
        return (f"{said} This station has no users yet, so nobody can sign in; its administrator creates them "
                "first: intake users add --star N --name NAME --role ROLE")
    return f"{said} To see them, sign in: intake show {ref} --as STAR"


def cmd_demo(args, ctx: CliContext) -> int:
    if args.incidents < 1:
        raise UsageError("--incidents must be at least 1")
    incidents = demo_incidents(args.incidents, seed=args.seed)
    store = ctx.store
    for batch in chunked(incidents, 2000):  # one transaction per batch keeps memory flat for large demos
        store.import_incidents(batch, ctx.actor())
    print(f"added {len(incidents)} demo incidents (marked DEMO) to {ctx.data_dir}", file=ctx.out)
    return 0
