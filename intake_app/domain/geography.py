"""CPD districts and beats, and Chicago's city limits as the union of its police beats.

The beats are the City of Chicago's "Boundaries - Police Beats" (277 beats), shipped compact in
resources/geography/chicago-police-beats.geojson with their source and date; an administrator can replace them
with a chicago-police-beats.geojson in the data folder when CPD redraws beats (like statutes.json). Lookups go
through a shapely STRtree over the beat polygons (tests/benchmarks/test_beats_benchmark.py: well under 1 ms).

District 31 in the city's data (beat 3100) covers city areas outside the 22 patrol districts: a point there is
inside Chicago, but no patrol district or beat is derived from it, and the supervisor's own entry stands.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..paths import resource_path

# Districts in service; 13, 21 and 23 were merged away.
DISTRICTS: tuple[int, ...] = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14, 15, 16, 17, 18, 19, 20, 22, 24, 25)
# The city's data puts areas outside the patrol districts in district 31.
NON_PATROL_DISTRICT = 31
BEATS_FILE = "chicago-police-beats.geojson"
MAX_BEATS_FILE = 20 * 1024 * 1024  # an administrator's replacement is read only up to this size


def beat_matches_district(beat: str, district: int) -> bool:
    """The beat is a real beat of that district (the shipped beat map, or the administrator's)."""
    return beat in default_beat_map().beats_of(district)


@dataclass(frozen=True)
class Located:
    """Where coordinates fall: the beat and its district, or (district 31) inside the city but no patrol beat."""
    district: int | None
    beat: str


class BeatMap:
    """The beat polygons with an STRtree index; `locate` answers which beat holds a point."""

    def __init__(self, features: list[tuple[str, int, object]], source: str = "", as_of: str = ""):
        from shapely import STRtree

        self.source = source
        self.as_of = as_of
        self._beats = [(beat, district) for beat, district, _ in features]
        self._geoms = [geom for _, _, geom in features]
        self._tree = STRtree(self._geoms)
        by_district: dict[int, set[str]] = {}
        for beat, district in self._beats:
            if district != NON_PATROL_DISTRICT:
                by_district.setdefault(district, set()).add(beat)
        self._by_district = {d: frozenset(b) for d, b in by_district.items()}
        self._last: tuple[float, float, Located | None] | None = None

    def beats_of(self, district: int) -> frozenset[str]:
        return self._by_district.get(district, frozenset())

    def point_in(self, beat: str) -> tuple[float, float] | None:
        """(latitude, longitude) of a point inside the beat (demo data, tests), or None for no such beat."""
        for (name, _district), geom in zip(self._beats, self._geoms, strict=True):
            if name == beat:
                point = geom.representative_point()  # type: ignore[attr-defined]  # a shapely geometry
                return round(point.y, 6), round(point.x, 6)
        return None

    def locate(self, latitude: float, longitude: float) -> Located | None:
        """The beat holding the point (on a shared border, the first in the file); None outside the city.
        The last point's answer is kept: checking a record asks for its point twice (city limits, then the
        order's beat), and a pull or push checks thousands (half the geography's cost of a pull)."""
        last = self._last
        if last is not None and last[0] == latitude and last[1] == longitude:
            return last[2]
        found = self._locate(latitude, longitude)
        self._last = (latitude, longitude, found)  # one tuple: a thread reading it sees one point's answer
        return found

    def _locate(self, latitude: float, longitude: float) -> Located | None:
        from shapely import Point

        hits = self._tree.query(Point(longitude, latitude), predicate="intersects")
        if len(hits) == 0:
            return None
        beat, district = self._beats[int(min(hits))]
        if district == NON_PATROL_DISTRICT:
            return Located(None, "")
        return Located(district, beat)


def parse_beat_map(data: object) -> BeatMap:
    """A GeoJSON FeatureCollection of Polygon/MultiPolygon beats with `beat` (or BEAT_NUM) and `district` (or
    DISTRICT) properties. Raises ValueError naming what is wrong."""
    from shapely.geometry import shape

    if not isinstance(data, dict) or not isinstance(data.get("features"), list):
        raise ValueError("the beat map must be a GeoJSON FeatureCollection")
    features = []
    for i, feature in enumerate(data["features"]):
        try:
            props = feature["properties"]
            beat = str(props.get("beat", props.get("BEAT_NUM", ""))).zfill(4)
            district = int(props.get("district", props.get("DISTRICT")))
            geometry = feature["geometry"]
            if geometry.get("type") not in ("Polygon", "MultiPolygon"):
                raise ValueError("not a polygon")
            geom = shape(geometry)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ValueError(f"features[{i}] is not a beat polygon with beat and district: {exc}") from exc
        if not (len(beat) == 4 and beat.isdigit()):
            raise ValueError(f"features[{i}].properties.beat {beat!r} is not 4 digits")
        features.append((beat, district, geom))
    if not features:
        raise ValueError("the beat map has no beats")
    return BeatMap(features, str(data.get("source", "")), str(data.get("as_of", "")))


def load_beat_map(data_dir: Path | None = None) -> BeatMap:
    """The administrator's copy in the data folder wins over the shipped one."""
    override = data_dir / BEATS_FILE if data_dir else None
    path = override if override and override.exists() else resource_path("geography", BEATS_FILE)
    if path.stat().st_size > MAX_BEATS_FILE:
        raise ValueError(f"{path} is larger than {MAX_BEATS_FILE // (1024 * 1024)} MB")
    return parse_beat_map(json.loads(path.read_text(encoding="utf-8")))


_default: BeatMap | None = None


def default_beat_map() -> BeatMap:
    global _default
    if _default is None:
        _default = load_beat_map()
    return _default


def use_beat_map_of(data_dir: Path) -> bool:
    """An administrator's chicago-police-beats.geojson in the data folder replaces the shipped beats (when CPD
    redraws them); False when there is none. A file that cannot be used raises ValueError naming what is wrong
    (json.JSONDecodeError is one) or OSError, and the map in use stays: the opening stops and says so, as for a
    statutes.json, rather than check beats against a map the station did not choose."""
    global _default
    if not (data_dir / BEATS_FILE).exists():
        return False
    _default = load_beat_map(data_dir)
    return True


def locate(latitude: float, longitude: float) -> Located | None:
    return default_beat_map().locate(latitude, longitude)


def inside_chicago(lat: float, lon: float) -> bool:
    """Inside one of the city's police beats (Broadview, Franklin Park, Cicero and Oak Park are not)."""
    return locate(lat, lon) is not None
