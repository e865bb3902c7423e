"""Keep the identifier and place indexes equal to the records, inside the caller's transaction.

Driver and Core statements on the caller's connection: this runs on every save and for every record a
headquarters store syncs in (100,000 of them), so no ORM bookkeeping.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Connection, delete, select, text

from ...domain.identifiers import identifiers_of
from ...domain.records import Incident
from .tables import PLACE_INDEX, TIME_ORIGIN, IdentifierRow, IncidentPlaceRow

IDENTIFIERS = IdentifierRow.__table__
PLACES = IncidentPlaceRow.__table__
_DELETE_PLACE_INDEX = text(f"DELETE FROM {PLACE_INDEX} WHERE id = :id")


def minutes(when: datetime) -> float:
    """Minutes since TIME_ORIGIN (UTC): the R*Tree's time axis."""
    naive = when.astimezone(UTC).replace(tzinfo=None) if when.tzinfo else when
    return (naive - TIME_ORIGIN).total_seconds() / 60.0


def _place(inc: Incident) -> tuple[float, float, float] | None:
    loc = inc.location
    if loc.latitude is None or loc.longitude is None or inc.occurred_at is None:
        return None
    return loc.latitude, loc.longitude, minutes(inc.occurred_at)


def index_incident(conn: Connection, inc: Incident, *, fresh: bool = False) -> None:
    """(Re)write the incident's rows. `fresh`: the incident has no rows yet (new record, import)."""
    if not fresh:
        unindex_incident(conn, inc.id)
    index_new(conn, [inc])


def index_new(conn: Connection, incidents: list[Incident]) -> None:
    """Rows for records that have none yet (one saved, or a pulled page of a thousand): one executemany per
    table, plain driver statements on the caller's connection (same transaction): SQLAlchemy's per-statement
    work would be most of the cost. Place ids are handed out after the current largest, as SQLite would."""
    cursor = conn.connection.cursor()
    try:
        idents = [(inc.id, i.kind, i.value, i.state, i.display) for inc in incidents for i in identifiers_of(inc)]
        if idents:
            cursor.executemany(
                "INSERT INTO incident_identifiers (incident_id, kind, value, state, display) VALUES (?, ?, ?, ?, ?)",
                idents)
        placed = [(inc.id, place) for inc in incidents if (place := _place(inc)) is not None]
        if placed:
            first = (cursor.execute("SELECT max(place_id) FROM incident_places").fetchone()[0] or 0) + 1
            cursor.executemany("INSERT INTO incident_places (place_id, incident_id) VALUES (?, ?)",
                               [(first + n, incident_id) for n, (incident_id, _place_) in enumerate(placed)])
            cursor.executemany(f"INSERT INTO {PLACE_INDEX} (id, min_lat, max_lat, min_lon, max_lon, min_t, max_t) "
                               "VALUES (?, ?, ?, ?, ?, ?, ?)",
                               [(first + n, lat, lat, lon, lon, t, t) for n, (_id, (lat, lon, t)) in enumerate(placed)])
    finally:
        cursor.close()


def unindex_incident(conn: Connection, incident_id: str) -> None:
    conn.execute(delete(IDENTIFIERS).where(IDENTIFIERS.c.incident_id == incident_id))
    place_id = conn.scalar(select(PLACES.c.place_id).where(PLACES.c.incident_id == incident_id))
    if place_id is not None:
        conn.execute(_DELETE_PLACE_INDEX, {"id": place_id})
        conn.execute(delete(PLACES).where(PLACES.c.place_id == place_id))


def needs_reindex(before: Incident | None, after: Incident) -> bool:
    """A status change leaves agents, place and time alone: skip the rewrite then."""
    if before is None:
        return True
    return (identifiers_of(before) != identifiers_of(after) or _place(before) != _place(after))
