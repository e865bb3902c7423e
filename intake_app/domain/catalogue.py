"""The statute catalogue: a convenience list of offences, shipped in resources/ and replaceable
by an administrator (a statutes.json in the data folder) without a new release."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..paths import resource_path

FELONY_CLASSES = ("M", "X", "1", "2", "3", "4")
MISDEMEANOR_CLASSES = ("A", "B", "C")
ORDINANCE = "ordinance"


def is_felony_class(offence_class: str) -> bool:
    return offence_class in FELONY_CLASSES


def class_label(offence_class: str) -> str:
    if offence_class == "M":
        return "Felony (first degree murder)"
    if offence_class in FELONY_CLASSES:
        return f"Class {offence_class} felony"
    if offence_class in MISDEMEANOR_CLASSES:
        return f"Class {offence_class} misdemeanor"
    if offence_class == ORDINANCE:
        return "Ordinance violation"
    return offence_class or "class not chosen"


@dataclass(frozen=True)
class Statute:
    citation: str
    title: str
    classes: tuple[str, ...]
    class_note: str = ""

    @property
    def may_be_felony(self) -> bool:
        return any(is_felony_class(c) for c in self.classes)

    @property
    def default_class(self) -> str:
        """Only an entry with a single class has a default; otherwise the supervisor chooses."""
        return self.classes[0] if len(self.classes) == 1 else ""


@dataclass(frozen=True)
class Catalogue:
    source: str
    as_of: str
    disclaimer: str
    statutes: tuple[Statute, ...]

    def get(self, citation: str) -> Statute | None:
        return self._index().get(citation)

    def _index(self) -> dict[str, Statute]:
        cached = self.__dict__.get("_by_citation")
        if cached is None:
            cached = {s.citation: s for s in self.statutes}
            object.__setattr__(self, "_by_citation", cached)
        return cached

    def search(self, text: str) -> list[Statute]:
        words = text.casefold().split()
        return [s for s in self.statutes if all(w in f"{s.citation} {s.title}".casefold() for w in words)]


def parse_catalogue(data: dict) -> Catalogue:
    statutes = tuple(
        Statute(e["citation"], e["title"], tuple(e["classes"]), e.get("class_note", "")) for e in data["entries"]
    )
    return Catalogue(data.get("source", ""), data.get("as_of", ""), data.get("disclaimer", ""), statutes)


def load_catalogue(data_dir: Path | None = None) -> Catalogue:
    """The administrator's copy in the data folder wins over the shipped one."""
    override = data_dir / "statutes.json" if data_dir else None
    path = override if override and override.exists() else resource_path("statutes.json")
    return parse_catalogue(json.loads(path.read_text(encoding="utf-8")))


_default: Catalogue | None = None


def default_catalogue() -> Catalogue:
    global _default
    if _default is None:
        _default = load_catalogue()
    return _default
