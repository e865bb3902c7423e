"""Users of the station on the command line (review and station security): list, add, disable, enable, reset-passphrase.

Everything goes through `security/users.py`, so the core decides who may manage users (a signed-in,
active administrator), hashes passphrases and rate-limits sign-ins exactly as in the app. The acting
administrator signs in with `--as STAR` (or INTAKE_USER) and a passphrase typed at a prompt (or
INTAKE_USER_PASSPHRASE for scripts). Passphrases never come from the command line: argument lists are
visible to other users of the machine and end up in shell history.

A fresh station has no users: like the app's first start, the first `users add` creates the administrator
and needs nobody signed in.
"""

from __future__ import annotations

import argparse
import json
import os

from ..domain.actor import Actor
from ..security import user_keys
from ..security.users import (
    ADMINISTRATOR,
    MIN_PASSPHRASE,
    ROLES,
    add_user,
    create_first_administrator,
    has_users,
    list_users,
    set_active,
    set_passphrase,
)
from .context import CliContext, UsageError, ask_secret

NEW_PASSPHRASE_ENV = "INTAKE_NEW_USER_PASSPHRASE"


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("users", help="manage the station's users (an administrator signs in; the first user of a "
                                     "fresh station is its administrator)",
                       description="Manage the users of this station. The acting administrator is --as STAR (or "
                                   "INTAKE_USER); their passphrase is asked for, or read from INTAKE_USER_PASSPHRASE. "
                                   f"A new passphrase is asked for twice, or read from {NEW_PASSPHRASE_ENV}. "
                                   "Passphrases are never accepted as arguments.")
    p.set_defaults(func=lambda _args, _ctx: _usage(p))
    actions = p.add_subparsers(dest="users_command", metavar="ACTION")

    def action(name: str, help_text: str, func) -> argparse.ArgumentParser:
        a = actions.add_parser(name, help=help_text)
        a.add_argument("--as", dest="as_star", metavar="STAR",
                       help="star number of the administrator doing this (default: INTAKE_USER)")
        a.set_defaults(func=func)
        return a

    a = action("list", "list the users: star, name, role, active", cmd_list)
    a.add_argument("--json", action="store_true", help="print a JSON array")
    a = action("add", "add a user (on a fresh station: the first administrator)", cmd_add)
    a.add_argument("--star", required=True, help="the new user's star number (digits)")
    a.add_argument("--name", required=True, help="the new user's name as it appears on records")
    a.add_argument("--role", required=True, choices=ROLES)
    action("sealing-key", "sign in as yourself (--as STAR) and print your sealing public key (hex): headquarters "
           "publishes a privacy officer's through the server (INTAKE_SERVER_PRIVACY_OFFICER_KEYS)", cmd_sealing_key)
    a = action("disable", "deactivate a user (kept, never deleted: their name stays on what they did)", cmd_disable)
    a.add_argument("star")
    a = action("enable", "reactivate a deactivated user", cmd_enable)
    a.add_argument("star")
    a = action("reset-passphrase", "give a user a new passphrase (clears their failed sign-ins)", cmd_reset)
    a.add_argument("star")


def _usage(parser: argparse.ArgumentParser) -> int:
    raise UsageError("users: name an action: list, add, disable, enable or reset-passphrase "
                     f"(see `intake users --help`)\n{parser.format_usage().strip()}")


def _administrator(args: argparse.Namespace, ctx: CliContext) -> Actor:
    """The signed-in administrator (sign-in, rate limit and role are checked by the core)."""
    if not has_users(ctx.store):
        raise UsageError("This station has no users yet. Create its administrator first: "
                         "intake users add --star N --name NAME --role administrator")
    if not (args.as_star or os.environ.get("INTAKE_USER", "").strip()):
        raise UsageError("--as: give your star number as an administrator (--as STAR, or set INTAKE_USER).")
    actor = ctx.actor(star=args.as_star)
    if actor.role != ADMINISTRATOR:
        # The core would refuse too; saying it here is plainer than its generic message.
        raise UsageError(f"--as: star {actor.star} is a {actor.role}; only an administrator can manage users.")
    return actor


def _new_passphrase(star: str) -> str:
    """From the environment (scripts) or typed twice; checked for length before anything is written."""
    passphrase = os.environ.get(NEW_PASSPHRASE_ENV)
    if passphrase is None:
        passphrase = ask_secret(f"New passphrase for star {star} ({MIN_PASSPHRASE}+ characters): ", NEW_PASSPHRASE_ENV)
        if ask_secret("Repeat the new passphrase: ", NEW_PASSPHRASE_ENV) != passphrase:
            raise UsageError("passphrase: the two passphrases differ; nothing was changed.")
    if len(passphrase) < MIN_PASSPHRASE:
        raise UsageError(f"passphrase: at least {MIN_PASSPHRASE} characters; nothing was changed.")
    return passphrase


def _core(call):
    """Runs a core call; its refusals of bad values become usage errors (exit 2) naming the field."""
    try:
        return call()
    except (ValueError, LookupError) as exc:
        raise UsageError(str(exc).strip("'\"")) from exc


def cmd_list(args: argparse.Namespace, ctx: CliContext) -> int:
    if has_users(ctx.store):
        _administrator(args, ctx)
    users = list_users(ctx.store)
    if args.json:
        json.dump([{"star": u.star, "name": u.name, "role": u.role, "active": u.active} for u in users],
                  ctx.out, ensure_ascii=False, indent=2)
        ctx.out.write("\n")
        return 0
    for u in users:
        print(f"{u.star:<8} {u.role:<14} {'active' if u.active else 'disabled':<9} {u.name}", file=ctx.out)
    print(f"{len(users)} user(s)" if users else "No users yet: the first `intake users add` creates the administrator.",
          file=ctx.err)
    return 0


def cmd_add(args: argparse.Namespace, ctx: CliContext) -> int:
    if not has_users(ctx.store):
        if args.role != ADMINISTRATOR:
            raise UsageError("--role: the first user of a station is its administrator (--role administrator); "
                             "they then add supervisors and reviewers.")
        passphrase = _new_passphrase(args.star)
        user = _core(lambda: create_first_administrator(ctx.store, args.star, args.name, passphrase))
        print(f"created the administrator {user.name} (star {user.star}); from now on changes need a signed-in user",
              file=ctx.out)
        return 0
    admin = _administrator(args, ctx)
    passphrase = _new_passphrase(args.star)
    user = _core(lambda: add_user(ctx.store, admin, args.star, args.name, args.role, passphrase))
    print(f"added {user.name} (star {user.star}) as {user.role}", file=ctx.out)
    return 0


def cmd_disable(args: argparse.Namespace, ctx: CliContext) -> int:
    admin = _administrator(args, ctx)
    _core(lambda: set_active(ctx.store, admin, args.star.strip(), False))
    print(f"disabled star {args.star.strip()}", file=ctx.out)
    return 0


def cmd_enable(args: argparse.Namespace, ctx: CliContext) -> int:
    admin = _administrator(args, ctx)
    _core(lambda: set_active(ctx.store, admin, args.star.strip(), True))
    print(f"enabled star {args.star.strip()}", file=ctx.out)
    return 0


def cmd_reset(args: argparse.Namespace, ctx: CliContext) -> int:
    admin = _administrator(args, ctx)
    star = args.star.strip()
    if star not in {u.star for u in list_users(ctx.store)}:
        raise UsageError(f"star: no user with star {star}")  # before asking for a passphrase nobody will get
    passphrase = _new_passphrase(star)
    _core(lambda: set_passphrase(ctx.store, admin, star, passphrase))
    print(f"new passphrase set for star {star}; their failed sign-ins are cleared", file=ctx.out)
    return 0


def cmd_sealing_key(args, ctx: CliContext) -> int:
    """The signed-in user's own public key; its private half never leaves this store (security/user_keys.py)."""
    if not has_users(ctx.store):
        raise UsageError("This station has no users yet: the administrator creates them first.")
    me = ctx.actor(args.as_star)  # signing in opens (or, the first time, makes) the user's key pair
    print(user_keys.public_key(ctx.store, me.star), file=ctx.out)
    return 0
