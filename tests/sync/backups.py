"""The administrator's side of a backup and a restore, as docs/SERVER.md says: pg_dump, pg_restore into a new
database, and the `intake server` commands run as a separate process (as an administrator runs them)."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .conftest import PG, ROOT


def intake_command(*args: str, env: dict[str, str | None] | None = None) -> subprocess.CompletedProcess:
    """`intake ARGS` in a process of its own; `env`: variables to set (None: to unset)."""
    environment = dict(os.environ)
    for name, value in (env or {}).items():
        if value is None:
            environment.pop(name, None)
        else:
            environment[name] = value
    return subprocess.run([sys.executable, "-m", "intake_app", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, env=environment)


def intake(*args: str) -> str:
    """`intake ARGS`, which must succeed: what it printed."""
    done = intake_command(*args)
    assert done.returncode == 0, done.stderr
    return done.stdout


def dump(database_url: str, file: Path) -> Path:
    """The nightly backup: `pg_dump --format=custom` of the server's database."""
    subprocess.run(["pg_dump", *PG, "--format=custom", f"--file={file}", database_url.rsplit("/", 1)[1]], check=True)
    return file


@contextmanager
def restored_database(database_url: str, file: Path) -> Iterator[str]:
    """`file` restored with pg_restore into a new database beside `database_url`'s: yields its URL; dropped after."""
    name = f"intake_restored_{secrets.token_hex(4)}"
    subprocess.run(["createdb", *PG, name], check=True)
    try:
        subprocess.run(["pg_restore", *PG, "--no-owner", f"--dbname={name}", str(file)], check=True)
        yield database_url.rsplit("/", 1)[0] + "/" + name
    finally:
        subprocess.run(["dropdb", "--force", *PG, name], check=True)
