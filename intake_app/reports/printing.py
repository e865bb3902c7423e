"""Printing a PDF through the operating system's print system (CUPS `lp` on Linux and macOS).

Windows has no `lp`: print from the desktop app's Print dialog, or save the PDF with `intake report`
and print it from a PDF viewer. Every failure is a PrintError with a plain sentence.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path


class PrintError(RuntimeError):
    """The document could not be handed to a printer; the message says why in plain words."""


WINDOWS_HELP = ("Printing from the command line is not available on Windows. Use Print in the desktop app "
                "(incident view), or save the PDF with 'intake report ID --out FILE.pdf' and print it from "
                "a PDF viewer.")


def _run(args: list[str]) -> subprocess.CompletedProcess:
    # Messages are matched in English, whatever the user's locale.
    return subprocess.run(args, capture_output=True, text=True, timeout=30, env={**os.environ, "LC_ALL": "C"})


def printers() -> list[str]:
    """Printer queues the print system knows; raises PrintError when CUPS is missing or not running."""
    if sys.platform == "win32":
        raise PrintError(WINDOWS_HELP)
    if shutil.which("lpstat") is None or shutil.which("lp") is None:
        raise PrintError("No print system found: CUPS ('lp' and 'lpstat') is not installed on this computer.")
    running = _run(["lpstat", "-r"])
    if "scheduler is running" not in running.stdout.lower():
        raise PrintError("The print system (CUPS) is not running, so nothing can be printed. "
                         "Start it (e.g. 'sudo systemctl start cups') and try again.")
    result = _run(["lpstat", "-p"])
    return re.findall(r"^printer (\S+)", result.stdout, flags=re.M)


def print_file(path: Path, printer: str, *, title: str = "", copies: int = 1) -> str:
    """Sends the file to `printer`; returns the print system's job id."""
    known = printers()
    if printer not in known:
        listed = ", ".join(known) if known else "none is set up"
        raise PrintError(f"There is no printer named {printer!r} (printers on this computer: {listed}).")
    # US Letter: a queue set up for A4 (the CUPS default in many locales) would otherwise print the Letter
    # pages shrunk onto A4.
    args = ["lp", "-d", printer, "-n", str(copies), "-o", "media=Letter"]
    if title:
        args += ["-t", title]
    result = _run(args + ["--", str(path)])
    if result.returncode != 0:
        raise PrintError(f"The print system refused the job: {(result.stderr or result.stdout).strip()}")
    match = re.search(r"request id is (\S+)", result.stdout)
    return match.group(1) if match else result.stdout.strip()
