"""`intake recovery-key create`, `intake recover`, `intake backup`, `intake restore`: no station loses its
records, to a forgotten passphrase, a lost keyring or a broken disk (security/recovery.py, security/backup.py)."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from ..security import recovery
from ..security.backup import BackupError, backup_to, restore_from
from ..security.recovery import create_recovery_key
from ..storage import database_key as dbkey
from ..storage.app_lock import AppLock, StoreInUse
from ..storage.database_key import DatabaseKeyError, database_key
from .context import CliContext, UsageError, ask_secret

NEW_PASSPHRASE_ENV = "INTAKE_NEW_PASSPHRASE"


def register(sub: argparse._SubParsersAction) -> None:
    k = sub.add_parser("recovery-key", help="headquarters: make the recovery key that stations' store keys are wrapped to")
    actions = k.add_subparsers(dest="recovery_command", metavar="ACTION", required=True)
    c = actions.add_parser("create", help="write a new recovery key pair (the private half, or Shamir shares of it)")
    c.add_argument("--out", required=True, help="a new folder for the key files (keep it offline)")
    c.add_argument("--shares", type=int, default=0, help="split the private half into this many SLIP-39 shares")
    c.add_argument("--threshold", type=int, default=0, help="how many shares give the private half back")
    c.set_defaults(func=cmd_create_key)

    r = sub.add_parser("recover", help="open this store with the headquarters recovery key and give it a new key")
    r.add_argument("--key-file", required=True,
                   help="the recovery key's private half (64 hex digits) or enough Shamir shares, one per line")
    r.add_argument("--keyring", action="store_true",
                   help="keep the new key in the OS keyring (default: as before, a passphrase store gets a new "
                   f"passphrase, typed twice or from {NEW_PASSPHRASE_ENV})")
    r.set_defaults(func=cmd_recover)

    b = sub.add_parser("backup", help="write a consistent encrypted copy of the store (also while the app runs)")
    b.add_argument("--out", required=True, help="the backup file to write (must not exist)")
    b.set_defaults(func=cmd_backup)

    s = sub.add_parser("restore", help="check a backup (audit chain, hashes) and only then put it in place of the store")
    s.add_argument("backup", help="a file written by intake backup")
    s.set_defaults(func=cmd_restore)


def cmd_create_key(args, ctx: CliContext) -> int:
    out = Path(args.out)
    if out.exists():
        raise UsageError(f"--out: {out} exists already; give a new folder")
    if bool(args.shares) != bool(args.threshold):
        raise UsageError("--shares and --threshold go together")
    try:
        key = create_recovery_key(shares=args.shares, threshold=args.threshold)
    except ValueError as exc:
        raise UsageError(str(exc)) from exc
    out.mkdir(parents=True)
    (out / "recovery-public.txt").write_text(key.public_hex + "\n", encoding="utf-8")
    if key.shares:
        for i, words in enumerate(key.shares, start=1):
            path = out / f"recovery-share-{i}.txt"
            path.write_text(words + "\n", encoding="utf-8")
            path.chmod(0o600)
    else:
        path = out / "recovery-private.txt"
        path.write_text(key.private_hex + "\n", encoding="utf-8")
        path.chmod(0o600)
    print(f"public half (for the server's INTAKE_SERVER_RECOVERY_PUBLIC_KEY): {key.public_hex}", file=ctx.out)
    held = f"{len(key.shares)} shares, any {args.threshold} of which" if key.shares else "the private half, which"
    print(f"{held} open every station's store: written to {out}; keep them offline, apart.", file=ctx.out)
    return 0


def _new_passphrase() -> str:
    value = os.environ.get(NEW_PASSPHRASE_ENV)
    if value is not None:
        return value
    first = ask_secret("New passphrase for the store: ", NEW_PASSPHRASE_ENV)
    if ask_secret("The same passphrase again: ", NEW_PASSPHRASE_ENV) != first:
        raise UsageError("The two passphrases differ; nothing was changed.")
    return first


def cmd_recover(args, ctx: CliContext) -> int:
    path = Path(args.key_file)
    if not path.is_file() or path.stat().st_size > 16 * 1024:
        raise UsageError(f"--key-file: {path} is not a recovery key file")
    try:
        private = recovery.private_from(path.read_text(encoding="utf-8"))
    except (recovery.RecoveryError, ValueError, UnicodeDecodeError) as exc:
        raise UsageError(f"--key-file: {exc}") from exc
    info = dbkey.read_store_info(ctx.data_dir)
    keyring = args.keyring or (info is not None and info.key_mode == "keyring")
    passphrase = None if keyring else _new_passphrase()
    try:
        new = recovery.recover(ctx.data_dir, private, new_passphrase=passphrase)
    except recovery.RecoveryError as exc:
        raise UsageError(str(exc)) from exc
    how = "a new key in this user's keyring" if new.key_mode == "keyring" else "the new passphrase"
    print(f"recovered: the store in {ctx.data_dir} now opens with {how}. Run `intake verify` to check it.",
          file=ctx.out)
    return 0


def cmd_backup(args, ctx: CliContext) -> int:
    try:
        size = backup_to(ctx.store, Path(args.out))
    except BackupError as exc:
        raise UsageError(f"--out: {exc}") from exc
    print(f"backup written: {args.out} ({size} bytes, encrypted with this store's key)", file=ctx.out)
    return 0


def cmd_restore(args, ctx: CliContext) -> int:
    try:
        hold = AppLock.exclusive(ctx.data_dir)  # first: nothing is read or written while the app runs
    except StoreInUse as exc:
        raise UsageError(f"restore refused: {exc}") from exc
    with hold:
        try:
            key, _info = database_key(ctx.data_dir, ctx.passphrase())
        except DatabaseKeyError as exc:
            raise UsageError(str(exc)) from exc
        try:
            check, kept = restore_from(Path(args.backup), key, ctx.data_dir)
        except BackupError as exc:
            print(f"intake: restore refused: {exc}", file=ctx.err)
            return 1
    print(f"restored {check.incidents} incident(s), {check.entries} audit entries, all verified.", file=ctx.out)
    if kept is not None:
        print(f"the store it replaced is kept as {kept}", file=ctx.out)
    return 0
