"""`intake --selftest` (also `intake selftest`): prove that this installation works, end to end.

Made for the frozen bundle on a station PC: it finds its shipped resources, opens an encrypted store in a
temporary folder (passphrase mode, so no keyring is needed), runs the migrations, saves and finds a demo
incident, renders a PDF, and opens the main window when a display platform is available. One line per
check; exit 0 only when every check passed. Nothing outside the temporary folder is touched.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import secrets
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TextIO

from .. import __version__
from ..domain.actor import Actor
from ..domain.demo import demo_incidents
from ..paths import resource_path
from ..storage.cipher import DB_FILE
from ..storage.migrate import alembic_config
from ..storage.opening import open_store
from .context import CliContext, display_available

# What a bundle must carry; a missing one means build.spec forgot it.
REQUIRED_RESOURCES = (
    ("statutes.json",),
    ("schema", "incident-1.schema.json"),
    ("schema", "incident-2.schema.json"),
    ("icons", "intake.svg"),
    ("icons", "intake-256.png"),
    ("receipts", "en.json"),
    ("receipts", "es.json"),
    ("fonts", "DejaVuSans.ttf"),
    ("fonts", "DejaVuSans-Bold.ttf"),
    ("fonts", "DroidSansFallbackFull.ttf"),
    ("translations", "intake_es.qm"),
)
KEYRING_BACKENDS = {"win32": "keyring.backends.Windows", "darwin": "keyring.backends.macOS"}
DEFAULT_KEYRING_BACKEND = "keyring.backends.SecretService"
SELFTEST_ACTOR = ("Selftest", "0000")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("selftest", help="check this installation end to end in a temporary folder (same as --selftest)")
    p.set_defaults(func=handle)


class SelfTest:
    def __init__(self, out: TextIO):
        self.out = out
        self.failed: list[str] = []

    def check(self, name: str, work: Callable[[], str]) -> None:
        start = time.perf_counter()
        try:
            detail = work()
        except Exception as exc:  # a self-test reports every failure and goes on to the next check
            self.failed.append(name)
            print(f"FAIL  {name}: {type(exc).__name__}: {exc}", file=self.out, flush=True)
            return
        print(f"ok    {name}: {detail} ({time.perf_counter() - start:.2f} s)", file=self.out, flush=True)


def check_resources() -> str:
    missing = [str(Path(*parts)) for parts in REQUIRED_RESOURCES if not resource_path(*parts).is_file()]
    if missing:
        raise FileNotFoundError(f"missing from {resource_path()}: {', '.join(missing)}")
    return f"{len(REQUIRED_RESOURCES)} shipped files found in {resource_path()}"


def check_keyring() -> str:
    import keyring

    module = KEYRING_BACKENDS.get(sys.platform, DEFAULT_KEYRING_BACKEND)
    importlib.import_module(module)
    backend = keyring.get_keyring()
    return f"{module} is present; this session's backend is {type(backend).__module__}.{type(backend).__name__}"


def check_store(folder: Path, state: dict) -> str:
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    store = open_store(folder, passphrase=secrets.token_urlsafe(18))
    state["store"] = store
    expected = set(ScriptDirectory.from_config(alembic_config()).get_heads())
    with store.engine.connect() as conn:
        current = set(MigrationContext.configure(conn).get_current_heads())
    if not expected or current != expected:
        raise RuntimeError(f"migrations at {sorted(current)}, expected {sorted(expected)}")
    return f"encrypted store opened in a temporary folder; migrations at heads {', '.join(sorted(current))}"


def check_save(state: dict) -> str:
    store = state["store"]
    incident = demo_incidents(1, seed=8)[0]
    saved = store.save(incident, Actor(*SELFTEST_ACTOR))
    if store.get(saved.report_number).narrative != incident.narrative:
        raise RuntimeError("the incident read back differs from the one saved")
    plates = [a.vehicle.plate for a in saved.agents if a.vehicle and a.vehicle.plate]
    if plates and saved.id not in {s.id for s in store.search(plates[0])}:
        raise RuntimeError(f"searching for plate {plates[0]} did not find the saved incident")
    state["incident"] = saved
    return f"saved and found demo incident {saved.report_number}" + (f" (by plate {plates[0]})" if plates else "")


def check_encrypted(folder: Path, state: dict) -> str:
    words = state["incident"].narrative.split("]")[-1].strip()[:30].encode("utf-8")
    for path in folder.glob(DB_FILE + "*"):
        if words in path.read_bytes():
            raise RuntimeError(f"narrative text readable in {path.name}")
    return "no narrative text readable in the database files"


def check_pdf(folder: Path, state: dict) -> str:
    """The referral packet when that module is installed, otherwise the packet's linked-incidents section."""
    store, incident = state["store"], state["incident"]
    out = folder / "selftest.pdf"
    if importlib.util.find_spec("intake_app.reports.packet") is not None:
        from ..reports.packet import write_packet
        from ..reports.packet_source import packet_input

        write_packet(packet_input(store, incident.id), out)
        what = "referral packet"
    else:
        from reportlab.lib.pagesizes import letter
        from reportlab.platypus import SimpleDocTemplate

        from ..reports.packet_links import linked_incidents_flowables

        SimpleDocTemplate(str(out), pagesize=letter).build(linked_incidents_flowables(store, incident.id))
        what = "packet section 'Linked incidents' (the full packet module is not installed)"
    data = out.read_bytes()
    if not data.startswith(b"%PDF"):
        raise RuntimeError(f"{out.name} is not a PDF")
    return f"rendered the {what}: {len(data):,} bytes"


def check_translations() -> str:
    from ..ui.shell.selftest_window import check_translations as check

    return check()


def check_window(state: dict) -> str:
    from ..ui.shell.selftest_window import open_and_close_main_window

    return open_and_close_main_window(state["store"])


def run_selftest(out: TextIO | None = None) -> int:
    out = out or sys.stdout
    test = SelfTest(out)
    print(f"intake {__version__} selftest, {datetime.now().astimezone():%Y-%m-%d %H:%M %Z}, "
          f"Python {sys.version.split()[0]} on {sys.platform}" + (" (frozen bundle)" if getattr(sys, "frozen", False) else ""),
          file=out, flush=True)
    state: dict = {}
    with tempfile.TemporaryDirectory(prefix="intake-selftest-") as tmp:
        folder = Path(tmp)
        test.check("resources", check_resources)
        test.check("keyring", check_keyring)
        test.check("translations", check_translations)
        test.check("store", lambda: check_store(folder, state))
        if "store" in state:
            test.check("save", lambda: check_save(state))
        if "incident" in state:
            test.check("encryption", lambda: check_encrypted(folder, state))
            test.check("pdf", lambda: check_pdf(folder, state))
        if "store" in state:
            if display_available():
                test.check("window", lambda: check_window(state))
            else:
                print("skip  window: no display platform here (set QT_QPA_PLATFORM=offscreen to include it)",
                      file=out, flush=True)
            state["store"].engine.dispose()  # Windows cannot delete an open database file
    if test.failed:
        print(f"selftest FAILED: {', '.join(test.failed)}", file=out, flush=True)
        return 1
    print("selftest passed", file=out, flush=True)
    return 0


def handle(args: argparse.Namespace, ctx: CliContext) -> int:
    return run_selftest(ctx.out)
