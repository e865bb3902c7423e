import shutil
import subprocess
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from intake_app.domain.enums import Status
from intake_app.domain.records import StatusChange

from .helpers import unsaved

CUPSD = Path("/usr/sbin/cupsd")
QUEUE = "PDF"
APPROVED_AT = datetime(2026, 11, 24, 15, 0, tzinfo=UTC)


def _scheduler_running() -> bool:
    result = subprocess.run(["lpstat", "-r"], capture_output=True, text=True)
    return "scheduler is running" in result.stdout


@pytest.fixture(scope="session")
def cups_pdf_queue():
    """A real CUPS queue printing to PDF files (cups-pdf). Starts cupsd for the session if none runs, and
    stops only the one it started."""
    if not CUPSD.exists() or shutil.which("lp") is None or shutil.which("lpadmin") is None:
        pytest.fail("CUPS is not installed, so printing cannot be tested: "
                    "apt-get install cups printer-driver-cups-pdf (the CI script installs them)")
    started = None
    if not _scheduler_running():
        Path("/run/cups").mkdir(parents=True, exist_ok=True)
        started = subprocess.Popen([str(CUPSD), "-f"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 15
        while not _scheduler_running():
            if time.monotonic() > deadline or started.poll() is not None:
                started.terminate()
                pytest.fail("cupsd did not start within 15 s")
            time.sleep(0.2)
    if subprocess.run(["lpstat", "-p", QUEUE], capture_output=True).returncode != 0:
        subprocess.run(["lpadmin", "-p", QUEUE, "-v", "cups-pdf:/", "-E", "-m", "lsb/usr/cups-pdf/CUPS-PDF_opt.ppd"],
                       check=True, capture_output=True)
    yield QUEUE
    if started is not None:
        started.terminate()
        started.wait(timeout=15)


@pytest.fixture
def approved(store, actor):
    """A complete record submitted by `actor` and approved by a lieutenant at APPROVED_AT: what a signed packet is
    built from."""
    inc = unsaved()
    inc.history = [StatusChange(Status.DRAFT, Status.IN_REVIEW, actor.name, actor.star, APPROVED_AT - timedelta(hours=2)),
                   StatusChange(Status.IN_REVIEW, Status.APPROVED, "Lt. Dana Reviewer", "415", APPROVED_AT)]
    return store.save(inc, actor)
