"""The packet names each statute from the catalogue in force where it is made: an administrator's
statutes.json in the data folder wins over the shipped one, as it does for the validator."""

from __future__ import annotations

import json

from pypdf import PdfReader

from intake_app.cli import main
from intake_app.storage.opening import open_store

from .helpers import unsaved

LOCAL_STATUTE = "Chicago MCC 8-4-999"
TITLE = "Obstructing a station entrance"


def test_a_packet_citing_an_administrators_statute_prints_its_title(data_dir, actor, tmp_path):
    (data_dir / "statutes.json").write_text(json.dumps({
        "source": "Station memo", "as_of": "2026-12-01", "disclaimer": "not legal advice",
        "entries": [{"citation": LOCAL_STATUTE, "title": TITLE, "classes": ["4"]}]}), encoding="utf-8")
    store = open_store(data_dir)
    inc = unsaved(agents=1)
    for v in inc.violations:
        v.statute, v.offence_class = LOCAL_STATUTE, "4"
    saved = store.save(inc, actor)
    store.engine.dispose()
    out = tmp_path / "p.pdf"
    assert main(["--data-dir", str(data_dir), "report", saved.report_number, "--out", str(out)]) == 0
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(str(out)).pages)
    assert f"{LOCAL_STATUTE} {TITLE}" in text
    assert "not in the statute catalogue" not in text
