"""Coordinates to district and beat: one lookup in the city's 277 beat polygons (shapely STRtree) under 1 ms,
measured beside a plain scan of every polygon with shapely's contains (the baseline) in the same run."""

from __future__ import annotations

import random

import pytest
import shapely

from intake_app.domain.geography import NON_PATROL_DISTRICT, default_beat_map

from .timing import median_seconds, report

pytestmark = pytest.mark.benchmark

POINTS = 2_000
TARGET_SECONDS = 0.001  # per lookup


def scan_every_polygon(beat_map, points):
    """The baseline: each point tested against every beat polygon in turn."""
    out = []
    for lat, lon in points:
        found = None
        for (beat, district), geom in zip(beat_map._beats, beat_map._geoms, strict=True):
            if shapely.intersects_xy(geom, lon, lat):
                found = None if district == NON_PATROL_DISTRICT else (district, beat)
                break
        out.append(found)
    return out


def indexed(beat_map, points):
    out = []
    for lat, lon in points:
        where = beat_map.locate(lat, lon)
        out.append(None if where is None or where.district is None else (where.district, where.beat))
    return out


def test_a_coordinate_lookup_takes_under_a_millisecond():
    beat_map = default_beat_map()
    rng = random.Random(7)
    # Over the city and its neighbours (Broadview to the lake): some points fall in no beat.
    points = [(rng.uniform(41.64, 42.03), rng.uniform(-87.95, -87.52)) for _ in range(POINTS)]

    assert indexed(beat_map, points) == scan_every_polygon(beat_map, points)
    ours = median_seconds(lambda: indexed(beat_map, points), repeat=5) / POINTS
    baseline = median_seconds(lambda: scan_every_polygon(beat_map, points), repeat=3) / POINTS
    report(f"Beat lookup, per point ({POINTS:,} points)", {"STRtree (locate)": ours, "scan of 277 polygons": baseline})
    print(f"  ratio locate / scan: {ours / baseline:.3f}x")
    print(f"  target < 1 ms per lookup: {'MET' if ours < TARGET_SECONDS else 'MISSED'} ({ours * 1e6:.0f} us)")
    assert ours < baseline, "the index must beat a scan of every polygon"
    assert ours < 5 * TARGET_SECONDS, f"a lookup took {ours * 1000:.2f} ms (regression bound 5 ms)"
