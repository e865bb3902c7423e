"""The station's signing certificate and time-stamping authority on the command line.

    intake signing show
    intake signing import-certificate FILE.p12     (the city CA's certificate for this station; passphrase prompted
                                                     or INTAKE_P12_PASSPHRASE)
    intake signing tsa URL --certificate TSA-CA.pem (or --off)
    intake timestamp                                (anchor the audit chain's head now, from this station)

Changing them is an administrator's (once users exist), and an audit entry.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from ..security.audit import record_action
from ..security.station_certificate import CertificateProblem, import_city_certificate, station_credential
from ..security.users import ADMINISTRATOR, find_user, has_users
from .context import CliContext, UsageError, ask_secret

P12_PASSPHRASE_ENV = "INTAKE_P12_PASSPHRASE"


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("signing", help="the station's packet-signing certificate and time-stamping authority")
    what = p.add_subparsers(dest="signing_command", metavar="ACTION", required=True)
    q = what.add_parser("show", help="the certificate that signs packets (fingerprint) and the configured TSA")
    q.set_defaults(func=cmd_show)
    q = what.add_parser("import-certificate", help="sign packets with a PKCS#12 file from the city's CA")
    q.add_argument("file", type=Path)
    q.add_argument("--as", dest="as_star", help="administrator's star (default INTAKE_USER)")
    q.set_defaults(func=cmd_import)
    q = what.add_parser("tsa", help="set the RFC 3161 time-stamping authority (URL and its certificate)")
    q.add_argument("url", nargs="?", default="")
    q.add_argument("--certificate", type=Path, help="PEM file: the TSA's CA certificate (or its own)")
    q.add_argument("--crl", type=Path, help="PEM or DER file: the CA's certificate revocation list(s), "
                                            "signed by a --certificate (kept with the station, never fetched)")
    q.add_argument("--off", action="store_true", help="use no TSA")
    q.add_argument("--as", dest="as_star", help="administrator's star (default INTAKE_USER)")
    q.set_defaults(func=cmd_tsa)

    p = sub.add_parser("timestamp", help="anchor the audit chain's head now with the station's TSA")
    p.set_defaults(func=cmd_timestamp)


def _administrator(ctx: CliContext, star: str | None):
    actor = ctx.actor(star)
    if has_users(ctx.store):
        user = find_user(ctx.store, actor.star)
        if user is None or user.role != ADMINISTRATOR:
            raise UsageError("Only an administrator can change the station's signing certificate or TSA "
                             "(sign in with --as STAR).")
    return actor


def cmd_show(args, ctx: CliContext) -> int:
    from ..security import timestamps

    credential = station_credential(ctx.store)
    cert = credential.certificate
    print(f"Packets are signed by: {credential.subject} ({credential.source})", file=ctx.out)
    print(f"  SHA-256 fingerprint: {credential.fingerprint}", file=ctx.out)
    print(f"  valid {cert.not_valid_before_utc:%Y-%m-%d} to {cert.not_valid_after_utc:%Y-%m-%d}", file=ctx.out)
    tsa = timestamps.config(ctx.store)
    if tsa.url:
        print(f"Time-stamping authority: {tsa.url} ({len(tsa.certificates)} trusted certificate(s))", file=ctx.out)
        for crl in tsa.crls:
            due = f", next due {crl.next_update_utc:%Y-%m-%d}" if crl.next_update_utc else ""
            print(f"  CRL of {crl.issuer.rfc4514_string()}: {len(crl)} revoked, issued {crl.last_update_utc:%Y-%m-%d}"
                  f"{due}", file=ctx.out)
    else:
        print("Time-stamping authority: none configured", file=ctx.out)
    return 0


def cmd_import(args, ctx: CliContext) -> int:
    if not args.file.is_file():
        raise UsageError(f"{args.file}: no such file")
    actor = _administrator(ctx, args.as_star)
    passphrase = os.environ.get(P12_PASSPHRASE_ENV)
    if passphrase is None:
        passphrase = ask_secret(f"Passphrase of {args.file.name}: ", P12_PASSPHRASE_ENV)
    try:
        credential = import_city_certificate(ctx.store, args.file.read_bytes(), passphrase.encode() or None)
    except CertificateProblem as exc:
        raise UsageError(f"{args.file}: {exc}") from exc
    record_action(ctx.store, None, "signing certificate", actor, f"city CA certificate {credential.fingerprint}")
    print(f"Packets are now signed by {credential.subject} (city CA), fingerprint {credential.fingerprint}", file=ctx.out)
    return 0


def cmd_tsa(args, ctx: CliContext) -> int:
    from ..security import timestamps

    if not args.off and not args.url:
        raise UsageError("give the TSA's URL (or --off)")
    for option, path in (("--certificate", args.certificate), ("--crl", args.crl)):
        if path is not None and not path.is_file():
            raise UsageError(f"{option}: {path}: no such file")
    if args.crl is not None and args.certificate is None:
        raise UsageError("--crl: give the CA certificate that signed it with --certificate too")
    actor = _administrator(ctx, args.as_star)
    pem = args.certificate.read_bytes() if args.certificate else b""
    if args.crl is not None and args.crl.stat().st_size > timestamps.MAX_CRL_BYTES:
        raise UsageError(f"--crl: {args.crl}: larger than {timestamps.MAX_CRL_BYTES // (1024 * 1024)} MiB")
    crls = args.crl.read_bytes() if args.crl else b""
    try:
        config = timestamps.configure(ctx.store, "" if args.off else args.url, pem, crls)
    except ValueError as exc:
        option = "--crl" if "CRL" in str(exc) else "--certificate" if "certificate" in str(exc) else "url"
        raise UsageError(f"{option}: {exc}") from exc
    record_action(ctx.store, None, "time-stamping authority", actor,
                  (config.url or "none") + (f", {len(config.crls)} CRL(s)" if config.crls else ""))
    print(f"Time-stamping authority: {config.url or 'none'}" +
          (f" ({len(config.certificates)} trusted certificate(s), {len(config.crls)} CRL(s))" if config.url else ""),
          file=ctx.out)
    if config.url and not config.certificates:
        print("  note: without its certificate, `intake verify` cannot say whom a token is from", file=ctx.out)
    return 0


def cmd_timestamp(args, ctx: CliContext) -> int:
    from ..security import anchoring

    try:
        token = anchoring.anchor_now(ctx.store)
    except anchoring.TimestampError as exc:
        print(f"intake: {exc}", file=ctx.err)
        return 1
    if token is None:
        raise UsageError("no time-stamping authority is configured (intake signing tsa URL --certificate FILE)")
    print(f"Time-stamps: {anchoring.check_anchors(ctx.store).summary()}", file=ctx.out)
    return 0
