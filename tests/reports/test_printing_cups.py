"""The packet goes through a real CUPS queue (cups-pdf) and comes out whole."""

from __future__ import annotations

import time
from pathlib import Path

from pypdf import PdfReader

from intake_app.cli import main
from intake_app.reports.printing import PrintError, print_file
from intake_app.security import audit
from intake_app.storage.opening import open_store

from .helpers import incident_with, packet_pdf, unsaved

PRINTED = Path.home() / "PDF"  # cups-pdf's Out ${HOME}/PDF, names mangled from the job title


def _already_printed() -> set[Path]:
    return set(PRINTED.glob("*.pdf")) if PRINTED.exists() else set()


def _newest_pdf_after(before: set[Path], timeout: float = 40) -> Path:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        fresh = list(_already_printed() - before)
        if fresh:
            newest = max(fresh, key=lambda p: p.stat().st_mtime)
            last = -1
            while time.monotonic() < deadline:  # cups-pdf writes it in pieces: wait until it stops growing
                size = newest.stat().st_size
                if size and size == last:
                    break
                last = size
                time.sleep(0.7)
            return newest
        time.sleep(0.3)
    raise AssertionError(f"nothing printed into {PRINTED} within {timeout} s")


def test_a_packet_printed_through_cups_arrives_with_every_page(cups_pdf_queue, tmp_path):
    pdf = tmp_path / "packet.pdf"
    pdf.write_bytes(packet_pdf(incident_with(agents=8, footage=40)))
    pages = len(PdfReader(str(pdf)).pages)
    before = _already_printed()
    job = print_file(pdf, cups_pdf_queue, title="packet-test")
    assert job.startswith(cups_pdf_queue)
    printed = _newest_pdf_after(before)
    reader = PdfReader(str(printed))
    assert len(reader.pages) == pages
    assert f"Page {pages} of {pages}" in reader.pages[-1].extract_text()


def test_intake_print_sends_the_packet_and_records_it(cups_pdf_queue, store, actor, data_dir, capsys):
    inc = store.save(unsaved(), actor)
    store.engine.dispose()
    before = _already_printed()
    assert main(["--data-dir", str(data_dir), "print", inc.report_number, "--printer", cups_pdf_queue]) == 0
    assert f"sent the packet for {inc.report_number} to {cups_pdf_queue}" in capsys.readouterr().out
    assert inc.report_number in PdfReader(str(_newest_pdf_after(before))).pages[0].extract_text()
    reopened = open_store(data_dir)
    printed = [e for e in audit.entries_for(reopened, inc.id) if e.action == "print"]
    reopened.engine.dispose()
    assert printed and f"printer {cups_pdf_queue}" in printed[0].new_value


def test_an_unknown_printer_is_named_in_the_error(cups_pdf_queue, tmp_path):
    pdf = tmp_path / "p.pdf"
    pdf.write_bytes(packet_pdf(incident_with()))
    try:
        print_file(pdf, "NoSuchQueue")
    except PrintError as exc:
        assert "NoSuchQueue" in str(exc) and cups_pdf_queue in str(exc)
    else:
        raise AssertionError("printing to a missing queue did not fail")


def test_the_print_job_asks_for_us_letter_whatever_the_queues_default_paper(cups_pdf_queue, tmp_path):
    pdf = tmp_path / "packet.pdf"
    pdf.write_bytes(packet_pdf(incident_with(agents=1, footage=1)))
    before = _already_printed()
    print_file(pdf, cups_pdf_queue, title="letter-test")
    page = PdfReader(str(_newest_pdf_after(before))).pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (612, 792)
