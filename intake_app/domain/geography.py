"""CPD districts and beats, and Chicago's bounding box."""

# Districts in service; 13, 21 and 23 were merged away.
DISTRICTS: tuple[int, ...] = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14, 15, 16, 17, 18, 19, 20, 22, 24, 25)

# Generous box around the city limits (O'Hare to the Indiana line).
CHICAGO_LAT = (41.64, 42.03)
CHICAGO_LON = (-87.95, -87.52)


def beat_matches_district(beat: str, district: int) -> bool:
    return len(beat) == 4 and beat.isdigit() and int(beat[:2]) == district


def inside_chicago(lat: float, lon: float) -> bool:
    return CHICAGO_LAT[0] <= lat <= CHICAGO_LAT[1] and CHICAGO_LON[0] <= lon <= CHICAGO_LON[1]
