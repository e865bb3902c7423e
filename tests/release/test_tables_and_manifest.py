"""Aggregate tables agree with the incident rows; the manifest's hashes match; releases are reproducible."""

from __future__ import annotations

import csv
import hashlib
import json
from collections import Counter

from intake_app.domain.demo import demo_incidents
from intake_app.reports.release import ReleaseOptions, publish


def _demo_store(store, actor, count=400):
    store.import_incidents(demo_incidents(count, seed=11), actor)


def _read(path) -> list[dict]:
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def test_visible_table_cells_and_totals_equal_the_counts_of_the_incident_rows(store, actor, tmp_path):
    _demo_store(store, actor)
    out = tmp_path / "r"
    publish(store, out, ReleaseOptions(include_demo=True))
    incidents = _read(out / "DEMO-incidents.csv")
    expected = Counter((r["month"], r["district"]) for r in incidents)
    table = _read(out / "DEMO-incidents_by_month_district.csv")
    checked = 0
    for row in table:
        for district, shown in row.items():
            if district in ("month", "total") or row["month"] == "total" or shown.startswith("<"):
                continue
            assert int(shown) == expected[(row["month"], district)]
            checked += 1
    totals = table[-1]
    assert totals["month"] == "total" and totals["total"] == str(len(incidents))
    assert checked > 20

    by_agency = Counter(a for r in incidents for a in r["agencies"].split("; ") if a)
    for row in _read(out / "DEMO-incidents_by_agency_month.csv")[:-1]:
        if not row["total"].startswith("<"):
            assert int(row["total"]) == by_agency[row["agency"]]


def test_no_hidden_cell_of_a_published_table_is_left_alone_in_its_row_or_column(store, actor, tmp_path):
    _demo_store(store, actor)
    out = tmp_path / "r"
    publish(store, out, ReleaseOptions(include_demo=True))
    for path in out.glob("*by_*.csv"):
        with open(path, newline="") as f:
            lines = list(csv.reader(f))
        body = [line[1:] for line in lines[1:]]
        assert any(cell.startswith("<") for line in body for cell in line), path.name
        for line in body:
            assert sum(cell.startswith("<") for cell in line) != 1, (path.name, line)
        for column in zip(*body, strict=True):
            assert sum(cell.startswith("<") for cell in column) != 1, (path.name, column)


def test_the_manifest_lists_every_file_with_its_sha256(store, actor, tmp_path):
    _demo_store(store, actor, 50)
    out = tmp_path / "r"
    publish(store, out, ReleaseOptions(include_demo=True))
    manifest = json.loads((out / "DEMO-manifest.json").read_text())
    listed = {f["name"]: f for f in manifest["files"]}
    assert set(listed) == {p.name for p in out.iterdir()} - {"DEMO-manifest.json"}
    for name, entry in listed.items():
        data = (out / name).read_bytes()
        assert entry["sha256"] == hashlib.sha256(data).hexdigest() and entry["bytes"] == len(data)


def test_the_same_records_give_byte_identical_releases(store, actor, tmp_path):
    _demo_store(store, actor, 120)
    publish(store, tmp_path / "a", ReleaseOptions(include_demo=True))
    publish(store, tmp_path / "b", ReleaseOptions(include_demo=True))
    for p in (tmp_path / "a").iterdir():
        assert p.read_bytes() == (tmp_path / "b" / p.name).read_bytes(), p.name


def test_the_data_dictionary_describes_every_column_of_the_incident_files(store, actor, tmp_path):
    _demo_store(store, actor, 30)
    out = tmp_path / "r"
    publish(store, out, ReleaseOptions(include_demo=True))
    dictionary = (out / "DEMO-DATA_DICTIONARY.md").read_text()
    with open(out / "DEMO-incidents.csv", newline="") as f:
        header = next(csv.reader(f))
    assert all(f"| `{column}` |" in dictionary for column in header)
    incidents = json.loads((out / "DEMO-incidents.json").read_text())["incidents"]
    assert all(list(record) == header for record in incidents)
    for path in out.glob("*by_*.csv"):
        assert f"## `{path.name}`" in dictionary


def test_the_release_counts_felony_review_outcomes_of_referred_incidents(store, actor, tmp_path):
    _demo_store(store, actor)
    out = tmp_path / "r"
    publish(store, out, ReleaseOptions(include_demo=True, threshold=1))
    referred = [r for r in _read(out / "DEMO-incidents.csv") if r["referred_to_ccsao"] == "yes"]
    expected = Counter(r["felony_review_outcome"] or "awaiting_decision" for r in referred)
    table = {row["felony_review_outcome"]: row["total"] for row in _read(
        out / "DEMO-referrals_by_felony_review_outcome_month.csv")}
    assert len(expected) >= 4
    assert {k: int(v) for k, v in table.items() if k != "total"} == dict(expected)
    assert "`downgraded_to_misdemeanor` (Downgraded to misdemeanor)" in (out / "DEMO-DATA_DICTIONARY.md").read_text()
