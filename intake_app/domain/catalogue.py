"""The statute catalogue: a convenience list of offences, shipped in resources/ and replaceable
by an administrator (a statutes.json in the data folder) without a new release.

An entry may carry translations of its title and class note ("translations": {"es": {...}}), shown in the
desktop UI in that language beside the citation and the English title. The English title stays the only one
in the record's summary, the packet and the public release: it is the statute's name in Illinois law and in
Cook County's courts, and an informal translation must not be mistaken for it."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..paths import shipped_file

FELONY_CLASSES = ("M", "X", "1", "2", "3", "4")
MISDEMEANOR_CLASSES = ("A", "B", "C")
ORDINANCE = "ordinance"


def is_felony_class(offence_class: str) -> bool:
    return offence_class in FELONY_CLASSES


CLASS_LABELS = {"M": "Felony (first degree murder)", ORDINANCE: "Ordinance violation", "": "class not chosen"}
FELONY_LABEL = "Class {klass} felony"
MISDEMEANOR_LABEL = "Class {klass} misdemeanor"


def class_label_template(offence_class: str) -> str:
    """The English label with {klass} for the class letter or number; the UI translates it whole."""
    if offence_class in CLASS_LABELS:
        return CLASS_LABELS[offence_class]
    if offence_class in FELONY_CLASSES:
        return FELONY_LABEL
    if offence_class in MISDEMEANOR_CLASSES:
        return MISDEMEANOR_LABEL
    return "{klass}"  # an administrator's own class: shown as written


def class_label(offence_class: str) -> str:
    return class_label_template(offence_class).format(klass=offence_class)


@dataclass(frozen=True)
class Statute:
    citation: str
    title: str
    classes: tuple[str, ...]
    class_note: str = ""
    # language -> {"title": ..., "class_note": ...}; informal aids for reading, never the legal text
    translations: Mapping[str, Mapping[str, str]] = field(default_factory=dict, compare=False, hash=False)
    # To whom the offence applies (an exemption, a definition to check): shown by the picker and the packet.
    applicability: str = ""

    def title_in(self, language: str) -> str:
        """The title in a language, or the English title when the catalogue has no translation."""
        return self.translations.get(language, {}).get("title") or self.title

    def class_note_in(self, language: str) -> str:
        if not self.class_note:
            return ""
        return self.translations.get(language, {}).get("class_note") or self.class_note

    def applicability_in(self, language: str) -> str:
        if not self.applicability:
            return ""
        return self.translations.get(language, {}).get("applicability") or self.applicability

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
        """Entries whose citation or title (English or a translation) holds every word typed."""
        words = _folded(text).split()
        return [s for s in self.statutes if all(w in _searchable(s) for w in words)]


def _folded(text: str) -> str:
    """Case and accents ignored: "agresion" finds "Agresión" (station keyboards are US layouts)."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))


def _searchable(s: Statute) -> str:
    titles = " ".join(t.get("title", "") for t in s.translations.values())
    return _folded(f"{s.citation} {s.title} {titles}")


def parse_catalogue(data: dict[str, Any]) -> Catalogue:
    statutes = tuple(
        Statute(e["citation"], e["title"], tuple(e["classes"]), e.get("class_note", ""),
                {lang: dict(t) for lang, t in e.get("translations", {}).items()}, e.get("applicability", ""))
        for e in data["entries"]
    )
    return Catalogue(data.get("source", ""), data.get("as_of", ""), data.get("disclaimer", ""), statutes)


def load_catalogue(data_dir: Path | None = None) -> Catalogue:
    """The administrator's copy in the data folder wins over the shipped one."""
    override = data_dir / "statutes.json" if data_dir else None
    path = override if override and override.exists() else shipped_file("statutes.json")
    return parse_catalogue(json.loads(path.read_text(encoding="utf-8")))


_default: Catalogue | None = None


def default_catalogue() -> Catalogue:
    global _default
    if _default is None:
        _default = load_catalogue()
    return _default
