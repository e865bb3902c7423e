"""The `intake` command. With no sub-command it opens the desktop app.

Exit codes: 0 done, 1 could not do it (store, network, printer...), 2 bad input (the message names
what and where; nothing partial was written).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from .commands.context import CliContext, UsageError, display_available
from .paths import MissingResource
from .storage.database_key import PASSPHRASE_ENV
from .storage.errors import ConflictError, NotFound, StoreError, StoreOpenError

# One module per feature; each has register(subparsers). Add a line here for a new feature.
COMMAND_MODULES = [
    "intake_app.commands.records",
    "intake_app.commands.links",
    "intake_app.commands.selftest",
    "intake_app.commands.server",
    "intake_app.commands.sync",
    "intake_app.commands.reports",
    "intake_app.commands.evidence",
    "intake_app.commands.signing",
    "intake_app.commands.publish",
    "intake_app.commands.users",
    "intake_app.commands.recovery",
]

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2


class _Version(argparse.Action):
    """argparse's "version" action with the version read only when asked for (it is read from a file)."""

    def __call__(self, parser, namespace, values, option_string=None):
        from . import __version__

        print(f"intake {__version__}")  # on standard output, as argparse's own action does
        parser.exit()


def build_parser(commands: bool = True) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="intake",
        description="Intake: document alleged violations by federal immigration agents (CPD, ICE On Notice order). "
        "Without a command, opens the desktop app.",
        epilog=f"The local store is encrypted; its key lives in the OS keyring, or comes from a passphrase "
        f"({PASSPHRASE_ENV} or --passphrase-prompt) on machines without one.",
    )
    parser.add_argument("--version", action=_Version, nargs=0, help="show the program's version number and exit")
    parser.add_argument("--data-dir", help="folder of the local store (default: the user data folder; or INTAKE_DATA_DIR)")
    parser.add_argument("--selftest", action="store_true",
                        help="check this installation end to end in a temporary folder, then exit (0 = all good)")
    parser.add_argument("--passphrase-prompt", action="store_true",
                        help=f"ask for the store's passphrase (instead of the keyring or {PASSPHRASE_ENV})")
    if not commands:
        parser.set_defaults(command=None)
        return parser
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    """Without a command the desktop app opens, and the commands' modules (ReportLab, the sync client...) are not
    imported just to build their parsers: that was a large share of the app's start (start-up speed). Anything else (a
    command, --help, a mistake) goes to the whole parser, so its answers and messages are the usual ones."""
    argv = sys.argv[1:] if argv is None else argv
    if not any(arg == "-h" or (len(arg) > 2 and "--help".startswith(arg)) for arg in argv):  # --he is --help too
        parser = build_parser(commands=False)
        parser.exit_on_error = False
        try:
            args, rest = parser.parse_known_args(argv)
        except argparse.ArgumentError:
            rest = argv
        if not rest:
            return args
    return build_parser().parse_args(argv)


def open_app(ctx: CliContext) -> int:
    if not display_available():
        print("intake: no display is available here (DISPLAY and WAYLAND_DISPLAY are not set), so the desktop app "
              "cannot open.\nUse the command line instead: `intake --help` lists the commands "
              "(import, export, list, show, demo...).", file=ctx.err)
        return EXIT_FAILED
    from .ui.shell.startup import OpeningStore

    passphrase = ctx.passphrase()  # asked once (--passphrase-prompt)
    opening = OpeningStore(ctx.data_dir, passphrase)  # before Qt is imported (ui/shell/startup.py)
    try:
        from .ui.shell.app import run
    except BaseException:
        opening.close()
        raise
    return run(ctx.data_dir, passphrase=passphrase, opening=opening)


def main(argv: list[str] | None = None) -> int:
    args = parse_arguments(argv)
    ctx = CliContext(data_dir_option=args.data_dir, prompt_passphrase=args.passphrase_prompt)
    # The app keeps its own log and crash dialog; the self-test works in a temporary folder and must leave
    # nothing in the user's. Every other command leaves one line in the log, and a report if it crashes.
    if args.selftest or args.command in (None, "selftest"):
        return _run(args, ctx, None)
    from .commands.cli_log import CommandLog, action_name

    command_log = CommandLog(args.data_dir, action_name(args))
    code = EXIT_FAILED
    try:
        code = _run(args, ctx, command_log)
        return code
    finally:
        command_log.finished(code)
        command_log.close()


def _dispatch(args: argparse.Namespace, ctx: CliContext) -> int:
    if args.selftest:
        from .commands.selftest import run_selftest

        return run_selftest(ctx.out)
    if args.command is None:
        return open_app(ctx)
    return args.func(args, ctx)


def _run(args: argparse.Namespace, ctx: CliContext, command_log) -> int:
    try:
        return _dispatch(args, ctx)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader (e.g. `| head`) went away; nothing more to say. Keep Python from complaining at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:  # noqa: BLE001 - named below; the rest get a report without personal data
        code = _exit_code(exc, ctx.err)
        if code is not None:
            return code
        if command_log is None:
            raise
        path = command_log.crashed(exc)
        print(f"intake: the command stopped because of an unexpected error. A report without personal data "
              f"is in {path}", file=ctx.err)
        return EXIT_FAILED
    finally:
        ctx.close()


def _exit_code(exc: Exception, err) -> int | None:
    """Say what went wrong and give the exit code: 2 for bad input, 1 for what could not be done; None for an
    error nobody expected."""
    from .domain.problems import ValidationError
    from .domain.workflow import WorkflowError

    if isinstance(exc, ValidationError):
        print("intake: the input has problems; nothing was written:", file=err)
        for problem in exc.problems:
            print(f"  {problem.path}: {problem.message}", file=err)
        return EXIT_BAD_INPUT
    if isinstance(exc, UsageError | NotFound | ConflictError | WorkflowError):
        print(f"intake: {exc}", file=err)
        return EXIT_BAD_INPUT
    if isinstance(exc, MissingResource):
        print(f"intake: {exc}", file=err)
        return EXIT_FAILED
    if isinstance(exc, StoreOpenError | StoreError):
        print(f"intake: {exc}", file=err)
        if isinstance(exc, StoreOpenError) and exc.reason == StoreOpenError.BAD_STATION_FILE:
            return EXIT_BAD_INPUT
        return EXIT_FAILED
    if isinstance(exc, PermissionError):
        print(f"intake: {exc}", file=err)
        # No errno: the core refused (a role check), as for a workflow rule. With one: the OS refused a file.
        return EXIT_BAD_INPUT if exc.errno is None else EXIT_FAILED
    return None


if __name__ == "__main__":
    sys.exit(main())
