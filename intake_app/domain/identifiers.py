"""Agent identifiers in one canonical form, so the same badge, name or plate typed differently matches.

Witnesses read plates off moving cars and badges off vests: `ABC 1234`, `abc-1234` and `ABC l234`
are the same plate. The canonical form is only a matching key; the record keeps what was typed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .records import Agent, Incident

BADGE, NAME, PLATE = "badge", "name", "plate"

# On plates, letters people confuse with digits fold onto the digit (O->0, I and L->1).
_PLATE_FOLD = str.maketrans({"O": "0", "I": "1", "L": "1"})
# Words that say nothing about who someone is: "Agent Doe" and "Doe" are the same name key.
_NAME_NOISE = {"agent", "officer", "ofc", "det", "detective", "special", "sa", "sgt", "mr", "mrs", "ms",
               "dr", "jr", "sr", "deputy", "supervisory", "trooper", "border", "patrol"}
_PLACEHOLDERS = {"", "unknown", "unk", "na", "n a", "none", "not known", "not seen", "no", "x", "xx", "xxx",
                 "illegible", "unreadable"}
_PLACEHOLDER_KEYS = {p.replace(" ", "") for p in _PLACEHOLDERS}

_US_STATES = {
    "ALABAMA": "AL", "ALASKA": "AK", "ARIZONA": "AZ", "ARKANSAS": "AR", "CALIFORNIA": "CA", "COLORADO": "CO",
    "CONNECTICUT": "CT", "DELAWARE": "DE", "DISTRICT OF COLUMBIA": "DC", "FLORIDA": "FL", "GEORGIA": "GA",
    "HAWAII": "HI", "IDAHO": "ID", "ILLINOIS": "IL", "INDIANA": "IN", "IOWA": "IA", "KANSAS": "KS",
    "KENTUCKY": "KY", "LOUISIANA": "LA", "MAINE": "ME", "MARYLAND": "MD", "MASSACHUSETTS": "MA", "MICHIGAN": "MI",
    "MINNESOTA": "MN", "MISSISSIPPI": "MS", "MISSOURI": "MO", "MONTANA": "MT", "NEBRASKA": "NE", "NEVADA": "NV",
    "NEW HAMPSHIRE": "NH", "NEW JERSEY": "NJ", "NEW MEXICO": "NM", "NEW YORK": "NY", "NORTH CAROLINA": "NC",
    "NORTH DAKOTA": "ND", "OHIO": "OH", "OKLAHOMA": "OK", "OREGON": "OR", "PENNSYLVANIA": "PA",
    "RHODE ISLAND": "RI", "SOUTH CAROLINA": "SC", "SOUTH DAKOTA": "SD", "TENNESSEE": "TN", "TEXAS": "TX",
    "UTAH": "UT", "VERMONT": "VT", "VIRGINIA": "VA", "WASHINGTON": "WA", "WEST VIRGINIA": "WV",
    "WISCONSIN": "WI", "WYOMING": "WY", "US GOVERNMENT": "US", "FEDERAL": "US", "GOVERNMENT": "US",
}


_NOT_ALNUM = re.compile(r"[^0-9A-Z]")
_NOT_LETTER = re.compile(r"[^A-Z ]")
_SPACES = re.compile(r"\s+")


def _strip_accents(text: str) -> str:
    if text.isascii():  # most identifiers: nothing to strip (this runs for every agent of every record synced)
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _alnum_upper(text: str) -> str:
    return _NOT_ALNUM.sub("", _strip_accents(text).upper())


def normalise_badge(badge: str) -> str:
    """`ero-4471`, `ERO 4471` and `#ERO4471` -> `ERO4471`. Digits and letters are kept apart
    (a badge is read off a vest at arm's length, not off a moving car)."""
    value = _alnum_upper(badge)
    return "" if value.lower() in _PLACEHOLDER_KEYS else value


def normalise_plate(plate: str) -> str:
    """`ABC 1234`, `abc-1234`, `ABC l234`, `A8C I234`... -> one key; O/0 and I/L/1 fold to the digit."""
    value = _alnum_upper(plate)
    if value.lower() in _PLACEHOLDER_KEYS:
        return ""
    return value.translate(_PLATE_FOLD)


def normalise_state(state: str) -> str:
    """Two-letter postal code; full state names are understood. '' when unknown."""
    cleaned = _NOT_LETTER.sub(" ", _strip_accents(state).upper())
    cleaned = _SPACES.sub(" ", cleaned).strip()
    if len(cleaned.replace(" ", "")) == 2:
        return cleaned.replace(" ", "")
    return _US_STATES.get(cleaned, cleaned[:2] if cleaned else "")


# Name words: ASCII letters and digits as before (so keys already stored for Latin names do not change), and
# letters of non-Latin scripts (Greek, Cyrillic, Arabic, Chinese...), which would otherwise give no key at
# all: "李小龙" typed at two stations must match like "John Doe" does.
_NAME_WORD = re.compile(r"(?:[0-9a-z]|[^\W\d_\u0000-\u036f])+")


def normalise_name(name: str) -> str:
    """Case, accents, punctuation, spacing and order folded: `Doe, John`, `JOHN DOE` and `Agent John Doé`
    -> `doe john` (words sorted, so the order a witness gives them in does not matter)."""
    text = _strip_accents(name).casefold()
    words = [w for w in _NAME_WORD.findall(text) if w]
    if " ".join(words) in _PLACEHOLDERS:
        return ""
    words = [w for w in words if w not in _NAME_NOISE]
    return " ".join(sorted(words))


@dataclass(frozen=True)
class Identifier:
    """One matching key of one agent: `kind` badge/name/plate, `value` canonical, `state` for plates."""

    kind: str
    value: str
    state: str = ""
    display: str = ""  # as typed, e.g. "ABC l234 (IL)", for people to read

    @property
    def key(self) -> tuple[str, str, str]:
        return self.kind, self.value, self.state


def agent_identifiers(agent: Agent) -> list[Identifier]:
    found = []
    if badge := normalise_badge(agent.badge):
        found.append(Identifier(BADGE, badge, "", agent.badge.strip()))
    if name := normalise_name(agent.name):
        found.append(Identifier(NAME, name, "", agent.name.strip()))
    vehicle = agent.vehicle
    if vehicle is not None and (plate := normalise_plate(vehicle.plate)):
        state = normalise_state(vehicle.plate_state)
        shown = vehicle.plate.strip() + (f" ({vehicle.plate_state.strip()})" if vehicle.plate_state.strip() else "")
        found.append(Identifier(PLATE, plate, state, shown))
    return found


def identifiers_of(incident: Incident) -> list[Identifier]:
    """Every distinct key of the incident's agents (two agents in one car give one plate)."""
    seen: dict[tuple[str, str, str], Identifier] = {}
    for agent in incident.agents:
        for ident in agent_identifiers(agent):
            seen.setdefault(ident.key, ident)
    return list(seen.values())
