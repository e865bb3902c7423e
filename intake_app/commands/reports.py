"""Referral packets, receipts, printing and packet checks on the command line."""

from __future__ import annotations

import argparse
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from ..paths import MissingResource
from ..reports.packet import build_packet
from ..reports.packet_source import packet_input
from ..reports.printing import PrintError, print_file
from ..reports.receipt import available_languages, build_receipt, receipt_language
from ..reports.referral import mark_referral_sent
from ..reports.verify import PacketUnreadable, verify_packet
from ..security.audit import record_action_in
from ..sync.sealing_step import party_for_packet
from .context import CliContext, UsageError

EXIT_FAILED = 1


def _when(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        value = datetime.fromisoformat(text)
    except ValueError as exc:
        raise UsageError(f"--generated-at: {text!r} is not an ISO 8601 date and time") from exc
    if value.tzinfo is None:
        raise UsageError("--generated-at needs a time zone offset, e.g. 2026-11-25T08:00:00+00:00")
    return value


def _languages_for_help() -> str:
    try:
        return ", ".join(available_languages())
    except MissingResource:  # said plainly (exit 1) when a receipt is asked for, not while --help is built
        return "none installed"


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("report", help="write the referral packet for the State's Attorney as a PDF")
    p.add_argument("ref", help="incident UUID or report number")
    p.add_argument("--out", type=Path, required=True, help="PDF file to write")
    p.add_argument("--generated-at", help="generation time to print (ISO 8601); the same time gives the same bytes")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("receipt", help="write the one-page receipt for the reporting party as a PDF")
    p.add_argument("ref")
    p.add_argument("--lang", help=f"language ({_languages_for_help()}); default: the reporting party's")
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--generated-at")
    p.set_defaults(func=cmd_receipt)

    p = sub.add_parser("print", help="print the referral packet (or --receipt) through the OS print system")
    p.add_argument("ref")
    p.add_argument("--printer", required=True, help="printer queue name (see 'lpstat -p')")
    p.add_argument("--receipt", action="store_true", help="print the receipt instead of the packet")
    p.add_argument("--lang", help="receipt language")
    p.set_defaults(func=cmd_print)

    p = sub.add_parser("verify-packet", help="check a packet PDF's QR code against the record in the store")
    p.add_argument("file", type=Path)
    p.set_defaults(func=cmd_verify)

    p = sub.add_parser("referral-sent", help="mark the referral as sent to the CCSAO, or add its reference number")
    p.add_argument("ref")
    p.add_argument("--reference", default=None, help="the CCSAO's reference number")
    p.add_argument("--at", help="when it was sent (ISO 8601 with offset); default: now, or unchanged if already set")
    p.set_defaults(func=cmd_referral_sent)


def _out_folder(path: Path) -> None:
    if not path.parent.exists():
        raise UsageError(f"--out: the folder {path.parent} does not exist")


def _write(path: Path, pdf: bytes) -> None:
    _out_folder(path)
    tmp = path.with_name(path.name + ".part")
    tmp.write_bytes(pdf)
    tmp.replace(path)


def _written_and_audited(ctx: CliContext, path: Path, pdf: bytes, incident_id: str, action: str, actor,
                         detail: str) -> None:
    """The file and its audit entry go together: a file that cannot be written rolls its entry back."""
    with ctx.store.transaction() as session:
        record_action_in(session, incident_id, action, actor, detail)
        _write(path, pdf)


def cmd_report(args, ctx: CliContext) -> int:
    # Who is asking comes first: on a station with users nothing is built, written or audited without a sign-in.
    actor = ctx.actor()
    data = packet_input(ctx.store, args.ref, _when(args.generated_at))
    data.opened_party = party_for_packet(ctx.store, actor, data.incident)
    _out_folder(args.out)
    pdf = build_packet(data)
    _written_and_audited(ctx, args.out, pdf, data.incident.id, "packet", actor, f"saved as {args.out.name}")
    print(f"wrote {args.out} ({len(pdf):,} bytes) for {data.incident.report_number} version {data.incident.version}",
          file=ctx.out)
    if data.signing is not None:
        print(f"signed by {data.signing.credential.subject} (SHA-256 {data.signing.credential.fingerprint})",
              file=ctx.out)
    return 0


def cmd_receipt(args, ctx: CliContext) -> int:
    if args.lang and args.lang.lower()[:2] not in available_languages():
        raise UsageError(f"--lang: no receipt text for {args.lang!r} (available: {', '.join(available_languages())})")
    actor = ctx.actor()  # before anything is written (see cmd_report)
    inc = ctx.store.get(args.ref)
    generated = _when(args.generated_at) or datetime.now(UTC).replace(microsecond=0)
    _out_folder(args.out)
    language = receipt_language(inc, args.lang)
    _written_and_audited(ctx, args.out, build_receipt(inc, generated, args.lang), inc.id, "receipt", actor,
                         f"in {language}, saved as {args.out.name}")
    print(f"wrote {args.out} ({language}) for {inc.report_number}", file=ctx.out)
    return 0


def cmd_print(args, ctx: CliContext) -> int:
    actor = ctx.actor()  # before anything is sent (see cmd_report)
    data = packet_input(ctx.store, args.ref)
    inc = data.incident
    if not args.receipt:
        data.opened_party = party_for_packet(ctx.store, actor, inc)
    pdf = build_receipt(inc, data.generated_at, args.lang) if args.receipt else build_packet(data)
    what = "receipt" if args.receipt else "packet"
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"{inc.report_number or inc.id}-{what}.pdf"
        path.write_bytes(pdf)
        try:
            # The entry and the job go together: a job the print system refuses rolls its entry back.
            with ctx.store.transaction() as session:
                job = print_file(path, args.printer, title=f"{inc.report_number} {what}")
                record_action_in(session, inc.id, "print", actor, f"{what} to printer {args.printer}, job {job}")
        except PrintError as exc:
            print(f"intake: {exc}", file=ctx.err)
            return EXIT_FAILED
    print(f"sent the {what} for {inc.report_number} to {args.printer} (job {job})", file=ctx.out)
    return 0


def cmd_verify(args, ctx: CliContext) -> int:
    if not args.file.is_file():
        raise UsageError(f"{args.file}: no such file")
    try:
        result = verify_packet(ctx.store, args.file)
    except PacketUnreadable as exc:
        raise UsageError(str(exc)) from exc
    for line in result.lines:
        print(line, file=ctx.out)
    print("OK: the packet matches the record" if result.ok else "MISMATCH: the packet does not match the record",
          file=ctx.out)
    return 0 if result.ok else EXIT_FAILED


def cmd_referral_sent(args, ctx: CliContext) -> int:
    saved = mark_referral_sent(ctx.store, args.ref, ctx.actor(), sent_at=_when(args.at), reference=args.reference)
    ref = f", CCSAO reference {saved.ccsao_reference}" if saved.ccsao_reference else ", CCSAO reference not yet known"
    sent = saved.referral_sent_at.isoformat() if saved.referral_sent_at else "(no time)"
    print(f"{saved.report_number}: referral sent {sent}{ref}", file=ctx.out)
    return 0
