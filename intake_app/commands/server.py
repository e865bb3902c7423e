"""`intake server`: run the sync server, and administer it (enrollment codes, devices)."""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

from sqlalchemy import text

from ..domain.geography import DISTRICTS
from .context import CliContext, UsageError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("server", help="run the sync server (PostgreSQL; a local SQLite file when no URL is given)")
    p.add_argument("--database-url", default=None,
                   help="postgresql+psycopg://user@host/db (or INTAKE_SERVER_DATABASE_URL); empty = SQLite file")
    p.add_argument("--host", default="127.0.0.1", help="listen address (put a TLS-terminating proxy in front)")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--workers", type=int, default=1,
                   help="server processes sharing the port and the database (default 1; e.g. 2 per CPU core)")
    p.set_defaults(func=cmd_serve)
    actions = p.add_subparsers(dest="server_command", metavar="ACTION")

    e = actions.add_parser("create-enrollment", help="print a one-time code that enrolls one device")
    who = e.add_mutually_exclusive_group(required=True)
    who.add_argument("--district", type=int, help="the station's district")
    who.add_argument("--headquarters", action="store_true", help="a headquarters device: sees every district")
    e.set_defaults(func=cmd_create_enrollment)

    r = actions.add_parser("revoke-device", help="refuse a device's token from now on")
    r.add_argument("device_id", type=int)
    r.set_defaults(func=cmd_revoke)

    d = actions.add_parser("devices", help="list enrolled devices")
    d.set_defaults(func=cmd_devices)

    m = actions.add_parser("migrate", help="create or upgrade the server's schema, then exit")
    m.set_defaults(func=cmd_migrate)

    a = actions.add_parser("restored", aliases=["after-restore"],
                           help="after restoring a backup: move the feed's numbers past any a device may already "
                           "hold and set a new restore epoch, so devices send again what the backup lacks (run "
                           "once, before the server takes devices again)")
    a.set_defaults(func=cmd_after_restore)
    pr = actions.add_parser("party-reads", help="who read which reporting party, when (never the party itself)")
    pr.add_argument("--incident", help="only this incident (its UUID)")
    pr.set_defaults(func=cmd_party_reads)

    u = actions.add_parser("unknown-statutes", help="list stored records citing a statute the server's catalogue "
                                                    "(INTAKE_SERVER_STATUTES_FILE) does not know")
    u.set_defaults(func=cmd_unknown_statutes)

    n = actions.add_parser("unmatched-numbers", help="list stored records whose RD or OEMC number the server's "
                                                     "patterns (INTAKE_SERVER_RD_NUMBER_PATTERN, "
                                                     "INTAKE_SERVER_OEMC_EVENT_NUMBER_PATTERN) refuse")
    n.set_defaults(func=cmd_unmatched_numbers)

    for action in (e, r, d, m, a, pr, u, n):  # also accepted after the action's name
        action.add_argument("--database-url", default=argparse.SUPPRESS, help=argparse.SUPPRESS)


def _settings(args):
    from ..server.settings import ServerSettings

    return ServerSettings(database_url=args.database_url) if args.database_url is not None else ServerSettings()


def _sessions(args):
    from ..server.db import make_engine, session_factory
    from ..server.migrate import upgrade

    engine = make_engine(_settings(args))
    upgrade(engine)
    return engine, session_factory(engine)


def cmd_serve(args, ctx: CliContext) -> int:
    import uvicorn

    if not 1 <= args.workers <= 64:
        raise UsageError(f"--workers: {args.workers} is not between 1 and 64")
    _start_journal(args)
    engine, _ = _sessions(args)
    engine.dispose()
    # Every process builds its app from the environment (uvicorn starts them by name: intake_app.server.app).
    if args.database_url is not None:
        os.environ["INTAKE_SERVER_DATABASE_URL"] = args.database_url
    if args.workers > 1:
        _multiprocess_metrics_folder(os.environ)
    uvicorn.run("intake_app.server.app:create_app", factory=True, host=args.host, port=args.port,
                workers=args.workers, log_config=LOG_CONFIG, access_log=False)  # ours: server/metrics.py
    return 0


# uvicorn's own messages as usual; the structured access log (JSON, one request a line) on standard output.
LOG_CONFIG = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"default": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
                   "json": {"format": "%(message)s"}},
    "handlers": {"default": {"class": "logging.StreamHandler", "formatter": "default", "stream": "ext://sys.stderr"},
                 "access": {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stdout"}},
    "loggers": {"uvicorn": {"handlers": ["default"], "level": "INFO", "propagate": False},
                "intake": {"handlers": ["default"], "level": "INFO", "propagate": False},
                "intake.access": {"handlers": ["access"], "level": "INFO", "propagate": False}},
}


MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"  # as server/metrics.py reads it (not imported here: see below)


def _multiprocess_metrics_folder(env) -> None:
    """prometheus-client's multi-process mode: each process writes its counts into one folder, emptied at
    start (counts of an earlier run must not be added in). PROMETHEUS_MULTIPROC_DIR, or a fresh folder. Set
    before any process imports prometheus-client, which picks its mode when it is first imported."""
    folder = env.get(MULTIPROC_ENV)
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        for old in Path(folder).glob("*.db"):
            old.unlink()
    else:
        env[MULTIPROC_ENV] = tempfile.mkdtemp(prefix="intake-metrics-")


def _start_journal(args) -> None:
    from ..server import revocations

    journal = _settings(args).revocation_journal
    if journal is not None:
        try:
            revocations.start(journal)
        except OSError as exc:
            raise UsageError(f"INTAKE_SERVER_REVOCATION_JOURNAL: cannot write {journal} ({exc.strerror})") from None


def cmd_migrate(args, ctx: CliContext) -> int:
    _start_journal(args)
    engine, _ = _sessions(args)
    engine.dispose()
    print("server schema is up to date", file=ctx.out)
    return 0


RESTORE_GAP = 1_000_000_000  # more changes than a city makes between a backup and its restore


def cmd_after_restore(args, ctx: CliContext) -> int:
    """`intake server restored` (alias after-restore). Devices that pulled after the backup was taken hold
    cursors beyond what the restored database holds: new changes numbered from the backup's last number on
    would sit below their cursors and never reach them. So the feed's numbers (incidents and link decisions)
    jump a billion past the highest restored one. And the restore is noted: each device's next audit head is
    checked across it (crud.record_audit_head). And a new restore epoch is set: each device then sends again
    the versions it holds that this database lacks (server/resends.py, sync/resend.py). Before that, what the
    administrator did after the backup: the revocation journal's devices are revoked again, and codes the backup
    shows unused are spent."""
    from ..server import epoch, revocations
    from ..server.crud import spend_unused_enrollments
    from ..server.db import now
    from ..server.tables import ServerRestore

    journal = _settings(args).revocation_journal
    revoked = _journalled_revocations(journal)  # read before anything is changed: a bad journal changes nothing
    engine, sessions = _sessions(args)
    if engine.dialect.name != "postgresql":
        engine.dispose()
        raise UsageError("--database-url: restored (after-restore) is for the PostgreSQL server database")
    with sessions.begin() as session:
        if revoked is None:
            print("no revocation journal (INTAKE_SERVER_REVOCATION_JOURNAL): revoke again each device revoked "
                  "after the backup", file=ctx.err)
        else:
            again = revocations.replay(session, revoked)
            print(f"revocations: {again} device(s) revoked again from {journal} ({len(revoked)} journalled)",
                  file=ctx.out)
        spent = spend_unused_enrollments(session)
        print(f"enrollment codes: {spent} unused code(s) spent (any may have enrolled a device since the "
              "backup): issue new ones", file=ctx.out)
        first_new = {}
        for table in ("changes", "link_decisions"):
            moved = session.execute(text(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'seq'), "
                f"greatest((SELECT coalesce(max(seq), 0) FROM {table}), "
                f"(SELECT last_value FROM {table}_seq_seq)) + :gap)"), {"gap": RESTORE_GAP}).scalar_one()
            print(f"{table}: new numbers start after {moved}", file=ctx.out)
            first_new[table] = moved + 1
        session.add(ServerRestore(at=now()))  # devices' next audit heads: across the restore (crud.record_audit_head)
        # Devices that see the new epoch send again the versions the backup lacks (server/resends.py): what is
        # numbered below since_seq came back with the backup, so of the one line of versions the server had.
        renewed = epoch.renew(session, since_seq=first_new["changes"])
        print(f"restore epoch: {renewed.epoch} (devices send again what this database lacks at their next sync)",
              file=ctx.out)
    engine.dispose()
    return 0


def _journalled_revocations(journal: Path | None):
    from ..domain.problems import ValidationError
    from ..server import revocations

    if journal is None:
        return None
    try:
        return revocations.read(journal)
    except FileNotFoundError:
        raise UsageError(f"INTAKE_SERVER_REVOCATION_JOURNAL: {journal} does not exist: restore it from the "
                         "backups first (if none was ever kept, create it empty); nothing was changed") from None
    except OSError as exc:
        raise UsageError(f"INTAKE_SERVER_REVOCATION_JOURNAL: cannot read {journal} ({exc.strerror}); "
                         "nothing was changed") from None
    except ValidationError as exc:
        raise UsageError(f"INTAKE_SERVER_REVOCATION_JOURNAL: {exc}\nnothing was changed") from None


def cmd_create_enrollment(args, ctx: CliContext) -> int:
    from ..server import crud

    if args.district is not None and args.district not in DISTRICTS:
        raise UsageError(f"--district: {args.district} is not a CPD district")
    engine, sessions = _sessions(args)
    with sessions.begin() as session:
        code = crud.create_enrollment(session, district=args.district, headquarters=args.headquarters)
    engine.dispose()
    scope = "headquarters (all districts)" if args.headquarters else f"district {args.district}"
    print(code, file=ctx.out)
    print(f"One-time enrollment code for {scope}, valid 7 days. On the device: intake enroll URL --code CODE",
          file=ctx.err)
    return 0


def cmd_revoke(args, ctx: CliContext) -> int:
    from ..server import revocations

    journal = _settings(args).revocation_journal
    engine, sessions = _sessions(args)
    try:
        with sessions.begin() as session:
            found = revocations.revoke(session, device_id=args.device_id, journal=journal)
    except OSError as exc:
        raise UsageError(f"INTAKE_SERVER_REVOCATION_JOURNAL: cannot write {journal} ({exc.strerror}); "
                         "the device was not revoked") from None
    finally:
        engine.dispose()
    if found is None:
        raise UsageError(f"device_id: no device {args.device_id}")
    print(f"device {args.device_id} revoked" + (f" (journalled in {journal})" if journal else ""), file=ctx.out)
    return 0


def cmd_devices(args, ctx: CliContext) -> int:
    from ..server import crud

    engine, sessions = _sessions(args)
    with sessions.begin() as session:
        for d in crud.list_devices(session):
            scope = "HQ" if d.headquarters else f"district {d.district}"
            state = "revoked" if d.revoked_at else "active"
            flag = "  AUDIT CHAIN NOT EXTENDED" if d.audit_flagged else ""
            print(f"{d.id}\t{scope}\t{state}\t{d.name}{flag}", file=ctx.out)
    engine.dispose()
    return 0


def cmd_party_reads(args, ctx: CliContext) -> int:
    from ..server import party_reads

    engine, sessions = _sessions(args)
    with sessions.begin() as session:
        for r in party_reads.listing(session, incident_id=args.incident):
            print(f"{r.at.isoformat(timespec='seconds')}\t{r.incident_id}\tstar {r.actor_star} ({r.actor_name})"
                  f"\t{r.purpose}\tdevice {r.device_id}", file=ctx.out)
    engine.dispose()
    return 0


def _list_flagged(args, ctx: CliContext, read, line, summary: str) -> int:
    """A list of stored record versions the server flagged (kept, never lost): one line each, then a count."""
    engine, sessions = _sessions(args)
    with sessions.begin() as session:
        rows = read(session)
        for row in rows:
            print(f"{row.at.isoformat(timespec='seconds')}  district {row.district}  incident {row.incident_id} "
                  f"version {row.version}  {line(row)}", file=ctx.out)
    engine.dispose()
    print(f"{len(rows)} stored record version(s) {summary}", file=ctx.err)
    return 0


def cmd_unknown_statutes(args, ctx: CliContext) -> int:
    from ..server import crud

    return _list_flagged(args, ctx, crud.unknown_statutes, lambda row: f"cites {row.citation!r}",
                         "cite a statute the server's catalogue does not know")


def cmd_unmatched_numbers(args, ctx: CliContext) -> int:
    from ..server import crud

    return _list_flagged(args, ctx, crud.unmatched_numbers,
                         lambda row: f"{row.field} {row.value!r} does not match {row.pattern!r}",
                         "have a number the server's patterns refuse")
