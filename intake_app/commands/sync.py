"""`intake enroll` and `intake sync`: this computer and the sync server."""

from __future__ import annotations

import argparse

from ..storage.errors import NotFound
from ..storage.secrets import NoSecureKeyring
from ..sync import device, state
from ..sync.client import InsecureURL, SyncError
from ..sync.renumbering import numbers_taken, renumber
from ..sync.resend import restore_sentence
from .context import CliContext, UsageError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("enroll", help="enroll this computer with the sync server (one-time code from an administrator)")
    p.add_argument("url", help="the server, e.g. https://intake.example.org (http:// only to this computer)")
    p.add_argument("--code", required=True, help="the one-time enrollment code")
    p.add_argument("--ca-bundle", help="trust this certificate authority bundle (the city's own CA)")
    p.set_defaults(func=cmd_enroll)

    p = sub.add_parser("sync", help="send pending changes and receive the district's records (exit 0 = all sent)")
    p.add_argument("--status", action="store_true", help="show last sync time, pending changes and last error")
    p.add_argument("--batch", type=int, default=500, help="changes sent per request (1-500)")
    p.set_defaults(func=cmd_sync)

    p = sub.add_parser("renumber", help="give an incident a new report number (the server found its number "
                                        "already used by another incident)")
    p.add_argument("ref", help="incident UUID or report number")
    p.set_defaults(func=cmd_renumber)


def cmd_renumber(args, ctx: CliContext) -> int:
    try:
        before = ctx.store.get(args.ref)
    except NotFound as exc:
        raise UsageError(f"ref: {exc}") from exc
    try:
        saved = renumber(ctx.store, before.id, ctx.actor())
    except PermissionError as exc:
        raise UsageError(str(exc)) from exc
    print(f"{before.report_number or before.id} is now {saved.report_number}; it is sent at the next sync.",
          file=ctx.out)
    return 0


def cmd_enroll(args, ctx: CliContext) -> int:
    try:
        enrolled = device.enroll(ctx.store, args.url, args.code, ca_bundle=args.ca_bundle)
    except InsecureURL as exc:
        raise UsageError(f"url: {exc}") from exc
    except SyncError as exc:
        print(f"intake: enrollment failed: {exc}", file=ctx.err)
        return 1
    except NoSecureKeyring as exc:
        # The device token may only live in a secure keyring: enrolling here would have to write it elsewhere.
        print(f"intake: enrollment needs a secure keyring for the device token. {exc}", file=ctx.err)
        return 1
    print(f"enrolled as device {enrolled.device_id} with {args.url}", file=ctx.out)
    if enrolled.replaced_code:
        print(f"note: {enrolled.message()}", file=ctx.out)
    return 0


def cmd_sync(args, ctx: CliContext) -> int:
    from ..sync.engine import sync_once

    if args.status:
        s = state.status(ctx.store)
        print(f"server:        {s.server_url or '(not enrolled)'}", file=ctx.out)
        print(f"last sync:     {s.last_sync_at or 'never'}", file=ctx.out)
        print(f"pending:       {s.pending} change(s)", file=ctx.out)
        print(f"conflicts:     {s.conflicts} to resolve", file=ctx.out)
        print(f"last error:    {s.last_error or 'none'}", file=ctx.out)
        if s.alarm:
            print(f"ALARM:         {s.alarm}", file=ctx.out)
        if s.quarantined:
            print(f"rejected:      {s.quarantined} record(s) from the server set aside as invalid", file=ctx.out)
        if s.restored_at:
            print(f"restore:       {restore_sentence(s.resent, 0)} (noticed {s.restored_at})", file=ctx.out)
        for number in numbers_taken(ctx.store).values():
            print(f"not sent:      {number} is used by another incident on the server: intake renumber {number}",
                  file=ctx.out)
        return 0
    if not 1 <= args.batch <= 500:
        raise UsageError("--batch: must be between 1 and 500")
    ctx.actor()  # on a station with users, nothing is sent without a sign-in (INTAKE_USER for a script)
    report = sync_once(ctx.store, batch=args.batch)
    print(f"sent {report.pushed}, conflicts {report.conflicts}, received {report.pulled} "
          f"({report.applied} applied), pending {report.pending}", file=ctx.out)
    for note in report.notes:
        print(f"note: {note}", file=ctx.out)
    if report.conflicts:
        print(f"{report.conflicts} conflict(s): both versions are kept; resolve them in the app.", file=ctx.out)
    for alarm in report.alarms:
        print(f"intake: ALARM: {alarm}", file=ctx.err)
    for rejected in report.rejected:
        print(f"intake: rejected: {rejected}", file=ctx.err)
    if report.error:
        print(f"intake: sync did not finish: {report.error} Every pending change is kept and will be sent next time.",
              file=ctx.err)
        return 1
    if report.pending:
        print(f"intake: {report.pending} change(s) still pending.", file=ctx.err)
        return 1
    return 1 if report.alarms or report.rejected else 0
