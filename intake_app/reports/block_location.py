"""Block-level locations for the public release: "3510 S Michigan Ave, Apt 2" becomes "35xx S MICHIGAN AVE".

Only a house number followed by plain street words is turned into a block; anything else (intersections,
landmarks, descriptions) is withheld, because free text can name a business, a home or a person.
"""

from __future__ import annotations

import re

# A house number, then street words made of letters and digits only (no punctuation that could carry a note).
_ADDRESS = re.compile(r"^\s*(\d{1,5})[A-Za-z]?\s+((?:[NSEW]\.?\s+)?[A-Za-z0-9]+(?:\s+[A-Za-z0-9]+){0,4})\s*$")
# Unit and apartment designations come after the street: cut them off before matching.
_UNIT = re.compile(r"\s*(?:,|#|\b(?:apt|apartment|unit|suite|ste|fl|floor|rm|room|bsmt|rear|front)\b).*$", re.IGNORECASE)
_SUFFIXES = {"AVE", "AV", "ST", "RD", "BLVD", "DR", "PL", "CT", "PKWY", "HWY", "LN", "TER", "WAY", "SQ", "CIR", "EXPY"}


def block_of(address: str) -> str:
    """The hundred-block of a Chicago street address, upper case; "" when the text is not a plain address."""
    head = _UNIT.sub("", address or "")
    m = _ADDRESS.match(head)
    if not m:
        return ""
    number, street = int(m.group(1)), m.group(2).replace(".", "").upper().split()
    # A street must end in a known suffix (or be a numbered street like "W 26TH"): anything else may be a name.
    if street[-1] not in _SUFFIXES and not re.fullmatch(r"\d+(ST|ND|RD|TH)", street[-1]):
        return ""
    return f"{number // 100}xx {' '.join(street)}"
