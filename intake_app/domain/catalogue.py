"""The statute catalogue: a convenience list of offences, shipped in resources/ and replaceable
by an administrator (a statutes.json in the data folder) without a new release.

An entry may carry translations of its title and class note ("translations": {"es": {...}}), shown in the
desktop UI in that language beside the citation and the English title. The English title stays the only one
in the record's summary, the packet and the public release: it is the statute's name in Illinois law and in
Cook County's courts, and an informal translation must not be mistaken for it."""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..paths import shipped_file
from .bounded_json import parse as parse_bounded
from .problems import Problem, ValidationError

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


MAX_CATALOGUE_FILE = 2 * 1024 * 1024  # the shipped one is 18 KB; an administrator's is read only up to this
MAX_ENTRIES = 2_000
MAX_TEXT = 4_000  # a title, a class note, an applicability note, a translation
KNOWN_CLASSES = (*FELONY_CLASSES, *MISDEMEANOR_CLASSES, ORDINANCE)


def _text_problems(value: object, path: str, *, required: bool = False) -> list[Problem]:
    if value is None:
        return [Problem(path, "is missing")] if required else []
    if not isinstance(value, str):
        return [Problem(path, "must be text")]
    if required and not value.strip():
        return [Problem(path, "is missing")]
    if len(value) > MAX_TEXT:
        return [Problem(path, f"is longer than {MAX_TEXT:,} characters")]
    return []


def _entry_problems(entry: object, path: str) -> list[Problem]:
    if not isinstance(entry, dict):
        return [Problem(path, "must be an object with a citation, a title and classes")]
    problems = _text_problems(entry.get("citation"), f"{path}.citation", required=True)
    problems += _text_problems(entry.get("title"), f"{path}.title", required=True)
    for key in ("class_note", "applicability"):
        problems += _text_problems(entry.get(key), f"{path}.{key}")
    classes = entry.get("classes")
    if not isinstance(classes, list) or not classes:
        problems.append(Problem(f"{path}.classes", "must be a list of one or more offence classes"))
    else:
        problems += [Problem(f"{path}.classes[{i}]", f"must be one of {', '.join(KNOWN_CLASSES)}")
                     for i, c in enumerate(classes) if c not in KNOWN_CLASSES]
    translations = entry.get("translations", {})
    if not isinstance(translations, dict) or len(translations) > 50:
        problems.append(Problem(f"{path}.translations", "must be an object of languages"))
        return problems
    for language, texts in translations.items():
        where = f"{path}.translations.{language}"
        if not isinstance(texts, dict):
            problems.append(Problem(where, "must be an object of texts"))
            continue
        for key, text in texts.items():
            problems += _text_problems(text, f"{where}.{key}")
    return problems


def catalogue_problems(data: object) -> list[Problem]:
    """What keeps `data` (a parsed statutes.json) from being a catalogue, each problem with its field path."""
    if not isinstance(data, dict):
        return [Problem("(file)", "must be an object with a list of entries")]
    problems: list[Problem] = []
    for key in ("source", "as_of", "disclaimer"):
        problems += _text_problems(data.get(key), key)
    entries = data.get("entries")
    if not isinstance(entries, list):
        return [*problems, Problem("entries", "must be a list of statutes")]
    if len(entries) > MAX_ENTRIES:
        return [*problems, Problem("entries", f"holds {len(entries):,} statutes, more than {MAX_ENTRIES:,}")]
    for i, entry in enumerate(entries):
        problems += _entry_problems(entry, f"entries[{i}]")
    return problems


def parse_catalogue(data: Any) -> Catalogue:
    """The catalogue of a parsed statutes.json; ValidationError naming each field that is wrong."""
    problems = catalogue_problems(data)
    if problems:
        raise ValidationError(problems)
    statutes = tuple(
        Statute(e["citation"], e["title"], tuple(e["classes"]), e.get("class_note") or "",
                {lang: dict(t) for lang, t in e.get("translations", {}).items()}, e.get("applicability") or "")
        for e in data["entries"]
    )
    return Catalogue(data.get("source") or "", data.get("as_of") or "", data.get("disclaimer") or "", statutes)


def read_catalogue_file(path: Path) -> Catalogue:
    """A statutes.json read within bounds (size, nesting, numbers) and checked; ValidationError otherwise."""
    with path.open("rb") as f:
        data = f.read(MAX_CATALOGUE_FILE + 1)
    return parse_catalogue(parse_bounded(data, what="(file)", max_bytes=MAX_CATALOGUE_FILE))


def load_catalogue(data_dir: Path | None = None) -> Catalogue:
    """The administrator's copy in the data folder wins over the shipped one."""
    override = data_dir / "statutes.json" if data_dir else None
    return read_catalogue_file(override if override and override.exists() else shipped_file("statutes.json"))


@functools.cache
def default_catalogue() -> Catalogue:
    """The shipped catalogue, read once."""
    return load_catalogue()
